using System.Globalization;
using Pulse.Analytics.Detection;

namespace Pulse.Silo.Cli.Detect;

/// <summary>
/// <c>pulse detect --input FILE.csv --output OUT.csv [--sensitivity low|normal|high]</c>: runs the grains'
/// <see cref="VolumeAnomalyDetector"/> with the grains' default settings over <c>timestamp,value</c> rows (NAB format)
/// and writes <c>timestamp,value,anomaly_score,alert,drop_alert,kind</c>.
/// </summary>
/// <remarks>
/// <c>alert</c> (and the alert score in <c>anomaly_score</c>, at or above 0.5 exactly where <c>alert</c> is 1) carries
/// spike alerts only: that is the event the NAB-format labels mark, and a feed-wide run of exact zeros (an ingestion
/// outage) is not a brand event. Drop alerts, which the grains do raise, are written separately in <c>drop_alert</c>.
/// </remarks>
public static class DetectCommand
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    private const string Usage = "usage: pulse detect --input FILE.csv --output OUT.csv [--sensitivity low|normal|high]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var options = DetectOptions.Parse(args, out var error);
        if (options is null)
        {
            if (error is null)
            {
                await stdout.WriteLineAsync(Usage).ConfigureAwait(false);
                return Ok;
            }

            await stderr.WriteLineAsync($"pulse detect: {error}\n{Usage}").ConfigureAwait(false);
            return BadInput;
        }

        string[] lines;
        try
        {
            lines = await File.ReadAllLinesAsync(options.Input).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            await stderr.WriteLineAsync($"pulse detect: cannot read '{options.Input}': {e.Message}").ConfigureAwait(false);
            return BadInput;
        }

        var series = SeriesCsv.Parse(lines, options.Input, out error);
        if (series is null)
        {
            await stderr.WriteLineAsync($"pulse detect: {error}").ConfigureAwait(false);
            return BadInput;
        }

        // Whole non-negative numbers are event counts (the noise model of mentions); anything else is a measurement.
        var values = series.Rows.All(r => r.Value >= 0 && r.Value == Math.Floor(r.Value)) ? ValueModel.Counts : ValueModel.Measurements;
        var settings = DetectorSettings.For(options.Sensitivity, series.BucketSize, values);
        var detector = new VolumeAnomalyDetector(settings);
        var alerts = 0;
        var gaps = 0;
        var zeroRun = 0;
        try
        {
            await using var output = new StreamWriter(options.Output, append: false);
            await output.WriteLineAsync("timestamp,value,anomaly_score,alert,gap_alert,kind,severity").ConfigureAwait(false);
            for (var i = 0; i < series.Count; i++)
            {
                var row = series.Rows[i];
                var result = detector.Observe(row.Timestamp, row.Value);
                zeroRun = row.Value == 0 ? zeroRun + 1 : 0;

                // One file cannot tell a feed outage from silence; an hour of exact zeros in a count series that expected
                // mentions is reported as a possible data gap, not a brand event (live, the silo compares every channel).
                var gap = result.Opens && result.Kind == AnomalyKind.Drop && values == ValueModel.Counts
                    && zeroRun >= settings.LevelSpanBuckets;
                var alert = result.Opens && !gap;
                alerts += alert ? 1 : 0;
                gaps += gap ? 1 : 0;
                var score = alert ? Math.Max(result.AnomalyScore, 0.5) : Math.Min(result.AnomalyScore, 0.4999);
                await output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{row.TimestampText},{row.ValueText},{score:0.######},{(alert ? 1 : 0)},{(gap ? 1 : 0)},{result.Kind},{result.Severity}")).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            await stderr.WriteLineAsync($"pulse detect: cannot write '{options.Output}': {e.Message}").ConfigureAwait(false);
            return Failed;
        }

        await stdout.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{series.Count} buckets of {series.BucketSize} ({values}), sensitivity {options.Sensitivity}: {alerts} alerts, {gaps} possible data gaps -> {options.Output}")).ConfigureAwait(false);
        return Ok;
    }

    /// <summary>Arguments of <c>pulse detect</c>.</summary>
    private sealed record DetectOptions(string Input, string Output, Sensitivity Sensitivity)
    {
        /// <summary>Parses the arguments; null with a null <paramref name="error"/> means help was asked for.</summary>
        public static DetectOptions? Parse(string[] args, out string? error)
        {
            string? input = null;
            string? output = null;
            var sensitivity = Sensitivity.Normal;
            for (var i = 0; i < args.Length; i++)
            {
                var name = args[i];
                if (name is "-h" or "--help")
                {
                    error = null;
                    return null;
                }

                if (name is not ("--input" or "--output" or "--sensitivity"))
                {
                    error = $"unknown argument '{name}'";
                    return null;
                }

                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    error = $"{name} needs a value";
                    return null;
                }

                var value = args[++i];
                switch (name)
                {
                    case "--input":
                        input = value;
                        break;
                    case "--output":
                        output = value;
                        break;
                    default:
                        if (!TryParseSensitivity(value, out sensitivity))
                        {
                            error = $"--sensitivity must be low, normal or high, not '{value}'";
                            return null;
                        }

                        break;
                }
            }

            error = input is null ? "--input is required" : output is null ? "--output is required" : null;
            return error is null ? new DetectOptions(input!, output!, sensitivity) : null;
        }

        private static bool TryParseSensitivity(string text, out Sensitivity sensitivity)
        {
            switch (text.ToUpperInvariant())
            {
                case "LOW":
                    sensitivity = Sensitivity.Low;
                    return true;
                case "NORMAL":
                    sensitivity = Sensitivity.Normal;
                    return true;
                case "HIGH":
                    sensitivity = Sensitivity.High;
                    return true;
                default:
                    sensitivity = Sensitivity.Normal;
                    return false;
            }
        }
    }
}
