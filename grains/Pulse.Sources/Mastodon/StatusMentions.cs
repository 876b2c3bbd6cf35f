using Pulse.Grains.Mentions;
using Pulse.Sources.Connecting;
using Pulse.Sources.Text;

namespace Pulse.Sources.Mastodon;

/// <summary>Turns a Mastodon status into a mention. Everything in a status is untrusted: lengths are bounded here.</summary>
internal static class StatusMentions
{
    private const int MaxTextLength = 10_000;
    private const int MaxUriLength = 2_048;
    private const int MaxAuthorLength = 320;
    private const int MaxLangLength = 16;

    /// <summary>The mention of an original post; null when the status lacks what a mention needs (a usable <c>uri</c>).</summary>
    public static Mention? ToMention(MastodonStatus status, SourceDefinition source, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(status.Uri) || status.Uri.Length > MaxUriLength)
        {
            return null;
        }

        // A clock ahead of ours (or a forged date) must not put a post into buckets that have not happened yet.
        var at = status.CreatedAt is { } created && created <= now ? created : now;
        return new Mention(
            status.Uri,
            source.Channel,
            Text(status),
            at,
            Author: Author(status.Account?.Acct, source.Url),
            Lang: status.Language is { Length: > 0 and <= MaxLangLength } lang ? lang : null,
            Url: HttpUrl(status.Url),
            Likes: Math.Max(0, status.FavouritesCount),
            Shares: Math.Max(0, status.ReblogsCount),
            Comments: Math.Max(0, status.RepliesCount));
    }

    private static string Text(MastodonStatus status)
    {
        var content = HtmlText.ToPlainText(status.Content, MaxTextLength);

        // The content warning is plain text in the API (not HTML) and says what the post is about: it belongs to the text.
        var spoiler = status.SpoilerText?.Trim();
        if (string.IsNullOrEmpty(spoiler))
        {
            return content;
        }

        var text = content.Length == 0 ? spoiler : string.Concat(spoiler, "\n\n", content);
        return text.Length <= MaxTextLength ? text : text[..MaxTextLength];
    }

    /// <summary><c>acct</c> is bare for the instance's own users: the instance's host makes it global.</summary>
    private static string? Author(string? acct, Uri instance)
    {
        if (string.IsNullOrWhiteSpace(acct) || acct.Length > MaxAuthorLength)
        {
            return null;
        }

        return acct.Contains('@', StringComparison.Ordinal) ? acct : string.Concat(acct, "@", instance.Host);
    }

    private static string? HttpUrl(string? url) =>
        url is { Length: <= MaxUriLength }
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? url
            : null;
}
