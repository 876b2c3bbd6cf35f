namespace Pulse.Analytics.TextSearch;

/// <summary>
/// A <see cref="CompiledSearchQuery"/> bound to one batch's term dictionary: made once per batch, then asked about each
/// of its mentions by term ids, without allocating. Alternatives that need a term the batch lacks are gone already,
/// and so are exclusions of such terms.
/// </summary>
public sealed class BoundSearchQuery
{
    private readonly BoundClause[] _clauses;

    internal BoundSearchQuery(BoundClause[] clauses) => _clauses = clauses;

    /// <summary>False when no mention of the batch can match (the batch lacks a term of every alternative): skip it.</summary>
    public bool CanMatch => _clauses.Length > 0;

    /// <summary>
    /// Whether a mention with <paramref name="tokens"/> (its terms as batch ids, in position order) matches the query.
    /// </summary>
    public bool Matches(ReadOnlySpan<TermAt> tokens)
    {
        foreach (var clause in _clauses)
        {
            if (clause.Matches(tokens))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One alternative, bound.</summary>
    internal sealed record BoundClause(BoundPhrase[] Required, BoundPhrase[] Excluded)
    {
        public bool Matches(ReadOnlySpan<TermAt> tokens)
        {
            foreach (var phrase in Required)
            {
                if (!phrase.OccursIn(tokens))
                {
                    return false;
                }
            }

            foreach (var phrase in Excluded)
            {
                if (phrase.OccursIn(tokens))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
