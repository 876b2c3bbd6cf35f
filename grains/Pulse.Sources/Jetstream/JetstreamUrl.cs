using System.Globalization;

namespace Pulse.Sources.Jetstream;

/// <summary>The subscribe URL for one connection: the source's endpoint plus the collection filter and the resume point.</summary>
internal static class JetstreamUrl
{
    public static Uri Subscribe(Uri endpoint, long? cursor)
    {
        var builder = new UriBuilder(endpoint);
        var query = builder.Query.TrimStart('?');
        var parts = new List<string>(5);
        if (query.Length > 0)
        {
            parts.Add(query);
        }

        // Server-side filtering: posts, and the likes and reposts that are engagement on them. The rest of the firehose
        // (follows, blocks, profiles, other apps' records) is nothing we use.
        if (!query.Contains("wantedCollections=", StringComparison.Ordinal))
        {
            parts.Add("wantedCollections=" + JetstreamFrameParser.PostCollection);
            parts.Add("wantedCollections=" + JetstreamFrameParser.LikeCollection);
            parts.Add("wantedCollections=" + JetstreamFrameParser.RepostCollection);
        }

        if (cursor is { } c)
        {
            parts.Add("cursor=" + c.ToString(CultureInfo.InvariantCulture));
        }

        builder.Query = string.Join('&', parts);
        return builder.Uri;
    }
}
