using System.Text.Json;

namespace Pulse.Sources.Mastodon;

/// <summary>
/// The <c>error</c> text of a Mastodon error body (<c>{"error": "…"}</c>), for the source's status: read with a small bound,
/// cut short and stripped of control characters, since it is shown to operators and comes from the network.
/// </summary>
internal static class ErrorDetail
{
    private const int MaxBodyBytes = 4_096;
    private const int MaxLength = 200;

    /// <summary>": the error text", or empty when there is none.</summary>
    public static async Task<string> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            var buffer = new byte[MaxBodyBytes];
            var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                using var json = JsonDocument.Parse(buffer.AsMemory(0, length));
                if (json.RootElement.ValueKind == JsonValueKind.Object
                    && json.RootElement.TryGetProperty("error", out var error)
                    && error.ValueKind == JsonValueKind.String
                    && error.GetString() is { Length: > 0 } text)
                {
                    var clean = new string([.. text.Take(MaxLength).Select(c => char.IsControl(c) ? ' ' : c)]);
                    return ": " + clean;
                }
            }
        }
        catch (Exception e) when (e is JsonException or IOException or HttpRequestException)
        {
            // not JSON, or cut off: the status code alone says enough
        }

        return string.Empty;
    }
}
