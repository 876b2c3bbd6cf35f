using System.Globalization;

namespace Pulse.Detect;

/// <summary>
/// A <c>timestamp,value</c> CSV (the NAB format) read with the invariant culture; timestamps without an offset are UTC.
/// Values are any finite real number. The original text of each row is kept so the output aligns exactly with the input.
/// </summary>
/// <remarks>
/// Rows are observed in input order, one observation each. Real feeds repeat and reorder timestamps (NAB: a DST change
/// replays an hour as a dozen rows at 03:00, a machine log repeats an hour, a traffic sensor reports twice in one minute),
/// so each row also gets the time at which the detector observes it, <see cref="Row.ObservedAt"/>: the latest timestamp
/// seen so far. A repeated timestamp is another observation at that time; a timestamp that goes back is a late
/// observation, seen at the latest time rather than rewinding the detector's clock (detectors take buckets in time order).
/// </remarks>
internal sealed class SeriesCsv
{
    private SeriesCsv(Row[] rows, TimeSpan bucketSize, int repeated, int backward)
    {
        Rows = rows;
        BucketSize = bucketSize;
        Repeated = repeated;
        Backward = backward;
    }

    public Row[] Rows { get; }

    public int Count => Rows.Length;

    /// <summary>The median positive step of the observation clock (robust to a few missing or repeated rows).</summary>
    public TimeSpan BucketSize { get; }

    /// <summary>Rows whose timestamp equals the latest one seen before them.</summary>
    public int Repeated { get; }

    /// <summary>Rows whose timestamp is earlier than the latest one seen before them.</summary>
    public int Backward { get; }

    public static SeriesCsv? Parse(string[] lines, string source, out string? error)
    {
        if (lines.Length == 0 || string.IsNullOrWhiteSpace(lines[0]))
        {
            error = $"{source}: empty file, expected a 'timestamp,value' header";
            return null;
        }

        var header = lines[0].Split(',');
        var timeColumn = Array.FindIndex(header, h => h.Trim().Equals("timestamp", StringComparison.OrdinalIgnoreCase));
        var valueColumn = Array.FindIndex(header, h => h.Trim().Equals("value", StringComparison.OrdinalIgnoreCase));
        if (timeColumn < 0 || valueColumn < 0)
        {
            error = $"{source}:1: expected a header with 'timestamp' and 'value' columns, got '{lines[0]}'";
            return null;
        }

        var rows = new List<Row>(lines.Length);
        var steps = new List<long>(lines.Length);
        int repeated = 0, backward = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var row = ParseRow(line, i + 1, source, header.Length, timeColumn, valueColumn, out error);
            if (row is not { } parsed)
            {
                return null;
            }

            if (rows.Count > 0)
            {
                var clock = rows[^1].ObservedAt;
                if (parsed.Timestamp > clock)
                {
                    steps.Add((parsed.Timestamp - clock).Ticks);
                }
                else
                {
                    repeated += parsed.Timestamp == clock ? 1 : 0;
                    backward += parsed.Timestamp < clock ? 1 : 0;
                    parsed = parsed with { ObservedAt = clock };
                }
            }

            rows.Add(parsed);
        }

        if (steps.Count == 0)
        {
            error = rows.Count == 0
                ? $"{source}: no rows after the header"
                : $"{source}: need at least two distinct timestamps to tell the bucket size";
            return null;
        }

        error = null;
        return new SeriesCsv([.. rows], Median(steps), repeated, backward);
    }

    /// <summary>Reads one data row, observed at its own timestamp; null with an error naming <c>source:line</c> if it is bad.</summary>
    private static Row? ParseRow(string line, int lineNumber, string source, int columns, int timeColumn, int valueColumn, out string? error)
    {
        var cells = line.Split(',');
        if (cells.Length <= Math.Max(timeColumn, valueColumn))
        {
            error = $"{source}:{lineNumber}: expected {columns} columns, got '{line}'";
            return null;
        }

        var timeText = cells[timeColumn].Trim();
        var valueText = cells[valueColumn].Trim();
        if (!DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
        {
            error = $"{source}:{lineNumber}: '{timeText}' is not a timestamp (e.g. 2015-02-26 21:42:53)";
            return null;
        }

        // NumberStyles.Float also reads "NaN", "Infinity" and overflows such as 1e999 (as infinity): none is a measurement.
        if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            error = $"{source}:{lineNumber}: '{valueText}' is not a finite number";
            return null;
        }

        error = null;
        return new Row(lineNumber, timestamp, timestamp, value, timeText, valueText);
    }

    private static TimeSpan Median(List<long> steps)
    {
        steps.Sort();
        return TimeSpan.FromTicks(steps[steps.Count / 2]);
    }

    /// <summary>One input row: its 1-based line in the file, its own timestamp, the time it is observed at, its value and text.</summary>
    internal readonly record struct Row(
        int Line, DateTimeOffset Timestamp, DateTimeOffset ObservedAt, double Value, string TimestampText, string ValueText);
}
