using Pulse.Analytics.TextSearch;
using Pulse.Grains.Ingest.Durable;
using Pulse.Grains.Mentions;

namespace Pulse.Silo.Archive.Batches;

/// <summary>
/// Turns one brand's mentions into a <see cref="NewBatch"/>: analyses each text for search in its language, numbers the
/// batch's distinct terms, and packs the mentions with their tokens. One per writer; not thread-safe (it reuses its
/// buffers from batch to batch).
/// </summary>
internal sealed class BatchBuilder(SearchAnalyzer analyzer)
{
    private readonly Dictionary<string, int> _termIds = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly List<SearchToken> _analyzed = [];
    private readonly List<TermAt> _tokens = [];
    private readonly BatchBodyWriter _body = new();
    private readonly EngagementTiers.Collector _tiers = new();

    public NewBatch Build(string brandId, int partition, LogPosition last, IReadOnlyList<ScoredMention> mentions)
    {
        ArgumentOutOfRangeException.ThrowIfZero(mentions.Count);
        _termIds.Clear();
        _terms.Clear();
        _tiers.Clear();
        var first = DateTime.MaxValue;
        var newest = DateTime.MinValue;
        var top = long.MinValue;
        foreach (var scored in mentions)
        {
            var at = scored.Mention.Timestamp.UtcDateTime;
            first = at < first ? at : first;
            newest = at > newest ? at : newest;
            top = Math.Max(top, Engagement(scored.Mention));
        }

        _body.Begin(mentions.Count);
        foreach (var scored in mentions)
        {
            _analyzed.Clear();
            analyzer.Analyze(scored.Mention.Text, scored.Language, _analyzed);
            _tokens.Clear();
            foreach (var token in _analyzed)
            {
                if (!_termIds.TryGetValue(token.Term, out var id))
                {
                    _termIds[token.Term] = id = _terms.Count;
                    _terms.Add(token.Term);
                }

                _tokens.Add(new TermAt(token.Position, id));
            }

            _tiers.Add(Engagement(scored.Mention), _analyzed);
            _body.Add(scored, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_tokens), first.Ticks);
        }

        return new NewBatch(brandId, partition, last, first, newest, top, mentions.Count, [.. _terms], _tiers.ToArray(), _body.Complete());
    }

    /// <summary>
    /// A mention's engagement as searches rank it (<see cref="ArchivedMention.Engagement"/>): the batch's top engagement
    /// and its tiers bound the same number.
    /// </summary>
    private static long Engagement(Mention mention) => mention.Likes + mention.Shares + mention.Comments;
}
