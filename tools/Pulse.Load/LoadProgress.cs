using System.Globalization;
using Pulse.CommandLine;

namespace Pulse.Load;

/// <summary>
/// Once a second: sent/s, accepted/s, processed/s, errors and latencies so far. On a terminal a progress bar over the
/// run's time, redrawn in place; redirected output gets one plain line per second, as a log to read afterwards.
/// </summary>
internal sealed class LoadProgress(TextWriter output, bool terminal)
{
    private readonly ProgressLine _line = new(output, terminal);

    /// <param name="fraction">Of the whole run (warm-up and measured part) sent so far.</param>
    public async Task WriteAsync(double fraction, string phase, double seconds, double sentPerSecond, double acceptedPerSecond, double? processedPerSecond, long errors, LatencySummary requests, LatencySummary probes)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{phase}{seconds,5:0}s  sent {Rate(sentPerSecond)}/s  accepted {Rate(acceptedPerSecond)}/s  processed {(processedPerSecond is { } p ? Rate(p) : "?")}/s  errors {errors}  req p50/p99 {requests.P50 ?? 0:0}/{requests.P99 ?? 0:0} ms  ingest→hub p50/p99 {probes.P50 ?? 0:0}/{probes.P99 ?? 0:0} ms");
        if (_line.Enabled)
        {
            await _line.ShowAsync(fraction, text).ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync(text).ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Ends the in-place line so what follows starts on its own.</summary>
    public Task EndAsync() => _line.EndAsync();

    private static string Rate(double value) =>
        value >= 10_000 ? (value / 1000).ToString("0.0", CultureInfo.InvariantCulture) + "k" : value.ToString("0", CultureInfo.InvariantCulture);
}
