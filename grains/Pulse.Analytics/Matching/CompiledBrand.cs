using System.Collections.Frozen;

namespace Pulse.Analytics.Matching;

/// <summary>One brand reduced to term ids: any-of terms, an optional query, none-of terms and excluded authors.</summary>
internal sealed class CompiledBrand
{
    private readonly int[] _anyOf;
    private readonly MatchExpression? _query;
    private readonly int[] _noneOf;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>>? _excludedAuthors;

    public CompiledBrand(string id, int[] anyOf, MatchExpression? query, int[] noneOf, FrozenSet<string>? excludedAuthors)
    {
        Id = id;
        _anyOf = anyOf;
        _query = query;
        _noneOf = noneOf;
        _excludedAuthors = excludedAuthors is { Count: > 0 } ? excludedAuthors.GetAlternateLookup<ReadOnlySpan<char>>() : null;
    }

    public string Id { get; }

    /// <summary>Keywords, hashtags and handles: any one matches.</summary>
    public int[] AnyOf => _anyOf;

    public MatchExpression? Query => _query;

    /// <param name="author">Already normalised by <see cref="AuthorName.Normalize"/>.</param>
    public bool Matches(ReadOnlySpan<ulong> hits, ReadOnlySpan<char> author)
    {
        if (_excludedAuthors is { } excluded && !author.IsEmpty && excluded.Contains(author))
        {
            return false;
        }

        foreach (int term in _noneOf)
        {
            if (MatchExpression.IsHit(hits, term))
            {
                return false;
            }
        }

        foreach (int term in _anyOf)
        {
            if (MatchExpression.IsHit(hits, term))
            {
                return true;
            }
        }

        return _query is not null && _query.Evaluate(hits);
    }
}
