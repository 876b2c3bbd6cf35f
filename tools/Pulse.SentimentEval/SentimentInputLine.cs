using System.Globalization;
using Pulse.Analytics.Sentiment;

namespace Pulse.SentimentEval;

/// <summary>
/// One input line of `pulse sentiment`: `gold&lt;TAB&gt;text` (gold is pos|neu|neg or a number) or plain text.
/// A tab after anything else is part of the text, so plain posts containing tabs are scored whole.
/// </summary>
internal readonly record struct SentimentInputLine(string Text, SentimentLabel? GoldLabel, double? GoldScore)
{
    public static SentimentInputLine Parse(string line)
    {
        var tab = line.IndexOf('\t', StringComparison.Ordinal);
        if (tab < 0)
        {
            return new SentimentInputLine(line, null, null);
        }

        var gold = line.AsSpan(0, tab).Trim();
        var text = line[(tab + 1)..];
        if (LabelOf(gold) is { } label)
        {
            return new SentimentInputLine(text, label, null);
        }

        if (double.TryParse(gold, NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
        {
            return new SentimentInputLine(text, null, score);
        }

        return new SentimentInputLine(line, null, null);
    }

    public static SentimentLabel? LabelOf(ReadOnlySpan<char> gold) => gold switch
    {
        "pos" or "positive" => SentimentLabel.Positive,
        "neu" or "neutral" => SentimentLabel.Neutral,
        "neg" or "negative" => SentimentLabel.Negative,
        _ => null,
    };

    public static string NameOf(SentimentLabel label) => label switch
    {
        SentimentLabel.Positive => "pos",
        SentimentLabel.Negative => "neg",
        _ => "neu",
    };
}
