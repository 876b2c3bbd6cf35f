using System.Globalization;

namespace Pulse.Sources.Jetstream;

/// <summary>The subscribe URL for one connection: the source's endpoint plus the post filter and the resume point.</summary>
internal static class JetstreamUrl
{
    public static Uri Subscribe(Uri endpoint, long? cursor)
    {
        var builder = new UriBuilder(endpoint);
        var query = builder.Query.TrimStart('?');
        var parts = new List<string>(3);
        if (query.Length > 0)
        {
            parts.Add(query);
        }

        // Server-side filtering: the unfiltered firehose is ~10x the events (mostly likes) for nothing we use.
        if (!query.Contains("wantedCollections=", StringComparison.Ordinal))
        {
            parts.Add("wantedCollections=" + JetstreamFrameParser.PostCollection);
        }

        if (cursor is { } c)
        {
            parts.Add("cursor=" + c.ToString(CultureInfo.InvariantCulture));
        }

        builder.Query = string.Join('&', parts);
        return builder.Uri;
    }
}
