using System.Globalization;
using System.Text;
using System.CommandLine;
using Pulse.Analytics.Detection;
using Pulse.CommandLine;

namespace Pulse.Detect;

/// <summary>
/// <c>pulse-detect --input FILE.csv --output OUT.csv [--sensitivity low|normal|high]</c>: runs the grains'
/// <see cref="VolumeAnomalyDetector"/> with the grains' default settings over <c>timestamp,value</c> rows (NAB format)
/// and writes <c>timestamp,value,anomaly_score,alert,gap_alert,kind,severity</c>: one output row per input row, in input
/// order, with the input's own timestamp and value text. Whole non-negative values are read as counts, anything else as
/// measurements (<see cref="ValueModel"/>).
/// </summary>
/// <remarks>
/// <para>
/// Values may be any finite real number; timestamps may repeat or go back (see <see cref="SeriesCsv"/> for how such rows
/// are observed). Exit codes: 0 done; 2 bad arguments or input (the message names <c>file:line</c>); 1 the output could
/// not be written or the detector rejected a value.
/// </para>
/// <para>
/// <c>alert</c> (and the alert score in <c>anomaly_score</c>, at or above 0.5 exactly where <c>alert</c> is 1) marks the
/// bucket that opens an incident, a rise or a fall; escalations of an open incident are not new alerts. A fall to exact
/// zeros in a count series is written in <c>gap_alert</c> instead: a run of zeros across a feed is an ingestion
/// outage, not a brand event, and one file cannot tell which it is.
/// </para>
/// </remarks>
public static class DetectCommand
{
    public const int Ok = ToolExit.Ok;
    public const int Failed = ToolExit.Failed;
    public const int BadInput = ToolExit.BadInput;

    public const string Name = "pulse-detect";

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var input = new Option<string>("--input") { Description = "A timestamp,value series (NAB format)", HelpName = "FILE.csv", Required = true };
        var output = new Option<string>("--output") { Description = "Where to write timestamp,value,anomaly_score,alert,gap_alert,kind,severity", HelpName = "OUT.csv", Required = true };
        var sensitivity = ToolOptions.OneOf("--sensitivity", Sensitivity.Normal, "How readily a bucket opens an incident");
        var command = ToolCommandLine.Root(Name, """
            Runs the spike detector the grains use over a timestamp,value series (NAB format): any finite values; rows observed
            in input order, a repeated or earlier timestamp at the latest time so far. Exit 2 for bad arguments or input (the
            message names file:line), 1 when the output cannot be written.
            """);
        command.Options.Add(input);
        command.Options.Add(output);
        command.Options.Add(sensitivity);
        command.SetAction((parsed, _) => RunAsync(new DetectOptions(parsed.GetRequiredValue(input), parsed.GetRequiredValue(output), parsed.GetValue(sensitivity)), stdout, stderr));
        return ToolCommandLine.InvokeAsync(command, args, stdout, stderr);
    }

    private static async Task<int> RunAsync(DetectOptions options, TextWriter stdout, TextWriter stderr)
    {
        string[] lines;
        try
        {
            lines = await File.ReadAllLinesAsync(options.Input).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            await stderr.WriteLineAsync($"{Name}: cannot read '{options.Input}': {e.Message}").ConfigureAwait(false);
            return BadInput;
        }

        var series = SeriesCsv.Parse(lines, options.Input, out var error);
        if (series is null)
        {
            await stderr.WriteLineAsync($"{Name}: {error}").ConfigureAwait(false);
            return BadInput;
        }

        // Whole non-negative numbers are event counts (the noise model of mentions); anything else is a measurement.
        var values = series.Rows.All(r => r.Value >= 0 && r.Value == Math.Floor(r.Value)) ? ValueModel.Counts : ValueModel.Measurements;
        var settings = DetectorSettings.For(options.Sensitivity, series.BucketSize, values);
        var detected = Detect(series, settings, options.Input, out error);
        if (detected is null)
        {
            await stderr.WriteLineAsync($"{Name}: {error}").ConfigureAwait(false);
            return Failed;
        }

        try
        {
            // Written only once every row is detected, so a failed run leaves no half-written output to be scored.
            await File.WriteAllTextAsync(options.Output, detected.Csv).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            await stderr.WriteLineAsync($"{Name}: cannot write '{options.Output}': {e.Message}").ConfigureAwait(false);
            return Failed;
        }

        await stdout.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"{series.Count} buckets of {series.BucketSize} ({values}){Reordering(series)}, sensitivity {options.Sensitivity}: {detected.Alerts} alerts, {detected.Gaps} possible data gaps -> {options.Output}")).ConfigureAwait(false);
        return Ok;
    }

    /// <summary>
    /// Observes every row in input order at its <see cref="SeriesCsv.Row.ObservedAt"/> time; null with an error naming
    /// the row's <c>file:line</c> if the detector rejects a value (a count series never holds a negative one: only whole non-negative
    /// series are read as counts).
    /// </summary>
    private static Detection? Detect(SeriesCsv series, DetectorSettings settings, string source, out string? error)
    {
        var detector = new VolumeAnomalyDetector(settings);
        var csv = new StringBuilder("timestamp,value,anomaly_score,alert,gap_alert,kind,severity\n");
        int alerts = 0, gaps = 0, zeroRun = 0;
        foreach (var row in series.Rows)
        {
            DetectorResult result;
            try
            {
                result = detector.Observe(row.ObservedAt, row.Value);
            }
            catch (ArgumentException e)
            {
                error = $"{source}:{row.Line}: the detector rejected '{row.ValueText}': {e.Message.ReplaceLineEndings(" ")}";
                return null;
            }

            // One file cannot tell a feed outage from silence. A fall to exact zeros, twice in a row, in a count series that
            // expected at least MinimumVolume a bucket (Poisson: under 1 in 10 000) is reported as a possible data gap,
            // not a brand event (live, the silo compares every channel).
            zeroRun = row.Value == 0 ? zeroRun + 1 : 0;
            var gap = result.Opens && result.Kind == AnomalyKind.Drop && settings.Values == ValueModel.Counts && zeroRun >= 2;

            // 'alert' holds the openings of incidents (what pages a person); escalations update the same incident.
            var alert = result.Opens && !gap;
            alerts += alert ? 1 : 0;
            gaps += gap ? 1 : 0;
            var score = alert ? Math.Max(result.AnomalyScore, 0.5) : Math.Min(result.AnomalyScore, 0.4999);
            csv.Append(CultureInfo.InvariantCulture, $"{row.TimestampText},{row.ValueText},{score:0.######},{(alert ? 1 : 0)},{(gap ? 1 : 0)},{result.Kind},{result.Severity}\n");
        }

        error = null;
        return new Detection(csv.ToString(), alerts, gaps);
    }

    /// <summary>Says how many rows repeated or went back in time, so a reordered input is never silently accepted.</summary>
    private static string Reordering(SeriesCsv series) =>
        series.Repeated == 0 && series.Backward == 0
            ? string.Empty
            : string.Create(
                CultureInfo.InvariantCulture,
                $" (timestamps repeated: {series.Repeated}, going back: {series.Backward}; observed at the latest time so far)");

    private sealed record Detection(string Csv, int Alerts, int Gaps);

    /// <summary>Arguments of <c>pulse-detect</c>.</summary>
    private sealed record DetectOptions(string Input, string Output, Sensitivity Sensitivity);
}
