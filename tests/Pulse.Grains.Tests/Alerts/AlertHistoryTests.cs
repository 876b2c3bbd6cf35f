using Pulse.Grains.Alerts;

namespace Pulse.Grains.Tests.Alerts;

/// <summary>An alert's history stays bounded however many entries it is given, and names and notes have a length limit.</summary>
public sealed class AlertHistoryTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Past_the_cap_the_first_and_the_newest_entries_are_kept()
    {
        var history = Array.Empty<AlertAction>();
        for (var i = 0; i < AlertHistory.MaxEntries + 50; i++)
        {
            history = AlertHistory.Append(history, new AlertAction("escalate", "pulse", At.AddSeconds(i), $"#{i}"));
        }

        Assert.Equal(AlertHistory.MaxEntries, history.Length);
        Assert.Equal("#0", history[0].Note);
        Assert.Equal($"#{AlertHistory.MaxEntries + 49}", history[^1].Note);
        Assert.Equal($"#{AlertHistory.MaxEntries + 49 - (AlertHistory.MaxEntries - 2)}", history[1].Note);
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.At < p.Second.At), "entries stay in order");
    }

    [Fact]
    public void A_note_or_name_past_its_limit_is_named_with_the_limit()
    {
        Assert.Null(AlertHistory.Check("anna", new string('n', AlertHistory.MaxNoteLength)));
        Assert.Equal("note", AlertHistory.Check("anna", new string('n', AlertHistory.MaxNoteLength + 1))?.Field);
        Assert.Contains("2000", AlertHistory.Check("anna", new string('n', AlertHistory.MaxNoteLength + 1))?.Problem, StringComparison.Ordinal);
        Assert.Equal("by", AlertHistory.Check(new string('b', AlertHistory.MaxByLength + 1), null)?.Field);
    }
}
