using Pulse.Grains.Mentions;
using Pulse.Sources.Connecting;
using Pulse.Sources.Text;

namespace Pulse.Sources.Mastodon;

/// <summary>
/// Turns a Mastodon status into a mention. Everything in a status is untrusted: lengths are bounded here, within
/// <see cref="MentionLimits"/> so ingest accepts what this produces.
/// </summary>
internal static class StatusMentions
{
    private const int MaxTextLength = 10_000;
    private const int MaxLangLength = 16;

    /// <summary>The mention of an original post; null when the status lacks what a mention needs (a usable <c>uri</c>).</summary>
    public static Mention? ToMention(MastodonStatus status, SourceDefinition source, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(status.Uri) || status.Uri.Length > MentionLimits.MaxIdLength)
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
            Url: MentionLimits.IsHttpUrl(status.Url) ? status.Url : null,
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
        if (string.IsNullOrWhiteSpace(acct))
        {
            return null;
        }

        var author = acct.Contains('@', StringComparison.Ordinal) ? acct : string.Concat(acct, "@", instance.Host);
        return author.Length <= MentionLimits.MaxAuthorLength ? author : null;
    }
}
