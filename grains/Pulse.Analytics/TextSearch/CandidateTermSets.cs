namespace Pulse.Analytics.TextSearch;

/// <summary>
/// What a batch's term array must contain to hold a match: for each alternative, the terms of its required phrases.
/// Excluded phrases add nothing, since one mention of a batch may have the excluded word and another the match.
/// Sets are kept few and small: equal ones once, and none that contains another (its batches are the other's already).
/// </summary>
internal static class CandidateTermSets
{
    /// <summary>The sets of <paramref name="clauses"/>, none of which may be without required phrases.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Of(IReadOnlyList<CompiledClause> clauses)
    {
        var sets = new List<string[]>(clauses.Count);
        foreach (var clause in clauses)
        {
            var terms = clause.Required.SelectMany(phrase => phrase.Terms).Distinct(StringComparer.Ordinal).ToArray();
            Array.Sort(terms, StringComparer.Ordinal);
            sets.Add(terms);
        }

        // Smaller sets first, so a set is only ever dropped for one already kept.
        sets.Sort(BySizeThenTerms);
        var kept = new List<IReadOnlyList<string>>();
        foreach (var set in sets)
        {
            if (!kept.Any(smaller => IsSubset((string[])smaller, set)))
            {
                kept.Add(set);
            }
        }

        return kept;
    }

    private static int BySizeThenTerms(string[] a, string[] b)
    {
        if (a.Length != b.Length)
        {
            return a.Length.CompareTo(b.Length);
        }

        for (int i = 0; i < a.Length; i++)
        {
            int order = string.CompareOrdinal(a[i], b[i]);
            if (order != 0)
            {
                return order;
            }
        }

        return 0;
    }

    /// <summary>Whether sorted <paramref name="small"/> lies within sorted <paramref name="large"/>: one merge walk.</summary>
    private static bool IsSubset(string[] small, string[] large)
    {
        if (small.Length > large.Length)
        {
            return false;
        }

        int j = 0;
        foreach (var term in small)
        {
            while (j < large.Length && string.CompareOrdinal(large[j], term) < 0)
            {
                j++;
            }

            if (j == large.Length || !string.Equals(large[j], term, StringComparison.Ordinal))
            {
                return false;
            }

            j++;
        }

        return true;
    }
}
