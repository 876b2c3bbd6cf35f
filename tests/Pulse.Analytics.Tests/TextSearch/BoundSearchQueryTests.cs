using Pulse.Analytics.Language;
using Pulse.Analytics.TextSearch;
using static Pulse.Analytics.Tests.TextSearch.Search;

namespace Pulse.Analytics.Tests.TextSearch;

/// <summary>The archive's path: a query bound to one batch's term dictionary, checking stored (position, term id) tokens.</summary>
public class BoundSearchQueryTests
{
    // A batch's dictionary, as the archive would keep it.
    private static readonly string[] Dictionary = ["zugfix", "stoerung", "storung", "bei", "dauert", "kind", "magic", "refund"];

    private static BoundSearchQuery Bind(string query, string? lang) =>
        Compile(query, lang).Bind(term => Array.IndexOf(Dictionary, term));

    [Fact]
    public void Finds_a_term_among_several_at_one_position()
    {
        // "Störung bei Zugfix": both spellings of "Störung" at position 0.
        TermAt[] mention = [new(0, 2), new(0, 1), new(1, 3), new(2, 0)];

        Assert.True(Bind("Störung", Languages.German).Matches(mention));
        Assert.True(Bind("Storung", Languages.German).Matches(mention));
        Assert.True(Bind("\"storung bei zugfix\"", null).Matches(mention));
        Assert.True(Bind("\"störung zugfix\"", Languages.German).Matches([new(0, 1), new(1, 2), new(2, 0)]) is false);
    }

    [Fact]
    public void Phrases_need_exact_distances()
    {
        var phrase = Bind("\"kind of magic\"", Languages.English);

        Assert.True(phrase.Matches([new(3, 5), new(5, 6)]));
        Assert.False(phrase.Matches([new(3, 5), new(4, 6)]));
        Assert.False(phrase.Matches([new(3, 5), new(6, 6)]));
        Assert.False(phrase.Matches([new(5, 6), new(7, 5)]));
        Assert.True(phrase.Matches([new(0, 5), new(1, 5), new(2, 6), new(3, 6)]), "the second 'kind' starts the phrase");
        Assert.False(phrase.Matches([]));
    }

    [Fact]
    public void A_batch_without_a_required_term_cannot_match()
    {
        var bound = Bind("zugfix outage", Languages.English);

        Assert.False(bound.CanMatch);
        Assert.False(bound.Matches([new(0, 0)]));
    }

    [Fact]
    public void An_alternative_the_batch_cannot_hold_is_dropped_and_the_other_kept()
    {
        var bound = Bind("outage or zugfix", Languages.English);

        Assert.True(bound.CanMatch);
        Assert.True(bound.Matches([new(4, 0)]));
        Assert.False(bound.Matches([new(4, 1)]));
    }

    [Fact]
    public void An_exclusion_the_batch_lacks_excludes_nothing()
    {
        var bound = Bind("zugfix -outage", Languages.English);

        Assert.True(bound.Matches([new(0, 0)]));
    }

    [Fact]
    public void An_exclusion_rejects_mentions_that_have_it()
    {
        var bound = Bind("-refund", Languages.English);

        Assert.True(bound.CanMatch);
        Assert.True(bound.Matches([]));
        Assert.True(bound.Matches([new(0, 0)]));
        Assert.False(bound.Matches([new(0, 0), new(1, 7)]));
    }

    [Fact]
    public void Asks_for_each_term_once()
    {
        var asked = new List<string>();

        Compile("zugfix zugfix or zugfix -\"zugfix bei\"", null).Bind(term =>
        {
            asked.Add(term);
            return Array.IndexOf(Dictionary, term);
        });

        Assert.Equal(["zugfix", "bei"], asked);
    }

    [Fact]
    public void Checks_a_mention_without_allocating()
    {
        var bound = Bind("\"kind of magic\" -refund or zugfix dauert", Languages.English);
        TermAt[] mention = [new(0, 3), new(1, 5), new(3, 6), new(4, 4), new(5, 0)];
        bound.Matches(mention);

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool matched = false;
        for (int i = 0; i < 1_000; i++)
        {
            matched |= bound.Matches(mention);
        }

        Assert.True(matched);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
