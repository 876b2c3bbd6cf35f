using System.Text.Json;

namespace Pulse.Load;

/// <summary>
/// Reads how many of the load's mentions Pulse has processed: the sum of <c>count</c> over the <c>load-*</c> brands in
/// <c>GET /api/overview?window=24h</c>. Exact, because every generated mention names exactly one brand and the
/// 24-hour window loses nothing during a run (a 1-minute window would roll over); the rise over a run is what the
/// run processed. One read asks every brand's channel grains (about 9 calls per brand), so it is polled every few
/// seconds, not continuously. The fallback where <c>/metrics</c> is not there (<see cref="MetricsProcessedReader"/>), and
/// the one reading that covers a whole cluster whichever silo holds which partition.
/// </summary>
internal sealed class ProcessedReader(HttpClient http, Uri host, int brands = 0) : IProcessedReader
{
    public const string BrandPrefix = "load-";

    private readonly Uri _overview = new(host, "/api/overview?window=24h");

    public string Source => $"GET {_overview}: rise of the summed counts of the {BrandPrefix}* brands";

    /// <summary>Every 5 s, and more rarely with many brands, since one read asks every brand's channel grains.</summary>
    public TimeSpan PollInterval => TimeSpan.FromSeconds(Math.Max(5, brands / 2_000.0));

    /// <summary>Null when the host did not answer.</summary>
    public async Task<long?> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(_overview, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var overview = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
            long sum = 0;
            foreach (var brand in overview.RootElement.GetProperty("brands").EnumerateArray())
            {
                if (brand.GetProperty("brandId").GetString()?.StartsWith(BrandPrefix, StringComparison.Ordinal) == true)
                {
                    sum += brand.GetProperty("count").GetInt64();
                }
            }

            return sum;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
