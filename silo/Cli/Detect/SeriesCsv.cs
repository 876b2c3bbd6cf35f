using System.Globalization;

namespace Pulse.Silo.Cli.Detect;

/// <summary>
/// A <c>timestamp,value</c> CSV (the NAB format) read with the invariant culture; timestamps without an offset are UTC.
/// The original text of each row is kept so the output aligns exactly with the input.
/// </summary>
internal sealed class SeriesCsv
{
    private SeriesCsv(Row[] rows, TimeSpan bucketSize)
    {
        Rows = rows;
        BucketSize = bucketSize;
    }

    public Row[] Rows { get; }

    public int Count => Rows.Length;

    /// <summary>The median gap between consecutive timestamps (robust to a few missing rows).</summary>
    public TimeSpan BucketSize { get; }

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
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i];
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length <= Math.Max(timeColumn, valueColumn))
            {
                error = $"{source}:{i + 1}: expected {header.Length} columns, got '{line}'";
                return null;
            }

            var timeText = cells[timeColumn].Trim();
            var valueText = cells[valueColumn].Trim();
            if (!DateTimeOffset.TryParse(timeText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
            {
                error = $"{source}:{i + 1}: '{timeText}' is not a timestamp (e.g. 2015-02-26 21:42:53)";
                return null;
            }

            if (!double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || !double.IsFinite(value) || value < 0)
            {
                error = $"{source}:{i + 1}: '{valueText}' is not a non-negative number";
                return null;
            }

            if (rows.Count > 0 && timestamp <= rows[^1].Timestamp)
            {
                error = $"{source}:{i + 1}: timestamps must increase ({timeText} after {rows[^1].TimestampText})";
                return null;
            }

            rows.Add(new Row(timestamp, value, timeText, valueText));
        }

        if (rows.Count < 2)
        {
            error = $"{source}: need at least two rows to tell the bucket size";
            return null;
        }

        error = null;
        return new SeriesCsv([.. rows], MedianGap(rows));
    }

    private static TimeSpan MedianGap(List<Row> rows)
    {
        var gaps = new long[rows.Count - 1];
        for (var i = 1; i < rows.Count; i++)
        {
            gaps[i - 1] = (rows[i].Timestamp - rows[i - 1].Timestamp).Ticks;
        }

        Array.Sort(gaps);
        return TimeSpan.FromTicks(gaps[gaps.Length / 2]);
    }

    internal readonly record struct Row(DateTimeOffset Timestamp, double Value, string TimestampText, string ValueText);
}
