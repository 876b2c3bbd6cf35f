using System.Net.Http.Headers;
using System.Text.Json;

namespace Pulse.Sources.Mastodon;

/// <summary>
/// Where an instance serves its streaming API. Many run it on a host of its own (e.g. streaming.example.social) and
/// announce it, as a ws(s) URL, in <c>/api/v2/instance</c> (<c>configuration.urls.streaming</c>) or, before Mastodon 4.0,
/// <c>/api/v1/instance</c> (<c>urls.streaming_api</c>). The server-sent-event endpoints live on that host under the same
/// paths; connecting to the web host instead relies on a redirect, across which HTTP clients drop the bearer token.
/// </summary>
internal static class StreamingHost
{
    /// <summary>The announced streaming base (http or https), or null when the instance announces none or cannot say.</summary>
    /// <remarks>Network failures propagate: the stream on the same instance would fail too, and the source backs off.</remarks>
    public static async Task<Uri?> DiscoverAsync(HttpClient http, Uri root, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        return await AnnouncedAsync(http, new Uri(root, "api/v2/instance"), cancellationToken).ConfigureAwait(false)
            ?? await AnnouncedAsync(http, new Uri(root, "api/v1/instance"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The streaming base in an instance document of either version, or null.</summary>
    public static Uri? Parse(JsonElement instance)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var announced =
            instance.TryGetProperty("configuration", out var configuration) && configuration.ValueKind == JsonValueKind.Object
            && configuration.TryGetProperty("urls", out var v2) && v2.ValueKind == JsonValueKind.Object
            && v2.TryGetProperty("streaming", out var streaming) && streaming.ValueKind == JsonValueKind.String ? streaming.GetString()
            : instance.TryGetProperty("urls", out var v1) && v1.ValueKind == JsonValueKind.Object
            && v1.TryGetProperty("streaming_api", out var api) && api.ValueKind == JsonValueKind.String ? api.GetString()
            : null;
        if (!Uri.TryCreate(announced, UriKind.Absolute, out var url))
        {
            return null;
        }

        // Server-sent events go over HTTP to the host the WebSocket URL names.
        var scheme = url.Scheme switch
        {
            "wss" or "https" => Uri.UriSchemeHttps,
            "ws" or "http" => Uri.UriSchemeHttp,
            _ => null,
        };
        return scheme is null ? null : new UriBuilder(url) { Scheme = scheme, Port = url.IsDefaultPort ? -1 : url.Port, Path = "/", Query = "" }.Uri;
    }

    /// <summary><paramref name="stream"/> (a path on the instance's web host) on the announced streaming host.</summary>
    public static Uri Rebase(Uri stream, Uri streamingBase)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new Uri(streamingBase, stream.PathAndQuery);
    }

    private static async Task<Uri?> AnnouncedAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return null; // an old instance without this version, or one that keeps it private: the web host then
        }

        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
                return Parse(document.RootElement);
            }
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
