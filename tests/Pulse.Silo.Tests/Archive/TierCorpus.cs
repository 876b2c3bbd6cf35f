using System.Text;
using Pulse.Analytics.Sentiment;
using Pulse.Analytics.TextSearch;
using Pulse.Grains.Mentions;
using Pulse.Silo.Archive;
using Pulse.Silo.Archive.Batches;
using Pulse.Silo.Archive.Search;

namespace Pulse.Silo.Tests.Archive;

/// <summary>
/// Synthetic mentions with heavy-tailed engagement written through the archive's own write: "dense" with hundreds of
/// mentions a batch, "spread" with hundreds of batches of 25 each holding one viral post without any searched word,
/// "sparse" with a few a batch; ties at the tiers' floors and just below, times to the minute, and some mentions under
/// two brands. Every mention's terms are kept from the analyzer itself, for a brute-force answer to any search.
/// </summary>
internal static class TierCorpus
{
    public sealed record Written(ScoredMention Scored, List<SearchToken> Tokens)
    {
        public long Engagement => Scored.Mention.Likes + Scored.Mention.Shares + Scored.Mention.Comments;

        public SearchKey Key => new(Engagement, Scored.Mention.Timestamp.UtcTicks, Scored.Mention.Id, Scored.BrandId);
    }

    private static readonly DateTime Start = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] German =
        ["Die Störung bei uns dauert", "Stoerung gemeldet", "Storung schon wieder", "Lieferung kam pünktlich", "Rückerstattung beantragt", "Der Kundenservice ist gut"];

    private static readonly string[] English =
        ["bad service again", "great service today", "refund requested", "delivery late again", "service outage, bad service", "the refund for the Störung"];

    /// <summary>Every mention, in time order.</summary>
    public static List<Written> Mentions(SearchAnalyzer analyzer)
    {
        var random = new Random(16);
        var mentions = new List<ScoredMention>();
        var next = 0;
        for (var hour = 0; hour < 600; hour++)
        {
            var at = Start.AddHours(hour);
            if (hour < 60)
            {
                Add("dense", at, 400);
            }

            Add("spread", at, 25);
            mentions.Add(Decoy("spread", at, hour));
            Add("sparse", at, 2);
        }

        return [.. mentions.OrderBy(m => m.Mention.Timestamp).Select(m => new Written(m, Analyze(analyzer, m)))];

        void Add(string brand, DateTime hour, int count)
        {
            for (var i = 0; i < count; i++)
            {
                var mention = Next(random, $"m{next++}", hour.AddMinutes(random.Next(60)));
                var label = (SentimentLabel)random.Next(3);
                mentions.Add(new ScoredMention(mention, brand, 0, label, mention.Lang!));
                if (random.NextDouble() < 0.02)
                {
                    // Naming a second brand, it is archived under each, with the same id, time and engagement.
                    mentions.Add(new ScoredMention(mention, brand == "dense" ? "spread" : "dense", 0, label, mention.Lang!));
                }
            }
        }
    }

    private static Mention Next(Random random, string id, DateTime at)
    {
        var lang = random.NextDouble() switch { < 0.5 => "de", < 0.9 => "en", _ => "fr" };
        var text = new StringBuilder(random.NextDouble() < 0.5 == (lang == "de") ? German[random.Next(German.Length)] : English[random.Next(English.Length)]);
        for (var w = random.Next(5); w > 0; w--)
        {
            text.Append(" fill").Append((int)(200 * Math.Pow(random.NextDouble(), 3)));
        }

        var engagement = random.NextDouble() switch
        {
            // At tiers' floors and just below them.
            < 0.01 => 32,
            < 0.015 => 31,
            < 0.025 => 100,
            < 0.03 => 99,
            < 0.035 => 316,
            < 0.04 => 1_000,
            < 0.045 => 999,
            // Pareto with tail index 1.2, as the demo's likes.
            _ => (long)Math.Min(50_000, Math.Floor(3 * Math.Pow(1 - random.NextDouble(), -1 / 1.2)) - 2),
        };
        var shares = engagement / 4;
        var comments = engagement / 10;
        var channel = random.NextDouble() < 0.7 ? "x" : "reddit";
        return new Mention(id, channel, text.ToString(), new DateTimeOffset(at), Lang: lang, Likes: engagement - shares - comments, Shares: shares, Comments: comments);
    }

    private static ScoredMention Decoy(string brand, DateTime hour, int n) =>
        new(new Mention($"viral{n}", "x", "Wetterbericht: sonnig und warm", new DateTimeOffset(hour.AddMinutes(30)), Lang: "de", Likes: 1_000_000 + n),
            brand, 0, SentimentLabel.Positive, "de");

    private static List<SearchToken> Analyze(SearchAnalyzer analyzer, ScoredMention scored)
    {
        var tokens = new List<SearchToken>();
        analyzer.Analyze(scored.Mention.Text, scored.Language, tokens);
        return tokens;
    }

    /// <summary>Writes <paramref name="mentions"/> through the archive's own write, 5 000 at a time, as a live archive does.</summary>
    public static async Task WriteAsync(ArchiveDatabase database, SearchAnalyzer analyzer, IEnumerable<Written> mentions)
    {
        var write = new BatchWrite(analyzer);
        foreach (var chunk in mentions.Select(w => w.Scored).Chunk(5_000))
        {
            await write.WriteAsync(database, [(chunk, null)], CancellationToken.None);
        }
    }

    /// <summary>Every written mention <paramref name="query"/> finds, best first: its words checked on each mention's own terms.</summary>
    public static IEnumerable<Written> Expected(IReadOnlyList<Written> written, MentionSearchQuery query)
    {
        var analyzer = new SearchAnalyzer();
        var parsed = SearchQuery.Parse(query.Text!);
        var german = parsed.Compile("de", analyzer);
        var english = parsed.Compile("en", analyzer);
        var other = parsed.Compile(null, analyzer);
        var after = query.After is { } cursor ? SearchKey.Of(cursor) : (SearchKey?)null;
        var found = written.Where(w =>
                (query.Brands is null || query.Brands.Contains(w.Scored.BrandId))
                && (query.Channel is null || w.Scored.Mention.Channel == query.Channel)
                && (query.Label is null || w.Scored.Label == query.Label)
                && (query.Lang is null || w.Scored.Language == query.Lang)
                && (w.Scored.Language switch { "de" => german, "en" => english, _ => other }).Matches(w.Tokens)
                && (after is null || SearchKey.Rank(query.Sort, w.Key, after.Value) < 0))
            .ToList();
        found.Sort((a, b) => SearchKey.Rank(query.Sort, b.Key, a.Key));
        return found;
    }
}
