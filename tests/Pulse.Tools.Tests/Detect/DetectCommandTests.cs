using Pulse.Detect;

namespace Pulse.Tools.Tests.Detect;

public sealed class DetectCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pulse-detect-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Input(params string[] lines)
    {
        var path = Path.Combine(_folder, "in.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await DetectCommand.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task ASeriesRoundTripsWithAScoreAndAnAlertPerRow()
    {
        var rows = new List<string> { "timestamp,value" };
        var start = new DateTime(2015, 2, 26, 21, 42, 53);
        for (var i = 0; i < 600; i++)
        {
            rows.Add($"{start.AddMinutes(5 * i):yyyy-MM-dd HH:mm:ss},{(i == 590 ? 500 : 20 + (i % 3))}");
        }

        var output = Path.Combine(_folder, "out.csv");
        var (code, _, err) = await Run("--input", Input([.. rows]), "--output", output);

        Assert.Equal(0, code);
        Assert.Empty(err);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal("timestamp,value,anomaly_score,alert,gap_alert,kind,severity", lines[0]);
        Assert.Equal(rows.Count, lines.Length);
        Assert.StartsWith(rows[1] + ",", lines[1], StringComparison.Ordinal);
        Assert.Contains(",1,0,Spike,", lines[591], StringComparison.Ordinal);
        Assert.Equal(1, lines.Count(l => l.Contains(",1,0,", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AFeedGoingSilentForAnHourIsAPossibleDataGapNotAnAlert()
    {
        var rows = new List<string> { "timestamp,value" };
        var start = new DateTime(2015, 2, 26, 21, 42, 53);
        for (var i = 0; i < 640; i++)
        {
            rows.Add($"{start.AddMinutes(5 * i):yyyy-MM-dd HH:mm:ss},{(i >= 600 ? 0 : 50 + (i % 3))}");
        }

        var output = Path.Combine(_folder, "out.csv");
        var (code, _, _) = await Run("--input", Input([.. rows]), "--output", output);

        Assert.Equal(0, code);
        var lines = (await File.ReadAllLinesAsync(output)).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.DoesNotContain(lines, cells => cells[3] == "1");
        var drop = Assert.Single(lines, cells => cells[4] == "1");
        Assert.Equal("Drop", drop[5]);
        Assert.True(double.Parse(drop[2], System.Globalization.CultureInfo.InvariantCulture) < 0.5, "a data gap must not rank as an alert");
    }

    [Fact]
    public async Task AMissingOutputArgumentIsABadArgument()
    {
        var (code, _, err) = await Run("--input", Input("timestamp,value", "2015-01-01 00:00:00,1"));

        Assert.Equal(2, code);
        Assert.Contains("'--output' is required", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownSensitivityIsABadArgument()
    {
        var (code, _, err) = await Run("--input", "x.csv", "--output", "y.csv", "--sensitivity", "extreme");

        Assert.Equal(2, code);
        Assert.Contains("low, normal or high", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreadableInputIsReportedWithItsPath()
    {
        var missing = Path.Combine(_folder, "missing.csv");
        var (code, _, err) = await Run("--input", missing, "--output", Path.Combine(_folder, "out.csv"));

        Assert.Equal(2, code);
        Assert.Contains(missing, err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadValueIsReportedWithItsLineNumber()
    {
        var input = Input("timestamp,value", "2015-01-01 00:00:00,1", "2015-01-01 00:05:00,lots");
        var (code, _, err) = await Run("--input", input, "--output", Path.Combine(_folder, "out.csv"));

        Assert.Equal(2, code);
        Assert.Contains(":3: 'lots' is not a finite number", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileWithoutTheExpectedHeaderIsRejected()
    {
        var (code, _, err) = await Run("--input", Input("time;count", "x;1"), "--output", Path.Combine(_folder, "out.csv"));

        Assert.Equal(2, code);
        Assert.Contains("'timestamp' and 'value'", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public async Task ANonFiniteValueIsBadInputWithItsLineAndNoOutput(string value)
    {
        var output = Path.Combine(_folder, "out.csv");
        var input = Input("timestamp,value", "2015-01-01 00:00:00,1", "2015-01-01 00:05:00,2", $"2015-01-01 00:10:00,{value}");

        var (code, _, err) = await Run("--input", input, "--output", output);

        Assert.Equal(2, code);
        Assert.Contains($"{input}:4: '{value}' is not a finite number", err, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task AnEmptyFileIsBadInput()
    {
        var (code, _, err) = await Run("--input", Input(), "--output", Path.Combine(_folder, "out.csv"));

        Assert.Equal(2, code);
        Assert.Contains("empty file", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedAndBackwardTimestampsGiveOneOutputRowPerInputRowInInputOrder()
    {
        // The shapes of NAB's AWS (DST: 03:00 twelve times), machine temperature (an hour replayed) and traffic files.
        var rows = new List<string> { "timestamp,value" };
        var start = new DateTime(2014, 3, 9, 0, 0, 0);
        for (var i = 0; i < 400; i++)
        {
            var at = i switch
            {
                < 100 => start.AddMinutes(5 * i),
                < 112 => start.AddMinutes(500), // the first is new, then 11 repeats
                < 200 => start.AddMinutes(5 * (i - 11)), // 505 .. 940
                < 211 => start.AddMinutes((5 * (i - 11)) - 60), // 885 .. 935: 11 rows back in time
                _ => start.AddMinutes(5 * (i - 22)), // 945 ..
            };
            rows.Add($"{at:yyyy-MM-dd HH:mm:ss},{20.5 + (i % 3)}");
        }

        var output = Path.Combine(_folder, "out.csv");
        var (code, stdout, err) = await Run("--input", Input([.. rows]), "--output", output);

        Assert.Equal(0, code);
        Assert.Empty(err);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal(rows.Count, lines.Length);
        for (var i = 1; i < rows.Count; i++)
        {
            Assert.StartsWith(rows[i] + ",", lines[i], StringComparison.Ordinal);
        }

        Assert.Contains("400 buckets of 00:05:00 (Measurements) (timestamps repeated: 11, going back: 11;", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARepeatedTimestampIsAnotherObservation()
    {
        // The spike is the second row at its timestamp: merged or dropped, it would raise no alert.
        var rows = new List<string> { "timestamp,value" };
        var start = new DateTime(2015, 2, 26, 21, 40, 0);
        for (var i = 0; i < 600; i++)
        {
            rows.Add($"{start.AddMinutes(5 * i):yyyy-MM-dd HH:mm:ss},{20 + (i % 3)}");
            if (i == 590)
            {
                rows.Add($"{start.AddMinutes(5 * i):yyyy-MM-dd HH:mm:ss},500");
            }
        }

        var output = Path.Combine(_folder, "out.csv");
        var (code, _, _) = await Run("--input", Input([.. rows]), "--output", output);

        Assert.Equal(0, code);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal(rows.Count, lines.Length);
        Assert.StartsWith(rows[592] + ",", lines[592], StringComparison.Ordinal);
        Assert.Contains(",1,0,Spike,", lines[592], StringComparison.Ordinal);
        Assert.Single(lines, l => l.Contains(",1,0,Spike,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANegativeValueIsObservedAsAMeasurement()
    {
        var rows = new List<string> { "timestamp,value" };
        var start = new DateTime(2014, 4, 1);
        for (var i = 0; i < 300; i++)
        {
            rows.Add($"{start.AddMinutes(5 * i):yyyy-MM-dd HH:mm:ss},{(i == 3 ? "-21.0483826823" : "0.25")}");
        }

        var output = Path.Combine(_folder, "out.csv");
        var (code, stdout, err) = await Run("--input", Input([.. rows]), "--output", output);

        Assert.Equal(0, code);
        Assert.Empty(err);
        Assert.Contains("(Measurements)", stdout, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal(rows.Count, lines.Length);
        Assert.StartsWith(rows[4] + ",", lines[4], StringComparison.Ordinal);
    }
}
