using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using Pulse.Grains.Mentions;
using Pulse.Sources.Text;

namespace Pulse.Sources.Rss;

/// <summary>
/// Turns a syndication item into a mention. Everything that leaves here is plain text: feed HTML goes through
/// <see cref="HtmlText"/>, Atom's type="text" is kept as the characters it is, and links must be http(s).
/// </summary>
internal sealed class FeedItemMapper
{
    /// <summary>Ingest's default text limit; the title and body share it.</summary>
    private const int MaxTextLength = 10_000;

    private const int MaxAuthorLength = 200;

    /// <summary>Guids longer than this (some are whole URLs with tracking parameters) are replaced by their hash in the id.</summary>
    private const int MaxKeyInId = 200;

    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    private readonly string _idPrefix;
    private readonly string _channel;
    private readonly Uri _feedUrl;
    private readonly bool _isAtom;
    private readonly string? _lang;
    private readonly DateTimeOffset _polledAt;

    /// <param name="feedUrl">The feed's URL: it namespaces ids so two feeds that both number items 1, 2, 3 cannot collide.</param>
    public FeedItemMapper(Uri feedUrl, string channel, ParsedFeed feed, DateTimeOffset polledAt)
    {
        _idPrefix = $"rss:{IdHash.Hex(feedUrl.AbsoluteUri)}:";
        _channel = channel;
        _feedUrl = feed.Feed.BaseUri is { IsAbsoluteUri: true } feedBase ? feedBase : feedUrl;
        _isAtom = feed.IsAtom;
        _lang = Language(feed.Feed.Language);
        _polledAt = polledAt;
    }

    public FeedEntry Map(SyndicationItem item)
    {
        var link = Link(item);
        var title = Plain(item.Title, MaxTextLength);
        var body = Plain(Body(item), Math.Max(0, MaxTextLength - title.Length - 2));
        var key = NonEmpty(item.Id) ?? link?.AbsoluteUri ?? (title.Length + body.Length > 0 ? $"text:{IdHash.Hex(title + "\n" + body)}" : null);
        if (key is null)
        {
            // Nothing to say and nothing to know it by: one shared key, so such items are skipped (and counted) once.
            return new FeedEntry("empty", null);
        }

        // Feeds often repeat the title as the description; the text says it once.
        var text = body.Length == 0 || body == title ? title : title.Length == 0 ? body : $"{title}\n\n{body}";
        if (text.Length == 0)
        {
            return new FeedEntry(key, null);
        }

        var id = _idPrefix + (key.Length <= MaxKeyInId ? key : $"h{IdHash.Hex(key)}");
        // The link still names the item (key) when it is too long to pass on as the mention's url.
        var url = link?.AbsoluteUri is { Length: <= MentionLimits.MaxUrlLength } absolute ? absolute : null;
        return new FeedEntry(key, new Mention(id, _channel, text, Timestamp(item), Author(item), _lang, url));
    }

    /// <summary>Published, else updated, else the poll; a date in the future (a wrong clock or zone) is the poll time.</summary>
    private DateTimeOffset Timestamp(SyndicationItem item)
    {
        var at = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime != default ? item.LastUpdatedTime : _polledAt;
        return at > _polledAt ? _polledAt : at.ToUniversalTime();
    }

    /// <summary>The full content where the feed has it (Atom content, RSS content:encoded), else the summary/description.</summary>
    private static TextSyndicationContent? Body(SyndicationItem item)
    {
        // Full text over the teaser: a brand named in the fifth paragraph is still a mention.
        if (item.Content is TextSyndicationContent { Text.Length: > 0 } content)
        {
            return content;
        }

        var encoded = Extension(item, "encoded", ContentNamespace);
        return encoded is not null ? new TextSyndicationContent(encoded, TextSyndicationContentKind.Html) : item.Summary;
    }

    private string Plain(TextSyndicationContent? content, int maxLength)
    {
        if (content?.Text is not { Length: > 0 } text || maxLength == 0)
        {
            return string.Empty;
        }

        // RSS says nothing about markup in titles and descriptions and feeds put HTML in both, so RSS is always read as
        // HTML. Atom's type="text" is literal: encoding it first keeps "a <b> c" as those characters.
        var html = _isAtom && content.Type is null or "text" ? WebUtility.HtmlEncode(text) : text;
        return HtmlText.ToPlainText(html, maxLength);
    }

    /// <summary>The first author's name, else e-mail (RSS &lt;author&gt;), else dc:creator.</summary>
    private static string? Author(SyndicationItem item)
    {
        var person = item.Authors.Select(a => NonEmpty(a.Name) ?? NonEmpty(a.Email)).FirstOrDefault(n => n is not null)
            ?? NonEmpty(Extension(item, "creator", DublinCoreNamespace));
        return person is null ? null : NonEmpty(HtmlText.ToPlainText(WebUtility.HtmlEncode(person), MaxAuthorLength));
    }

    /// <summary>The text of the first non-empty extension element <paramref name="name"/>; one with child elements is passed over.</summary>
    private static string? Extension(SyndicationItem item, string name, string ns)
    {
        foreach (var extension in item.ElementExtensions.Where(e => e.OuterName == name && e.OuterNamespace == ns))
        {
            using var reader = extension.GetReader();
            try
            {
                if (NonEmpty(reader.ReadElementContentAsString()) is { } text)
                {
                    return text;
                }
            }
            catch (XmlException)
            {
                // Markup instead of text (an unescaped content:encoded): the summary will do.
            }
        }

        return null;
    }

    /// <summary>The item's alternate link (RSS &lt;link&gt;), resolved against the feed; only http(s) is passed on.</summary>
    private Uri? Link(SyndicationItem item)
    {
        var links = item.Links.Where(l => l.Uri is not null).ToList();
        var chosen = links.FirstOrDefault(l => l.RelationshipType is null or "alternate") ?? links.FirstOrDefault();
        if (chosen?.Uri is not { } uri)
        {
            return null;
        }

        var baseUri = chosen.BaseUri is { IsAbsoluteUri: true } b ? b : _feedUrl;
        var absolute = uri.IsAbsoluteUri ? uri : Uri.TryCreate(baseUri, uri, out var resolved) ? resolved : null;
        return absolute is { Scheme: "http" or "https" } ? absolute : null;
    }

    /// <summary>The primary language subtag ("en-US" → "en"), or null when the feed names none or nonsense.</summary>
    private static string? Language(string? tag)
    {
        var primary = tag?.Trim().Split('-', '_')[0];
        return primary is { Length: 2 or 3 } && primary.All(char.IsAsciiLetter) ? primary.ToLowerInvariant() : null;
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
