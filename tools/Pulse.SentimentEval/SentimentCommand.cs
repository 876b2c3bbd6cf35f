using System.Globalization;
using System.CommandLine;
using Pulse.Analytics.Sentiment;
using Pulse.CommandLine;

namespace Pulse.SentimentEval;

/// <summary>
/// `pulse-sentiment`: scores stdin line by line (one `label&lt;TAB&gt;score&lt;TAB&gt;lang` line out per line in),
/// or with `--eval FILE...` reports accuracy, macro-F1 and per-class F1 (Pearson r for numeric gold) per file.
/// </summary>
public static class SentimentCommand
{
    public const string Name = "pulse-sentiment";

    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        RunAsync(args, stdin, stdout, stderr, new LexiconSentimentScorer());

    /// <param name="terminal">Draw a progress bar over the --eval files' lines (stdout is a terminal).</param>
    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, bool terminal) =>
        RunAsync(args, stdin, stdout, stderr, new LexiconSentimentScorer(), terminal);

    /// <summary>Runs the tool with another scorer, the same one the pipeline would have registered.</summary>
    internal static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, ISentimentScorer scorer, bool terminal = false)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(scorer);

        var eval = new Option<string[]>("--eval")
        {
            Description = "Score labelled files instead (gold pos|neu|neg or a numeric rating): accuracy, macro-F1 and per-class F1, or Pearson r for numeric gold",
            HelpName = "FILE",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var command = ToolCommandLine.Root(Name, """
            Reads lines on stdin, each `gold<TAB>text` or plain text, and writes one line per input line:
            label<TAB>score<TAB>lang (label pos|neu|neg, score in [-1, 1], lang en|de|und).
            """);
        command.Options.Add(eval);
        command.SetAction(async (parsed, _) =>
        {
            if (parsed.GetValue(eval) is { Length: > 0 } files)
            {
                return await EvaluateAsync(files, stdout, stderr, scorer, new ProgressLine(stdout, terminal)).ConfigureAwait(false);
            }

            await ScoreLinesAsync(stdin, stdout, scorer).ConfigureAwait(false);
            return ToolExit.Ok;
        });
        return ToolCommandLine.InvokeAsync(command, args, stdout, stderr);
    }

    /// <summary>One report line per file; 1 when a file is missing (the others are still evaluated).</summary>
    private static async Task<int> EvaluateAsync(string[] paths, TextWriter stdout, TextWriter stderr, ISentimentScorer scorer, ProgressLine progress)
    {
        var status = ToolExit.Ok;
        var files = new List<(string Path, string[] Lines)>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                await stderr.WriteLineAsync($"{Name}: no such file: {path}").ConfigureAwait(false);
                status = ToolExit.Failed;
                continue;
            }

            files.Add((path, await File.ReadAllLinesAsync(path).ConfigureAwait(false)));
        }

        long total = files.Sum(f => (long)f.Lines.Length), done = 0;
        foreach (var (path, lines) in files)
        {
            var evaluation = new SentimentEvaluation();
            foreach (var line in lines)
            {
                var input = SentimentInputLine.Parse(line);
                evaluation.Add(input, scorer.Score(input.Text));
                if (++done % 2_000 == 0)
                {
                    await progress.ShowAsync((double)done / total, string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)}: {done} of {total} lines scored")).ConfigureAwait(false);
                }
            }

            await progress.ClearAsync().ConfigureAwait(false);
            await stdout.WriteLineAsync(Report(Path.GetFileName(path), evaluation)).ConfigureAwait(false);
        }

        return status;
    }

    private static async Task ScoreLinesAsync(TextReader stdin, TextWriter stdout, ISentimentScorer scorer)
    {
        while (await stdin.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            var result = scorer.Score(SentimentInputLine.Parse(line).Text);
            await stdout.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"{SentimentInputLine.NameOf(result.Label)}\t{result.Score:0.####}\t{result.Language}")).ConfigureAwait(false);
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
