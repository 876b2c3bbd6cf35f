namespace Pulse.Sources.Jetstream;

/// <summary>
/// Shared strings for the language tags most posts carry, so the common case allocates nothing per post.
/// </summary>
internal static class Languages
{
    private static readonly string[] Common = ["en", "ja", "pt", "de", "es", "fr", "ko", "it", "nl", "zh", "ru", "tr", "pl", "uk", "sv", "fi", "ca", "id", "th", "ar"];

    public static string? Intern(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length != 2)
        {
            return null;
        }

        foreach (var tag in Common)
        {
            if (utf8[0] == tag[0] && utf8[1] == tag[1])
            {
                return tag;
            }
        }

        return null;
    }
}
