using Pulse.Grains.Mentions;
using static Pulse.Silo.Tests.Demo.DemoFixture;

namespace Pulse.Silo.Tests.Demo;

public class DemoScenarioDeterminismTests
{
    private static readonly TimeSpan Quarter = TimeSpan.FromMilliseconds(250);

    [Fact]
    public void SameSeedAndStartGenerateTheSameMentions()
    {
        var range = (From: Start, To: Start + TimeSpan.FromSeconds(30));

        var first = Scenario(seed: 3).Generate(range.From, range.To);
        var second = Scenario(seed: 3).Generate(range.From, range.To);

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void DifferentSeedsGenerateDifferentMentions()
    {
        var first = Scenario(seed: 3).Generate(Start, Start + TimeSpan.FromSeconds(5));
        var second = Scenario(seed: 4).Generate(Start, Start + TimeSpan.FromSeconds(5));

        Assert.NotEqual(first.Select(m => m.Text), second.Select(m => m.Text));
    }

    [Fact]
    public void GeneratingTickByTickYieldsExactlyTheMentionsOfTheWholeRange()
    {
        var scenario = Scenario();
        var to = Start + TimeSpan.FromSeconds(40); // spans the first crisis and its viral post

        var whole = scenario.Generate(Start, to);
        var ticked = new List<Mention>();
        for (var from = Start; from < to; from += Quarter)
        {
            ticked.AddRange(scenario.Generate(from, from + Quarter));
        }

        Assert.Equal(whole.OrderBy(m => m.Id, StringComparer.Ordinal), ticked.OrderBy(m => m.Id, StringComparer.Ordinal));
    }

    [Fact]
    public void TimestampsFallWithinTheRequestedHalfOpenRange()
    {
        var from = Start + TimeSpan.FromMilliseconds(1_300);
        var to = Start + TimeSpan.FromMilliseconds(7_770);

        var mentions = Scenario().Generate(from, to);

        Assert.NotEmpty(mentions);
        Assert.All(mentions, m => Assert.InRange(m.Timestamp, from, to - TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void MentionsComeOldestFirst()
    {
        var mentions = Scenario().Generate(Start, Start + TimeSpan.FromSeconds(10));

        Assert.Equal(mentions.OrderBy(m => m.Timestamp).Select(m => m.Id), mentions.Select(m => m.Id));
    }

    [Fact]
    public void IdsAreUniqueAcrossConsecutiveRanges()
    {
        var scenario = Scenario();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        for (var from = Start; from < Start + TimeSpan.FromSeconds(60); from += Quarter)
        {
            foreach (var mention in scenario.Generate(from, from + Quarter))
            {
                ids.Add(mention.Id);
                count++;
            }
        }

        Assert.True(count > 1_000, $"only {count} mentions");
        Assert.Equal(count, ids.Count);
    }

    [Fact]
    public void AnEmptyOrInvertedRangeGeneratesNothing()
    {
        var scenario = Scenario();

        Assert.Empty(scenario.Generate(Start, Start));
        Assert.Empty(scenario.Generate(Start + TimeSpan.FromSeconds(1), Start));
    }

    [Fact]
    public void BrandIsLeftToTheMatcherAndUrlsPointAtThePost()
    {
        var mentions = Scenario().Generate(Start, Start + TimeSpan.FromSeconds(30));

        Assert.All(mentions, m =>
        {
            Assert.Null(m.Brand);
            Assert.Equal($"https://example.com/{m.Channel}/{m.Id}", m.Url);
            Assert.False(string.IsNullOrWhiteSpace(m.Author));
        });
    }
}
