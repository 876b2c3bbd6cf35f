using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pulse.Sources.Rss;

/// <summary>
/// Where a feed source resumes: the validators of the last 200 (for the conditional GET) and the ids already accepted
/// (so a restart does not accept items still in the feed twice). <see cref="Feed"/> ties the validators to the URL they
/// came from: after the operator points the source at another feed they are dropped, the ids stay (harmless).
/// </summary>
internal sealed record RssCursor(string Feed, string? ETag, DateTimeOffset? LastModified, SeenIds Seen)
{
    private const int Version = 1;

    public static RssCursor Start(string feed) => new(feed, null, null, SeenIds.Empty);

    /// <summary>Compact JSON: the ids as base64 of 8 bytes each, so 2,048 ids take about 22 KB.</summary>
    public string Format() => JsonSerializer.Serialize(
        new RssCursorJson(Version, Feed, ETag, LastModified, Convert.ToBase64String(Seen.ToBytes())),
        RssCursorJsonContext.Default.RssCursorJson);

    /// <summary>
    /// The cursor in <paramref name="text"/> for the feed <paramref name="feed"/>; false (with the reason, for the log)
    /// when it is not one this version wrote. Never throws: a bad cursor must not stop a source.
    /// </summary>
    public static bool TryParse(string text, string feed, out RssCursor cursor, out Exception? problem)
    {
        cursor = Start(feed);
        problem = null;
        try
        {
            var json = JsonSerializer.Deserialize(text, RssCursorJsonContext.Default.RssCursorJson);
            if (json is not { V: Version, Seen: not null } || SeenIds.FromBytes(Convert.FromBase64String(json.Seen)) is not { } seen)
            {
                return false;
            }

            cursor = json.Feed == feed ? new RssCursor(feed, json.ETag, json.LastModified, seen) : Start(feed) with { Seen = seen };
            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException or NotSupportedException)
        {
            problem = e;
            return false;
        }
    }
}

/// <summary>The cursor's wire form; short names because it is stored with every accepted batch.</summary>
internal sealed record RssCursorJson(
    [property: JsonPropertyName("v")] int V,
    [property: JsonPropertyName("f")] string? Feed,
    [property: JsonPropertyName("e")] string? ETag,
    [property: JsonPropertyName("m")] DateTimeOffset? LastModified,
    [property: JsonPropertyName("s")] string? Seen);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RssCursorJson))]
internal sealed partial class RssCursorJsonContext : JsonSerializerContext;
