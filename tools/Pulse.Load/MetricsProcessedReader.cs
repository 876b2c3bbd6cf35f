using System.Globalization;

namespace Pulse.Load;

/// <summary>
/// Reads processed mentions from Prometheus' <c>/metrics</c> of the hosts given (one, as the load uses it): the sum of
/// <c>pulse_partition_mentions_total</c>, which a partition adds once every (brand, channel) grain has recorded a
/// delivery, one per brand a mention names (a load mention names one). A scrape costs the server one pass over its
/// counters, not a call per brand, so it can be read every second at any number of brands.
/// </summary>
internal sealed class MetricsProcessedReader(HttpClient http, IReadOnlyList<Uri> hosts) : IProcessedReader
{
    public const string Metric = "pulse_partition_mentions_total";

    public string Source => $"GET /metrics of {string.Join(", ", hosts.Select(h => h.GetLeftPart(UriPartial.Authority)))}: rise of the summed {Metric}";

    public TimeSpan PollInterval => TimeSpan.FromSeconds(1);

    public async Task<long?> ReadAsync(CancellationToken cancellationToken)
    {
        long sum = 0;
        foreach (var host in hosts)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(host, "/metrics"), cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    return null;
                }

                sum += SumOf(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }

        return sum;
    }

    /// <summary>The sum of every sample of <see cref="Metric"/> in Prometheus' text format (0 when it has none yet).</summary>
    internal static long SumOf(string exposition)
    {
        double sum = 0;
        foreach (var raw in exposition.AsSpan().EnumerateLines())
        {
            var line = raw.Trim();
            if (!line.StartsWith(Metric, StringComparison.Ordinal) || line.Length == Metric.Length || line[Metric.Length] is not ('{' or ' '))
            {
                continue;
            }

            // name{labels} value [timestamp]: label values may hold spaces, so the value follows the closing brace.
            var rest = line[Metric.Length] == '{' ? line[(line.LastIndexOf('}') + 1)..].TrimStart() : line[Metric.Length..].TrimStart();
            var end = rest.IndexOf(' ');
            if (double.TryParse(end < 0 ? rest : rest[..end], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                sum += value;
            }
        }

        return (long)Math.Round(sum);
    }
}
