using System.Text;

namespace Pulse.Silo.Archive;

/// <summary>Untrusted text made storable in PostgreSQL's text columns.</summary>
internal static class ArchiveText
{
    /// <summary>
    /// Mention text is untrusted: PostgreSQL's text holds no NUL, and a lone UTF-16 surrogate has no UTF-8 form. Both
    /// become U+FFFD rather than failing the whole batch.
    /// </summary>
    internal static string Clean(string value)
    {
        var span = value.AsSpan();
        if (!span.Contains('\0') && !HasLoneSurrogate(span))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c == '\0')
            {
                builder.Append('\uFFFD');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                builder.Append(c).Append(span[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A UTF-16 surrogate without its pair: the only text with no UTF-8 form.</summary>
    internal static bool HasLoneSurrogate(ReadOnlySpan<char> span)
    {
        for (var i = 0; i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(span[i]))
            {
                return true;
            }
        }

        return false;
    }
}
