using System.Text.RegularExpressions;
using Pulse.Sources.Connecting;

namespace Pulse.Silo.Sources;

/// <summary>
/// Turns a <see cref="SourceRequest"/> into a <see cref="SourceDefinition"/>, or names the first field that is wrong
/// (the API answers it as 400 problem+json with <c>parameter</c>; the configuration file refuses to start).
/// </summary>
public static partial class SourceValidator
{
    /// <summary>Bluesky's public Jetstream, the default of a jetstream source without a url.</summary>
    public static readonly Uri PublicJetstream = new("wss://jetstream2.us-east.bsky.network/subscribe");

    public const int MaxPollSeconds = 86_400;

    /// <summary>The definition, or null with the bad <paramref name="field"/> and a message saying what is wrong.</summary>
    /// <param name="existing">The stored source this request replaces, if any: an update may leave the token out to keep it.</param>
    public static SourceDefinition? Validate(string id, SourceRequest request, IReadOnlyCollection<string> channels, SourceDefinition? existing, out string field, out string message)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(channels);
        (var source, field, message) = Check(id, request, channels, existing);
        return source;
    }

    private static (SourceDefinition? Source, string Field, string Message) Check(string id, SourceRequest request, IReadOnlyCollection<string> channels, SourceDefinition? existing)
    {
        static (SourceDefinition?, string, string) Fail(string name, string text) => (null, name, text);

        if (!IdPattern().IsMatch(id))
        {
            return Fail("id", "A source id is 1 to 64 letters, digits, '.', '_' or '-'.");
        }

        if (request.Id is { } bodyId && !string.Equals(bodyId, id, StringComparison.Ordinal))
        {
            return Fail("id", $"id in the body ('{bodyId}') differs from the id in the URL ('{id}').");
        }

        if (!SourceWireNames.TryParseKind(request.Kind, out var kind))
        {
            return Fail("kind", "kind must be \"jetstream\", \"mastodon\" or \"rss\".");
        }

        var url = request.Url is { Length: > 0 } text ? (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var parsed) ? parsed : null) : kind == SourceKind.Jetstream ? PublicJetstream : null;
        var schemes = kind == SourceKind.Jetstream ? "ws or wss" : "http or https";
        if (url is null || !(kind == SourceKind.Jetstream ? url.Scheme is "ws" or "wss" : url.Scheme is "http" or "https"))
        {
            return Fail("url", $"url must be an absolute {schemes} URL{(kind == SourceKind.Mastodon ? " of the instance, e.g. https://mastodon.social" : kind == SourceKind.Rss ? " of the feed" : string.Empty)}.");
        }

        url = SourceUrls.KeepingCredentials(url, existing?.Url);
        var channel = (request.Channel is { Length: > 0 } c ? c.Trim() : DefaultChannel(kind)).ToLowerInvariant();
        if (!channels.Contains(channel))
        {
            return Fail("channel", $"channel '{channel}' is not configured; the channels are: {string.Join(", ", channels)}.");
        }

        if (request.PollSeconds is < 1 or > MaxPollSeconds)
        {
            return Fail("pollSeconds", $"pollSeconds must be between 1 and {MaxPollSeconds}.");
        }

        string? stream = null, hashtag = null;
        if (kind == SourceKind.Mastodon)
        {
            (stream, hashtag) = ParseStream(request.Stream);
            if (stream is null)
            {
                return Fail("stream", "stream must be \"public\", \"public:local\" or \"hashtag:<tag>\".");
            }
        }
        else if (request.Stream is { Length: > 0 })
        {
            return Fail("stream", "stream applies to mastodon sources only.");
        }

        var token = request.Token is { Length: > 0 } t ? t.Trim() : existing?.Kind == SourceKind.Mastodon ? existing.Token : null;
        if (kind == SourceKind.Mastodon && string.IsNullOrEmpty(token))
        {
            return Fail("token", "A mastodon source needs a bearer token (instances refuse streaming without one since Mastodon 4.2).");
        }

        if (kind != SourceKind.Mastodon && request.Token is { Length: > 0 })
        {
            return Fail("token", "token applies to mastodon sources only.");
        }

        return (new SourceDefinition
        {
            Id = id,
            Kind = kind,
            Url = url,
            Channel = channel,
            PollSeconds = request.PollSeconds ?? 300,
            Token = token,
            Stream = stream,
            Hashtag = hashtag,
        }, string.Empty, string.Empty);
    }

    public static string DefaultChannel(SourceKind kind) => kind switch
    {
        SourceKind.Jetstream => "bluesky",
        SourceKind.Mastodon => "mastodon",
        _ => "news",
    };

    private static (string? Stream, string? Hashtag) ParseStream(string? text)
    {
        var value = text?.Trim() ?? "public";
        if (value is "public" or "public:local")
        {
            return (value, null);
        }

        if (value.StartsWith("hashtag:", StringComparison.Ordinal) && TagPattern().IsMatch(value["hashtag:".Length..].TrimStart('#')))
        {
            return ("hashtag", value["hashtag:".Length..].TrimStart('#'));
        }

        return (null, null);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[\p{L}\p{N}_]{1,100}$")]
    private static partial Regex TagPattern();
}
