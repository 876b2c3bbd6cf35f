namespace Pulse.Analytics.Language;

/// <summary>
/// Folds a word to the form lexicons are keyed by: lower case, ä/ö/ü as ae/oe/ue, ß as ss, ’ as ',
/// and letter runs of three or more ("soooo") squeezed, so "Schöööön", "schoen" and "SCHÖN" meet one entry.
/// The same loop notes how the word was written (<see cref="WordShape"/>).
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
    public static int Fold(ReadOnlySpan<char> word, Span<char> destination, int squeezedRun) =>
        Fold(word, destination, squeezedRun, out _);

    /// <inheritdoc cref="Fold(ReadOnlySpan{char}, Span{char}, int)"/>
    public static int Fold(ReadOnlySpan<char> word, Span<char> destination, int squeezedRun, out WordShape shape)
    {
        shape = WordShape.None;
        if (word.Length > MaxWordLength || destination.Length < MaxFoldedLength)
        {
            return 0;
        }

        var length = 0;
        var upper = 0;
        var i = 0;
        while (i < word.Length)
        {
            var original = word[i];
            char c;
            if (char.IsAsciiLetterLower(original))
            {
                c = original;
                shape |= WordShape.Spoken;
            }
            else if (char.IsAsciiLetterUpper(original))
            {
                c = (char)(original | 0x20);
                upper++;
            }
            else
            {
                c = Lower(original);
                if (c != original && original != '’')
                {
                    upper++;
                }
                else if (char.IsLower(original))
                {
                    shape |= WordShape.Spoken;
                }
            }

            // Runs are rare; the common case looks one letter ahead and moves on.
            var run = 1;
            while (i + run < word.Length && Lower(word[i + run]) == c)
            {
                run++;
            }

            i += run;
            var emitted = run;
            if (run >= 3)
            {
                emitted = squeezedRun;
                if (char.IsLetter(c))
                {
                    shape |= WordShape.Elongated;
                }
            }

            if (c < 128 && emitted == 1)
            {
                destination[length++] = c;
                continue;
            }

            for (var k = 0; k < emitted; k++)
            {
                length = Append(c, destination, length, ref shape);
            }
        }

        if (upper >= 2 && (shape & WordShape.Spoken) == 0)
        {
            shape |= WordShape.Shouted;
        }

        if (length > 3 && destination[length - 1] == 't' && destination[length - 2] == '\'' && destination[length - 3] == 'n')
        {
            shape |= WordShape.NegatedContraction;
        }

        return length;
    }

    internal static char Lower(char c)
    {
        if (c < 128)
        {
            return (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        }

        return c == '’' ? '\'' : char.ToLowerInvariant(c);
    }

    internal static int Append(char c, Span<char> destination, int length, ref WordShape shape)
    {
        if (c < 128)
        {
            destination[length] = c;
            return length + 1;
        }

        char second;
        switch (c)
        {
            case 'ä':
                destination[length] = 'a';
                second = 'e';
                break;
            case 'ö':
                destination[length] = 'o';
                second = 'e';
                break;
            case 'ü':
                destination[length] = 'u';
                second = 'e';
                break;
            case 'ß':
                destination[length] = 's';
                second = 's';
                break;
            default:
                destination[length] = c;
                return length + 1;
        }

        shape |= WordShape.GermanLetters;
        destination[length + 1] = second;
        return length + 2;
    }
}
