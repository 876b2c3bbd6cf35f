using static Pulse.Analytics.TextSearch.BoundSearchQuery;

namespace Pulse.Analytics.TextSearch;

/// <summary>
/// A <see cref="SearchQuery"/> analysed for one mention language: alternatives (OR) of required and excluded phrases
/// (a phrase being one term or several at fixed relative positions). The archive first narrows to batches by
/// <see cref="RequiredTermSets"/>, then checks each mention of a batch with <see cref="Bind"/>. Immutable and thread-safe.
/// </summary>
public sealed class CompiledSearchQuery
{
    private readonly List<CompiledClause> _clauses;
    private readonly Dictionary<string, int> _ownIds;
    private readonly BoundSearchQuery _bound;

    internal CompiledSearchQuery(List<CompiledClause> clauses)
    {
        _clauses = clauses;
        IsUnconstrained = clauses.Exists(clause => clause.Required.Length == 0);
        RequiredTermSets = clauses.Count == 0 || IsUnconstrained ? [] : CandidateTermSets.Of(clauses);
        string[] terms = [.. clauses.SelectMany(clause => clause.Required.Concat(clause.Excluded)).SelectMany(phrase => phrase.Terms)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Terms = terms;
        _ownIds = new Dictionary<string, int>(terms.Length, StringComparer.Ordinal);
        foreach (var term in terms)
        {
            _ownIds.Add(term, _ownIds.Count);
        }

        _bound = Bind(term => _ownIds[term]);
    }

    /// <summary>True when nothing can match: no term was left (an empty query, or one of stop words only).</summary>
    public bool MatchesNothing => _clauses.Count == 0;

    /// <summary>
    /// True when a mention may match without containing any particular term: an alternative only excludes, as
    /// <c>-refund</c> (every mention without "refund"). Every batch is then a candidate and <see cref="RequiredTermSets"/>
    /// is empty.
    /// </summary>
    public bool IsUnconstrained { get; }

    /// <summary>
    /// Sets of terms, read as an OR of ANDs: a batch whose term array contains every term of at least one set may hold
    /// a match; a batch that contains no whole set cannot. Small: duplicates and supersets of another set are left out.
    /// Empty when <see cref="MatchesNothing"/> or <see cref="IsUnconstrained"/>.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> RequiredTermSets { get; }

    /// <summary>Every term the query names, required or excluded, once each, in ordinal order: what a batch is asked for.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>
    /// The query bound to one batch's term dictionary, for checking its mentions by term id.
    /// <paramref name="termIdOrMinusOne"/> gives a term's id in the batch, or a negative number when the batch lacks it;
    /// it is asked once per term.
    /// </summary>
    public BoundSearchQuery Bind(Func<string, int> termIdOrMinusOne)
    {
        ArgumentNullException.ThrowIfNull(termIdOrMinusOne);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var clauses = new List<BoundClause>(_clauses.Count);
        foreach (var clause in _clauses)
        {
            BoundPhrase?[] required = [.. clause.Required.Select(Bound)];
            if (Array.Exists(required, phrase => phrase is null))
            {
                continue; // the batch lacks a term this alternative needs
            }

            // An excluded phrase with a term the batch lacks cannot occur in it.
            BoundPhrase[] excluded = [.. clause.Excluded.Select(Bound).OfType<BoundPhrase>()];
            clauses.Add(new BoundClause([.. required.OfType<BoundPhrase>()], excluded));
        }

        return new BoundSearchQuery([.. clauses]);

        BoundPhrase? Bound(SearchPhrase phrase)
        {
            var terms = new int[phrase.Terms.Length];
            for (int i = 0; i < terms.Length; i++)
            {
                if (!ids.TryGetValue(phrase.Terms[i], out int id))
                {
                    id = termIdOrMinusOne(phrase.Terms[i]);
                    ids.Add(phrase.Terms[i], id);
                }

                if (id < 0)
                {
                    return null;
                }

                terms[i] = id;
            }

            return new BoundPhrase(terms, phrase.Offsets);
        }
    }

    /// <summary>
    /// Whether a text with <paramref name="tokens"/> (as <see cref="SearchAnalyzer.Analyze(ReadOnlySpan{char}, string?, List{SearchToken})"/> gave them) matches. Allocates;
    /// the archive checks stored mentions with <see cref="Bind"/>.
    /// </summary>
    public bool Matches(IReadOnlyList<SearchToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var ids = new TermAt[tokens.Count];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = new TermAt(tokens[i].Position, _ownIds.GetValueOrDefault(tokens[i].Term, -1));
        }

        return _bound.Matches(ids);
    }

    /// <summary>In PostgreSQL's <c>tsquery</c> notation, e.g. <c>'outag' &amp; !'refund' | 'kind' &lt;2&gt; 'magic'</c>; empty when nothing matches.</summary>
    public override string ToString() => string.Join(" | ", _clauses);
}
