using System.Text.Json;

namespace Pulse.Load;

/// <summary>
/// Reads how many of the load's mentions Pulse has processed: the sum of <c>count</c> over the <c>load-*</c> brands in
/// <c>GET /api/overview?window=24h</c>. Exact, because every generated mention names exactly one brand and the
/// 24-hour window loses nothing during a run (a 1-minute window would roll over); the rise over a run is what the
/// run processed. One read asks every brand's channel grains (about 9 calls per brand), so it is polled every few
/// seconds, not continuously.
/// </summary>
internal sealed class ProcessedReader(HttpClient http, Uri host)
{
    public const string BrandPrefix = "load-";

    private readonly Uri _overview = new(host, "/api/overview?window=24h");

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
