using System.Globalization;

namespace Pulse.Silo.Cli.Load;

/// <summary>
/// Once a second: sent/s, accepted/s, processed/s, errors and latencies so far. On a terminal one line is rewritten
/// in place; redirected output gets one plain line per second.
/// </summary>
internal sealed class ProgressLine(TextWriter output, bool terminal)
{
    private int _lastWidth;

    public async Task WriteAsync(double seconds, double sentPerSecond, double acceptedPerSecond, double? processedPerSecond, long errors, LatencySummary requests, LatencySummary probes)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{seconds,5:0}s  sent {Rate(sentPerSecond)}/s  accepted {Rate(acceptedPerSecond)}/s  processed {(processedPerSecond is { } p ? Rate(p) : "?")}/s  errors {errors}  req p50/p99 {requests.P50 ?? 0:0}/{requests.P99 ?? 0:0} ms  ingest→hub p50/p99 {probes.P50 ?? 0:0}/{probes.P99 ?? 0:0} ms");
        if (terminal)
        {
            await output.WriteAsync("\r" + text.PadRight(_lastWidth)).ConfigureAwait(false);
            _lastWidth = text.Length;
        }
        else
        {
            await output.WriteLineAsync(text).ConfigureAwait(false);
        }

        await output.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Ends the in-place line so what follows starts on its own.</summary>
    public async Task EndAsync()
    {
        if (terminal && _lastWidth > 0)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
        }
    }

    private static string Rate(double value) =>
        value >= 10_000 ? (value / 1000).ToString("0.0", CultureInfo.InvariantCulture) + "k" : value.ToString("0", CultureInfo.InvariantCulture);
}
