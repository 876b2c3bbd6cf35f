using System.Globalization;
using Pulse.Analytics.Sentiment;

namespace Pulse.Silo.Cli.Sentiment;

/// <summary>
/// `pulse sentiment`: scores stdin line by line (one `label&lt;TAB&gt;score&lt;TAB&gt;lang` line out per line in),
/// or with `--eval FILE...` reports accuracy, macro-F1 and per-class F1 (Pearson r for numeric gold) per file.
/// </summary>
public static class SentimentCommand
{
    public const string Usage = """
        pulse sentiment [--eval FILE...]
            Reads lines on stdin, each `gold<TAB>text` or plain text, and writes one line per input line:
            label<TAB>score<TAB>lang (label pos|neu|neg, score in [-1, 1], lang en|de|und).
            --eval FILE...  scores labelled files instead (gold pos|neu|neg or a numeric rating) and prints
                            accuracy, macro-F1 and per-class F1, or Pearson r for numeric gold.
        """;

    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdin, stdout, stderr, new LexiconSentimentScorer());

    /// <summary>Runs the verb with another scorer, the same one the pipeline would have registered.</summary>
    internal static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, ISentimentScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(scorer);

        if (args.Length == 0)
        {
            await ScoreLinesAsync(stdin, stdout, scorer);
            return 0;
        }

        if (args[0] is "--help" or "-h")
        {
            await stdout.WriteLineAsync(Usage);
            return 0;
        }

        if (args[0] != "--eval" || args.Length < 2)
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        var status = 0;
        foreach (var path in args.Skip(1))
        {
            if (!File.Exists(path))
            {
                await stderr.WriteLineAsync($"sentiment: no such file: {path}");
                status = 1;
                continue;
            }

            var evaluation = new SentimentEvaluation();
            foreach (var line in File.ReadLines(path))
            {
                var input = SentimentInputLine.Parse(line);
                evaluation.Add(input, scorer.Score(input.Text));
            }

            await stdout.WriteLineAsync(Report(Path.GetFileName(path), evaluation));
        }

        return status;
    }

    private static async Task ScoreLinesAsync(TextReader stdin, TextWriter stdout, ISentimentScorer scorer)
    {
        while (await stdin.ReadLineAsync() is { } line)
        {
            var result = scorer.Score(SentimentInputLine.Parse(line).Text);
            await stdout.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{SentimentInputLine.NameOf(result.Label)}\t{result.Score:0.####}\t{result.Language}"));
        }
    }

    private static string Report(string name, SentimentEvaluation evaluation)
    {
        var culture = CultureInfo.InvariantCulture;
        var lines = new List<string>();
        if (evaluation.Labelled > 0)
        {
            lines.Add(string.Create(culture, $"{name}\tn={evaluation.Labelled}\taccuracy={evaluation.Accuracy:0.000}\tmacro-F1={evaluation.MacroF1:0.000}\t"
                + $"F1 pos={evaluation.F1(SentimentLabel.Positive):0.000} neu={evaluation.F1(SentimentLabel.Neutral):0.000} neg={evaluation.F1(SentimentLabel.Negative):0.000}"));
        }

        if (evaluation.Rated > 0)
        {
            lines.Add(string.Create(culture, $"{name}\tn={evaluation.Rated}\tpearson-r={evaluation.PearsonR:0.000}"));
        }

        if (lines.Count == 0)
        {
            lines.Add($"{name}\tno labelled lines");
        }

        return string.Join(Environment.NewLine, lines);
    }
}
