using Pulse.Analytics.Sentiment;
using Pulse.Grains.Channels;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Tests.Channels;

/// <summary>The top posts an alert shows: the most engaging of the last minutes, most engaging first.</summary>
public sealed class TopRecentMentionsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static ScoredMention Mention(string id, DateTimeOffset at, long likes) =>
        new(new Mention(id, "x", $"post {id} über 😀", at, Likes: likes, Shares: 1, Comments: 1), "acme", 0f, SentimentLabel.Neutral, "en");

    [Fact]
    public void Keeps_the_most_engaging_in_order_and_forgets_those_past_the_horizon()
    {
        var top = new TopRecentMentions(3, TimeSpan.FromMinutes(5));
        top.Add(Mention("old-viral", Start, 1_000), Start);
        top.Add(Mention("a", Start.AddMinutes(4), 10), Start.AddMinutes(4));
        top.Add(Mention("b", Start.AddMinutes(4), 30), Start.AddMinutes(4));
        top.Add(Mention("c", Start.AddMinutes(4), 20), Start.AddMinutes(4));

        Assert.Equal(["old-viral", "b", "c"], top.Views().Select(v => v.Id));

        top.Add(Mention("d", Start.AddMinutes(6), 5), Start.AddMinutes(6));

        var views = top.Views();
        // "a" was pushed out by "c"; "old-viral" has aged out, which makes room for the weakest newcomer.
        Assert.Equal(["b", "c", "d"], views.Select(v => v.Id));
        Assert.Equal("post b über 😀", views[0].Text);
        Assert.Equal(32, views[0].Likes + views[0].Shares + views[0].Comments);
    }

    [Fact]
    public void TryAdd_keeps_what_Add_keeps_and_hands_back_the_entry_only_for_a_mention_that_ranks()
    {
        var byAdd = new TopRecentMentions(2, TimeSpan.FromMinutes(5));
        var byTry = new TopRecentMentions(2, TimeSpan.FromMinutes(5));
        var outcomes = new List<bool>();
        foreach (var (id, likes) in new[] { ("a", 10L), ("b", 30L), ("c", 5L), ("d", 20L), ("e", 20L) })
        {
            var mention = Mention(id, Start, likes);
            byAdd.Add(mention, Start);
            var kept = byTry.TryAdd(mention, Start, out var entry);
            outcomes.Add(kept);
            if (kept)
            {
                Assert.Equal(id, entry.ToView().Id);
            }
        }

        Assert.Equal([true, true, false, true, false], outcomes);
        Assert.Equal(byAdd.Views(), byTry.Views());
        Assert.Equal(["b", "d"], byTry.Views().Select(v => v.Id));
    }
}
