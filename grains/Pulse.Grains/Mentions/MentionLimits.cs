namespace Pulse.Grains.Mentions;

/// <summary>
/// Largest accepted sizes of a mention's short fields, in UTF-16 code units. Ingest rejects an item past one; sources
/// keep within them, because in cluster mode every mention is decoded from the ingest log by the same ingest parser.
/// Each is far above real values and far below what a sender could use to bloat feeds, checkpoints and the dashboard.
/// </summary>
public static class MentionLimits
{
    /// <summary>Platform ids and post URIs are tens of characters; a 512-character key still de-duplicates cheaply.</summary>
    public const int MaxIdLength = 512;

    /// <summary>Display names and handles (user@instance) fit many times over.</summary>
    public const int MaxAuthorLength = 256;

    /// <summary>The common browser and CDN limit for a URL.</summary>
    public const int MaxUrlLength = 2048;

    /// <summary>The longest well-formed BCP 47 language tag needs 35 characters (RFC 5646, 4.4.1).</summary>
    public const int MaxLangLength = 35;

    /// <summary>Whether <paramref name="url"/> is an absolute http or https URL with a host, within <see cref="MaxUrlLength"/>.</summary>
    public static bool IsHttpUrl(string? url) =>
        url is { Length: > 0 and <= MaxUrlLength }
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;
}
