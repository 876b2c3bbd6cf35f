using System.Globalization;
using Pulse.Analytics.Sentiment;
using Pulse.SentimentEval;

namespace Pulse.Tools.Tests.Sentiment;

/// <summary>`pulse-sentiment`: one output line per input line, and --eval metrics for labelled files.</summary>
public sealed class SentimentCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pulse-sentiment-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task WritesExactlyOneLinePerInputLine()
    {
        var input = "I love this phone\npos\tGreat service!\n\nneg\tDas nervt total\n   \nplain\ttext with a tab\n";

        var (status, output, _) = await RunAsync([], input);

        Assert.Equal(0, status);
        Assert.Equal(6, output.Split('\n', StringSplitOptions.None).Length - 1);
    }

    [Fact]
    public async Task EachLineIsLabelScoreAndLanguage()
    {
        var (_, output, _) = await RunAsync([], "I love this phone, it is amazing\nDas ist eine Katastrophe\n");

        var lines = output.TrimEnd('\n').Split('\n');
        Assert.Equal(["pos", "en"], [lines[0].Split('\t')[0], lines[0].Split('\t')[2]]);
        Assert.Equal(["neg", "de"], [lines[1].Split('\t')[0], lines[1].Split('\t')[2]]);
        foreach (var line in lines)
        {
            var score = float.Parse(line.Split('\t')[1], CultureInfo.InvariantCulture);
            Assert.InRange(score, -1f, 1f);
        }
    }

    [Fact]
    public async Task AGoldColumnIsNotScoredAsText()
    {
        var (_, labelled, _) = await RunAsync([], "neg\tThe update is great\n");
        var (_, plain, _) = await RunAsync([], "The update is great\n");

        Assert.Equal(plain, labelled);
    }

    [Fact]
    public async Task EvalReportsAccuracyMacroF1AndPerClassF1()
    {
        var file = Write("labelled.tsv", "pos\tI love it, amazing\nneg\tTerrible, I hate it\nneu\tThe store opens at 9\nneg\tI love it, amazing\n");

        var (status, output, _) = await RunAsync(["--eval", file], "");

        Assert.Equal(0, status);
        // Three of four right; F1 pos = 2/3, neu = 1, neg = 2/3.
        Assert.Contains("n=4", output, StringComparison.Ordinal);
        Assert.Contains("accuracy=0.750", output, StringComparison.Ordinal);
        Assert.Contains("macro-F1=0.778", output, StringComparison.Ordinal);
        Assert.Contains("F1 pos=0.667 neu=1.000 neg=0.667", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvalReportsPearsonRForNumericGold()
    {
        var file = Write("rated.tsv", "3.1\tI love it, amazing\n-2.9\tTerrible, I hate it\n0.1\tThe store opens at 9\n");

        var (_, output, _) = await RunAsync(["--eval", file], "");

        var r = double.Parse(output.Split("pearson-r=")[1].Trim(), CultureInfo.InvariantCulture);
        Assert.InRange(r, 0.9, 1.0);
    }

    [Fact]
    public async Task EvalOfAMissingFileFailsWithAMessage()
    {
        var (status, _, error) = await RunAsync(["--eval", Path.Combine(_directory, "missing.tsv")], "");

        Assert.Equal(1, status);
        Assert.Contains("missing.tsv", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--eval")]
    [InlineData("--unknown")]
    public async Task BadArgumentsPrintUsage(string argument)
    {
        var (status, _, error) = await RunAsync([argument], "");

        Assert.Equal(2, status);
        Assert.Contains("pulse-sentiment: ", error, StringComparison.Ordinal);
        Assert.Contains("--eval", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsesTheScorerItIsGiven()
    {
        var stdout = new StringWriter { NewLine = "\n" };

        await SentimentCommand.RunAsync([], new StringReader("anything\n"), stdout, TextWriter.Null, new FixedScorer());

        Assert.Equal("neg\t-0.5\tde\n", stdout.ToString());
    }

    private static async Task<(int Status, string Output, string Error)> RunAsync(string[] args, string input)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var status = await SentimentCommand.RunAsync(args, new StringReader(input), stdout, stderr);
        return (status, stdout.ToString(), stderr.ToString());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private sealed class FixedScorer : ISentimentScorer
    {
        public SentimentResult Score(ReadOnlySpan<char> text) => new(-0.5f, SentimentLabel.Negative, "de");
    }
}
