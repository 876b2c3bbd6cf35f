using System.Globalization;
using System.Security;
using System.Text;

namespace Pulse.Testing.Rss;

/// <summary>An RSS 2.0 document that grows while a source polls it: items listed newest first, as feeds list them.</summary>
public sealed class RssItems
{
    private readonly List<(string Id, string Title, DateTimeOffset Published)> _items = [];

    /// <summary>Adds an item published a minute ago and returns the whole document, for <see cref="FeedServer.Document"/>.</summary>
    public string Add(string id, string title)
    {
        _items.Add((id, title, DateTimeOffset.UtcNow.AddMinutes(-1)));
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Local</title><link>http://127.0.0.1/</link><description>Test feed</description>");
        foreach (var (itemId, text, published) in Enumerable.Reverse(_items))
        {
            xml.Append(CultureInfo.InvariantCulture, $"<item><guid isPermaLink=\"false\">{SecurityElement.Escape(itemId)}</guid><title>{SecurityElement.Escape(text)}</title><pubDate>{published.ToString("r", CultureInfo.InvariantCulture)}</pubDate></item>");
        }

        return xml.Append("</channel></rss>").ToString();
    }
}
