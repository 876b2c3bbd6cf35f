using Pulse.Analytics.Sentiment.Lexicons;

namespace Pulse.Analytics.Sentiment;

/// <summary>
/// Sums one clause's valences, applying the modifiers within reach of each sentiment word:
/// boosters and negators up to three words before it, and German backward negators ("nicht") up to three after it.
/// Clauses end at punctuation and contrast words, so modifiers never leak across them.
/// </summary>
internal static class ClauseScorer
{
    public static float Score(ReadOnlySpan<ClauseItem> clause)
    {
        var sum = 0f;
        for (var i = 0; i < clause.Length; i++)
        {
            if (clause[i].Entry.Role == WordRole.Sentiment)
            {
                sum += WordValence(clause, i);
            }
        }

        return sum;
    }

    private static float WordValence(ReadOnlySpan<ClauseItem> clause, int index)
    {
        var item = clause[index];
        var valence = item.Entry.Value;
        var direction = MathF.Sign(valence);
        if (item.Shouted)
        {
            valence += direction * Valence.ShoutBoost;
        }

        if (item.Elongated)
        {
            valence += direction * Valence.ElongationBoost;
        }

        var negated = false;
        for (var distance = 1; distance <= Valence.ModifierReach && index - distance >= 0; distance++)
        {
            var before = clause[index - distance];
            if (before.Entry.Role == WordRole.Booster)
            {
                var step = before.Entry.Value + (before.Shouted ? MathF.Sign(before.Entry.Value) * Valence.ShoutBoost : 0f);
                valence += direction * step * (1f - (Valence.BoosterDecayPerWord * (distance - 1)));
            }
            else if (before.Entry.Role == WordRole.Negator)
            {
                negated = true;
            }
        }

        negated |= IsNegatedFromBehind(clause, index);
        return negated ? valence * Valence.NegationScale : valence;
    }

    // "Das gefällt mir nicht": a backward negator after the word, with no other sentiment word in between.
    private static bool IsNegatedFromBehind(ReadOnlySpan<ClauseItem> clause, int index)
    {
        for (var distance = 1; distance <= Valence.ModifierReach && index + distance < clause.Length; distance++)
        {
            var after = clause[index + distance].Entry;
            if (after.Role == WordRole.Sentiment)
            {
                return false;
            }

            if (after.NegatesBackward)
            {
                return true;
            }
        }

        return false;
    }
}
