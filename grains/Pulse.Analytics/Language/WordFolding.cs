namespace Pulse.Analytics.Language;

/// <summary>
/// Folds a word to the form lexicons are keyed by: lower case, ä/ö/ü as ae/oe/ue, ß as ss, ’ as ',
/// and letter runs of three or more ("soooo") squeezed, so "Schöööön", "schoen" and "SCHÖN" meet one entry.
/// </summary>
internal static class WordFolding
{
    /// <summary>Room for any word worth looking up; longer tokens (hashes, glued text) carry no valence.</summary>
    public const int MaxWordLength = 40;

    /// <summary>Folding at most doubles a word (ä becomes ae).</summary>
    public const int MaxFoldedLength = MaxWordLength * 2;

    /// <summary>
    /// Writes the folded word into <paramref name="destination"/> and returns its length, or 0 when the word is
    /// longer than <see cref="MaxWordLength"/>. Runs of three or more equal letters become <paramref name="squeezedRun"/>
    /// letters: 2 turns "gooood" into "good", 1 turns "sooo" into "so".
    /// </summary>
    public static int Fold(ReadOnlySpan<char> word, Span<char> destination, int squeezedRun)
    {
        if (word.Length > MaxWordLength || destination.Length < MaxFoldedLength)
        {
            return 0;
        }

        var length = 0;
        var i = 0;
        while (i < word.Length)
        {
            var c = Lower(word[i]);
            var run = 1;
            while (i + run < word.Length && Lower(word[i + run]) == c)
            {
                run++;
            }

            i += run;
            var emitted = run >= 3 ? squeezedRun : run;
            for (var k = 0; k < emitted; k++)
            {
                length = Append(c, destination, length);
            }
        }

        return length;
    }

    /// <summary>True when a letter repeats three or more times in a row, the way people stretch words for emphasis.</summary>
    public static bool IsElongated(ReadOnlySpan<char> word)
    {
        for (var i = 2; i < word.Length; i++)
        {
            if (char.IsLetter(word[i]) && word[i] == word[i - 1] && word[i] == word[i - 2])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for words of two or more letters written entirely in capitals ("GREAT", "MEGA").</summary>
    public static bool IsShouted(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            if (char.IsUpper(c))
            {
                letters++;
            }
        }

        return letters >= 2;
    }

    private static char Lower(char c) => c == '’' ? '\'' : char.ToLowerInvariant(c);

    private static int Append(char c, Span<char> destination, int length)
    {
        switch (c)
        {
            case 'ä':
                destination[length] = 'a';
                destination[length + 1] = 'e';
                return length + 2;
            case 'ö':
                destination[length] = 'o';
                destination[length + 1] = 'e';
                return length + 2;
            case 'ü':
                destination[length] = 'u';
                destination[length + 1] = 'e';
                return length + 2;
            case 'ß':
                destination[length] = 's';
                destination[length + 1] = 's';
                return length + 2;
            default:
                destination[length] = c;
                return length + 1;
        }
    }
}
