using System.Globalization;
using System.Xml.Linq;

namespace Pulse.Sources.Tests.Rss;

/// <summary>An item for the generated feeds; HTML fields are HTML (the builders escape them into the XML).</summary>
internal sealed record FeedItem(
    string? Guid,
    string Title,
    string? Html = null,
    DateTimeOffset? Published = null,
    string? Link = null,
    string? Author = null,
    DateTimeOffset? Updated = null);

/// <summary>Builds RSS 2.0 and Atom 1.0 documents with XLinq, so escaping is the real thing.</summary>
internal static class Feeds
{
    public static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public static string Rss(params FeedItem[] items) => Rss(items.Select(RssItem));

    public static string Rss(IEnumerable<XElement> items) => new XDocument(
        new XDeclaration("1.0", "utf-8", null),
        new XElement(
            "rss",
            new XAttribute("version", "2.0"),
            new XAttribute(XNamespace.Xmlns + "content", Content),
            new XAttribute(XNamespace.Xmlns + "dc", Dc),
            new XElement(
                "channel",
                new XElement("title", "Test news"),
                new XElement("link", "https://news.example/"),
                new XElement("description", "A test feed"),
                new XElement("language", "en-us"),
                items))).ToString();

    public static XElement RssItem(FeedItem item) => new(
        "item",
        new XElement("title", item.Title),
        item.Link is null ? null : new XElement("link", item.Link),
        item.Html is null ? null : new XElement("description", item.Html),
        item.Guid is null ? null : new XElement("guid", new XAttribute("isPermaLink", "false"), item.Guid),
        item.Published is { } at ? new XElement("pubDate", at.ToString("r", CultureInfo.InvariantCulture)) : null,
        item.Author is null ? null : new XElement("author", item.Author));

    public static string AtomFeed(params XElement[] entries) => new XDocument(
        new XDeclaration("1.0", "utf-8", null),
        new XElement(
            Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", "de"),
            new XElement(Atom + "id", "urn:test:feed"),
            new XElement(Atom + "title", "Test Atom"),
            new XElement(Atom + "updated", Iso(DateTimeOffset.UtcNow)),
            entries)).ToString();

    public static XElement AtomEntry(FeedItem item, string titleType = "text", string? summaryHtml = null) => new(
        Atom + "entry",
        new XElement(Atom + "id", item.Guid),
        new XElement(Atom + "title", new XAttribute("type", titleType), item.Title),
        item.Link is null ? null : new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("href", item.Link)),
        new XElement(Atom + "updated", Iso(item.Updated ?? item.Published ?? DateTimeOffset.UtcNow)),
        item.Published is { } at ? new XElement(Atom + "published", Iso(at)) : null,
        item.Author is null ? null : new XElement(Atom + "author", new XElement(Atom + "name", item.Author)),
        summaryHtml is null ? null : new XElement(Atom + "summary", new XAttribute("type", "html"), summaryHtml),
        item.Html is null ? null : new XElement(Atom + "content", new XAttribute("type", "html"), item.Html));

    public static string Iso(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RSS items numbered from <paramref name="first"/>, newest first as feeds list them.</summary>
    public static FeedItem[] Numbered(int first, int count) =>
        [.. Enumerable.Range(first, count).Reverse().Select(n => new FeedItem($"guid-{n}", $"Item {n}", $"<p>Body {n}</p>", new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).AddMinutes(n), $"https://news.example/{n}"))];
}
