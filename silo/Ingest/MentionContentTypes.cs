using Microsoft.Net.Http.Headers;

namespace Pulse.Silo.Ingest;

/// <summary>Maps a request's Content-Type to the body framing it announces.</summary>
public static class MentionContentTypes
{
    public const string Json = "application/json";
    public const string NdJson = "application/x-ndjson";
    public const string JsonLines = "application/jsonl";

    /// <returns>False for a missing, unknown or non-UTF-8 content type (JSON is UTF-8 by RFC 8259).</returns>
    public static bool TryGetFormat(string? contentType, out MentionBodyFormat format)
    {
        format = default;
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType))
        {
            return false;
        }

        var charset = mediaType.Charset;
        if (charset.HasValue
            && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var type = mediaType.MediaType;
        if (type.Equals(Json, StringComparison.OrdinalIgnoreCase))
        {
            format = MentionBodyFormat.Json;
            return true;
        }

        if (type.Equals(NdJson, StringComparison.OrdinalIgnoreCase) || type.Equals(JsonLines, StringComparison.OrdinalIgnoreCase))
        {
            format = MentionBodyFormat.NdJson;
            return true;
        }

        return false;
    }
}
