namespace Pulse.Analytics.TextSearch;

/// <summary>
/// A phrase with its terms replaced by a batch's term ids, found in a mention's tokens without allocating. Tokens are in
/// position order and several may share a position (a word's umlaut alternatives).
/// </summary>
internal sealed class BoundPhrase(int[] terms, int[] offsets)
{
    public bool OccursIn(ReadOnlySpan<TermAt> tokens)
    {
        int first = terms[0];
        for (int j = 0; j < tokens.Length; j++)
        {
            if (tokens[j].Term == first && (terms.Length == 1 || RestFollows(tokens, j)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the phrase's other terms stand at their offsets from the first one, found at <paramref name="start"/>.</summary>
    private bool RestFollows(ReadOnlySpan<TermAt> tokens, int start)
    {
        long origin = tokens[start].Position;
        int k = start;
        for (int i = 1; i < terms.Length; i++)
        {
            long target = origin + offsets[i];
            while (k < tokens.Length && tokens[k].Position < target)
            {
                k++;
            }

            bool found = false;
            for (int m = k; m < tokens.Length && tokens[m].Position == target; m++)
            {
                if (tokens[m].Term == terms[i])
                {
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }
}
