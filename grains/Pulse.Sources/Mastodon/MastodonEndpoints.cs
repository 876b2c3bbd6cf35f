using System.Globalization;
using Pulse.Sources.Connecting;

namespace Pulse.Sources.Mastodon;

/// <summary>
/// The streaming and timeline URLs of one source's stream (<c>public</c>, <c>public:local</c> or <c>hashtag</c>), on the
/// instance's web host at <paramref name="Root"/> (the stream may move to the host the instance announces: <see cref="StreamingHost"/>).
/// </summary>
internal sealed record MastodonEndpoints(Uri Root, Uri Stream, Uri Timeline, bool Local)
{
    /// <summary>The page of statuses immediately newer than <paramref name="minId"/>, newest first (Mastodon's order).</summary>
    public Uri TimelinePage(string minId, int limit) =>
        new(string.Create(
            CultureInfo.InvariantCulture,
            $"{Timeline}?{(Local ? "local=true&" : "")}min_id={Uri.EscapeDataString(minId)}&limit={limit}"));

    /// <summary>The endpoints of <paramref name="source"/>, or null with the reason the definition cannot work.</summary>
    public static MastodonEndpoints? For(SourceDefinition source, out string? problem)
    {
        problem = null;
        if (!source.Url.IsAbsoluteUri || (source.Url.Scheme != Uri.UriSchemeHttps && source.Url.Scheme != Uri.UriSchemeHttp))
        {
            problem = $"The Mastodon instance URL must be http(s)://host, not '{source.Url}'.";
            return null;
        }

        // The API lives at the root of the instance's host, whatever path the operator pasted.
        var root = new Uri(source.Url.GetLeftPart(UriPartial.Authority) + "/");
        switch (source.Stream ?? "public")
        {
            case "public":
                return new(root, new Uri(root, "api/v1/streaming/public"), new Uri(root, "api/v1/timelines/public"), Local: false);
            case "public:local":
                return new(root, new Uri(root, "api/v1/streaming/public/local"), new Uri(root, "api/v1/timelines/public"), Local: true);
            case "hashtag":
                var tag = source.Hashtag?.TrimStart('#').Trim();
                if (string.IsNullOrEmpty(tag))
                {
                    problem = "A Mastodon hashtag stream needs a hashtag.";
                    return null;
                }

                var escaped = Uri.EscapeDataString(tag);
                return new(root, new Uri(root, "api/v1/streaming/hashtag?tag=" + escaped), new Uri(root, "api/v1/timelines/tag/" + escaped), Local: false);
            default:
                problem = $"Unknown Mastodon stream '{source.Stream}': use public, public:local or hashtag.";
                return null;
        }
    }
}
