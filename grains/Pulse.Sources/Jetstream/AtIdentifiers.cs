namespace Pulse.Sources.Jetstream;

/// <summary>
/// Syntax checks for the atproto identifiers that go into a mention's id and URL. The network is untrusted: a DID or
/// record key with a slash, '?' or space would make a different URL than the post's.
/// </summary>
internal static class AtIdentifiers
{
    /// <summary>
    /// <c>did:method:identifier</c> per the atproto DID syntax: ASCII letters, digits and <c>._:%-</c>, at most 2 KiB.
    /// </summary>
    public static bool IsDid(string did)
    {
        if (did.Length is < 8 or > 2048 || !did.StartsWith("did:", StringComparison.Ordinal) || did[^1] is ':' or '%')
        {
            return false;
        }

        var methodEnd = did.IndexOf(':', 4);
        if (methodEnd <= 4)
        {
            return false;
        }

        for (var i = 4; i < methodEnd; i++)
        {
            if (did[i] is < 'a' or > 'z')
            {
                return false;
            }
        }

        for (var i = methodEnd + 1; i < did.Length; i++)
        {
            var c = did[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '%' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A record key: 1–512 of ASCII letters, digits and <c>._:~-</c>, and not <c>.</c> or <c>..</c>.</summary>
    public static bool IsRecordKey(string rkey)
    {
        if (rkey.Length is < 1 or > 512 || rkey is "." or "..")
        {
            return false;
        }

        foreach (var c in rkey)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '~' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
