using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pulse.Silo.Archive.Search;

/// <summary>
/// Where a page of results ended: the last row's sort key, the rows after it come next (keyset paging, so a page
/// costs the same however deep it is and rows archived meanwhile neither repeat nor skip). Clients get it as an opaque
/// base64url token and hand it back unchanged.
/// </summary>
public sealed record SearchCursor(
    [property: JsonPropertyName("s")] MentionSearchSort Sort,
    [property: JsonPropertyName("t")] DateTime PublishedAt,
    [property: JsonPropertyName("e")] long Engagement,
    [property: JsonPropertyName("m")] string MentionId,
    [property: JsonPropertyName("b")] string BrandId)
{
    /// <summary>Far longer than any token this API hands out; a longer one is not ours.</summary>
    private const int MaxTokenLength = 2_048;

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, SearchCursorJson.Default.SearchCursor));

    /// <summary>The cursor in <paramref name="token"/>, or null when it is not one <see cref="Encode"/> made.</summary>
    public static SearchCursor? TryDecode(string token)
    {
        if (token.Length is 0 or > MaxTokenLength)
        {
            return null;
        }

        try
        {
            var cursor = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(token), SearchCursorJson.Default.SearchCursor);
            return cursor is { MentionId: not null, BrandId: not null } && Enum.IsDefined(cursor.Sort) && cursor.PublishedAt.Kind == DateTimeKind.Utc
                ? cursor
                : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}

[JsonSerializable(typeof(SearchCursor))]
internal sealed partial class SearchCursorJson : JsonSerializerContext;
