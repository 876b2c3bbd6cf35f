using Pulse.Detect;

namespace Pulse.Tools.Tests.Detect;

/// <summary>
/// How <c>pulse-detect</c> reads a series: the shapes below are the ones NAB's real files have (negative values, a DST
/// hour replayed as repeated 03:00 rows, a machine log that replays an hour, a sensor reporting twice in a minute).
/// </summary>
public sealed class SeriesCsvTests
{
    private static readonly DateTimeOffset Start = new(2014, 3, 9, 0, 0, 0, TimeSpan.Zero);

    private static string At(int minutes) => Start.AddMinutes(minutes).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static SeriesCsv Parse(params string[] lines)
    {
        var series = SeriesCsv.Parse(lines, "in.csv", out var error);
        Assert.Null(error);
        return Assert.IsType<SeriesCsv>(series);
    }

    private static string ParseError(params string[] lines)
    {
        Assert.Null(SeriesCsv.Parse(lines, "in.csv", out var error));
        return Assert.IsType<string>(error);
    }

    [Fact]
    public void NegativeAndFractionalValuesAreReadAndKeepTheirText()
    {
        var series = Parse("timestamp,value", $"{At(0)},-21.0483826823", $"{At(5)},0.13125", $"{At(10)},-4e-3");

        Assert.Equal([-21.0483826823, 0.13125, -0.004], series.Rows.Select(r => r.Value));
        Assert.Equal(["-21.0483826823", "0.13125", "-4e-3"], series.Rows.Select(r => r.ValueText));
    }

    [Fact]
    public void RepeatedTimestampsAreOneRowEachObservedAtThatTime()
    {
        // A DST change as a CloudWatch export writes it: 02:00-02:59 is missing and 03:00 comes a dozen times.
        var lines = new List<string> { "timestamp,value", $"{At(110)},1", $"{At(115)},2" };
        lines.AddRange(Enumerable.Range(0, 12).Select(i => $"{At(180)},{10 + i}"));
        lines.Add($"{At(184)},3");

        var series = Parse([.. lines]);

        Assert.Equal(15, series.Count);
        Assert.Equal(11, series.Repeated);
        Assert.Equal(0, series.Backward);
        Assert.Equal(Enumerable.Range(10, 12).Select(v => (double)v), series.Rows.Skip(2).Take(12).Select(r => r.Value));
        Assert.All(series.Rows.Skip(2).Take(12), r => Assert.Equal(Start.AddMinutes(180), r.ObservedAt));
        Assert.Equal(Enumerable.Range(2, 15), series.Rows.Select(r => r.Line));
    }

    [Fact]
    public void ATimestampGoingBackIsObservedAtTheLatestTimeAndKeepsItsOwn()
    {
        // A log that replays an hour: 02:00..02:55, then 02:00..02:55 again, then 03:00.
        var lines = new List<string> { "timestamp,value" };
        lines.AddRange(Enumerable.Range(0, 12).Select(i => $"{At(120 + (5 * i))},{i}"));
        lines.AddRange(Enumerable.Range(0, 12).Select(i => $"{At(120 + (5 * i))},{100 + i}"));
        lines.Add($"{At(180)},7");

        var series = Parse([.. lines]);

        Assert.Equal(25, series.Count);
        Assert.Equal(11, series.Backward);
        Assert.Equal(1, series.Repeated); // the replayed 02:55 equals the latest time rather than preceding it
        var replayed = series.Rows[12];
        Assert.Equal(Start.AddMinutes(120), replayed.Timestamp);
        Assert.Equal(At(120), replayed.TimestampText);
        Assert.Equal(Start.AddMinutes(175), replayed.ObservedAt);
        Assert.Equal(Start.AddMinutes(180), series.Rows[^1].ObservedAt);
        Assert.Equal(TimeSpan.FromMinutes(5), series.BucketSize);
    }

    [Fact]
    public void TheBucketSizeIsTheMedianPositiveGapEvenWhenMostGapsAreZero()
    {
        // Every timestamp three times: two gaps in three are zero, and a median over all gaps would be zero.
        var lines = new List<string> { "timestamp,value" };
        lines.AddRange(Enumerable.Range(0, 30).Select(i => $"{At(60 * (i / 3))},{i}"));

        var series = Parse([.. lines]);

        Assert.Equal(TimeSpan.FromHours(1), series.BucketSize);
        Assert.Equal(20, series.Repeated);
    }

    [Fact]
    public void TheBucketSizeIgnoresOneLongGap()
    {
        var series = Parse("timestamp,value", $"{At(0)},1", $"{At(5)},1", $"{At(65)},1", $"{At(70)},1");

        Assert.Equal(TimeSpan.FromMinutes(5), series.BucketSize);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("1e999")]
    [InlineData("")]
    [InlineData("12 3")]
    public void ANonFiniteOrNonNumericValueNamesItsLine(string value)
    {
        var error = ParseError("timestamp,value", $"{At(0)},1", $"{At(5)},{value}");

        Assert.Equal($"in.csv:3: '{value}' is not a finite number", error);
    }

    [Fact]
    public void AMissingValueColumnNamesItsLine()
    {
        var error = ParseError("timestamp,value", $"{At(0)},1", $"{At(5)}", $"{At(10)},1");

        Assert.StartsWith("in.csv:3: expected 2 columns", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadTimestampNamesItsLine()
    {
        var error = ParseError("timestamp,value", $"{At(0)},1", "yesterday,2");

        Assert.StartsWith("in.csv:3: 'yesterday' is not a timestamp", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "in.csv: empty file")]
    [InlineData(new[] { "" }, "in.csv: empty file")]
    [InlineData(new[] { "timestamp,value" }, "in.csv: no rows after the header")]
    [InlineData(new[] { "timestamp,value", "", "  " }, "in.csv: no rows after the header")]
    [InlineData(new[] { "timestamp,value", "2015-01-01 00:00:00,1" }, "in.csv: need at least two distinct timestamps")]
    [InlineData(new[] { "timestamp,value", "2015-01-01 00:00:00,1", "2015-01-01 00:00:00,2" }, "in.csv: need at least two distinct timestamps")]
    public void ASeriesWithoutABucketSizeIsRejected(string[] lines, string expected)
    {
        Assert.StartsWith(expected, ParseError(lines), StringComparison.Ordinal);
    }
}
