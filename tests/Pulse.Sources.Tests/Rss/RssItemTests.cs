using System.Xml.Linq;
using Xunit.Abstractions;

using Pulse.Testing.Rss;

namespace Pulse.Sources.Tests.Rss;

/// <summary>What RSS 2.0 and Atom items become: ids, text, times, authors, links.</summary>
public sealed class RssItemTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Rss_items_become_mentions_with_plain_text_and_their_fields()
    {
        await using var server = await FeedServer.StartAsync();
        var withContent = Feeds.RssItem(new FeedItem("guid-2", "Second", "<p>teaser</p>", Noon.AddHours(1), "https://news.example/2"));
        withContent.Add(new XElement(Feeds.Content + "encoded", "<div>Full <em>story</em> &amp; more</div>"));
        withContent.Add(new XElement(Feeds.Dc + "creator", "Erika Muster"));
        server.Document = Feeds.Rss([
            withContent,
            Feeds.RssItem(new FeedItem(
                "guid-1",
                "Bahn &amp; Co",
                "<p>Hello <b>world</b><script>alert(1)</script></p><p>line two</p>",
                Noon,
                "https://news.example/1",
                "jane@example.com (Jane Doe)")),
        ]);

        await using var feed = RunningFeed.Start(server.Url, output);
        await Wait.UntilAsync(() => feed.Sink.Mentions.Count == 2, "two mentions");

        var (first, second) = (feed.Sink.Mentions[0], feed.Sink.Mentions[1]);

        // Oldest first (event order), although the feed lists the newest first.
        Assert.EndsWith(":guid-1", first.Id);
        Assert.StartsWith("rss:", first.Id);
        Assert.Equal("news", first.Channel);
        Assert.Equal("Bahn & Co\n\nHello world\n\nline two", first.Text);
        Assert.Equal(Noon, first.Timestamp);
        Assert.Equal("jane@example.com (Jane Doe)", first.Author);
        Assert.Equal("https://news.example/1", first.Url);
        Assert.Equal("en", first.Lang);

        // content:encoded (the full text) wins over the description; dc:creator is the author.
        Assert.Equal("Second\n\nFull story & more", second.Text);
        Assert.Equal("Erika Muster", second.Author);
        Assert.All(feed.Sink.Mentions, m => Assert.DoesNotContain('<', m.Text));
        Assert.DoesNotContain("alert", first.Text, StringComparison.Ordinal);

        Assert.Contains(Connecting.SourceState.Connecting, feed.Sink.States);
        await Wait.UntilAsync(() => feed.Sink.States.Contains(Connecting.SourceState.Live), "Live");
        Assert.Equal(2, feed.Sink.ReceivedEvents);
        Assert.Equal(Noon.AddHours(1), feed.Sink.NewestEventAt);
    }

    [Fact]
    public async Task Atom_entries_become_mentions_html_as_text_and_text_kept_as_typed()
    {
        await using var server = await FeedServer.StartAsync();
        server.ContentType = "application/atom+xml";
        var before = DateTimeOffset.UtcNow;
        server.Document = Feeds.AtomFeed(
            Feeds.AtomEntry(new FeedItem("urn:entry:1", "<b>Bold</b> news", "<p>Body <script>x()</script>one</p>", Noon, "https://atom.example/1", "Max Mustermann"), titleType: "html"),
            Feeds.AtomEntry(new FeedItem("urn:entry:2", "a <b> c", Updated: Noon.AddHours(2)), summaryHtml: "<i>only</i> a summary"),
            Feeds.AtomEntry(new FeedItem("urn:entry:3", "From the future", Published: DateTimeOffset.UtcNow.AddDays(3))));

        await using var feed = RunningFeed.Start(server.Url, output);
        await Wait.UntilAsync(() => feed.Sink.Mentions.Count == 3, "three mentions");

        var byId = feed.Sink.Mentions.ToDictionary(m => m.Id[(m.Id.LastIndexOf(":entry:", StringComparison.Ordinal) + 7)..]);
        Assert.Equal("Bold news\n\nBody one", byId["1"].Text);
        Assert.Equal(Noon, byId["1"].Timestamp);
        Assert.Equal("Max Mustermann", byId["1"].Author);
        Assert.Equal("https://atom.example/1", byId["1"].Url);

        // type="text" is literal: what the author typed as "<b>" is shown as those characters, never parsed as markup.
        Assert.Equal("a <b> c\n\nonly a summary", byId["2"].Text);
        Assert.Equal(Noon.AddHours(2), byId["2"].Timestamp); // no published: updated
        Assert.Null(byId["2"].Url);

        // A date in the future is clamped to the poll time.
        Assert.InRange(byId["3"].Timestamp, before, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Duplicate_guids_count_once_and_items_without_guid_fall_back_to_their_link()
    {
        await using var server = await FeedServer.StartAsync();
        server.Document = Feeds.Rss(
            new FeedItem("dup", "First copy", "<p>a</p>", Noon),
            new FeedItem("dup", "Second copy", "<p>b</p>", Noon),
            new FeedItem(null, "No guid", "<p>c</p>", Noon, "https://news.example/no-guid"),
            new FeedItem(null, "No guid again", "<p>c</p>", Noon, "https://news.example/no-guid"));

        await using var feed = RunningFeed.Start(server.Url, output);
        await Wait.UntilAsync(() => feed.Sink.Mentions.Count >= 2 && feed.Sink.States.Contains(Connecting.SourceState.Live), "two mentions");
        await Wait.UntilAsync(() => server.Count(304) >= 1, "a second poll");

        Assert.Equal(2, feed.Sink.Mentions.Count);
        Assert.Equal(2, feed.Sink.ReceivedEvents);
        Assert.Single(feed.Sink.Mentions, m => m.Id.EndsWith(":dup", StringComparison.Ordinal) && m.Text.StartsWith("First copy", StringComparison.Ordinal));
        Assert.Single(feed.Sink.Mentions, m => m.Id.EndsWith(":https://news.example/no-guid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_feeds_with_the_same_guids_give_different_ids()
    {
        await using var one = await FeedServer.StartAsync();
        await using var two = await FeedServer.StartAsync();
        one.Document = two.Document = Feeds.Rss(Feeds.Numbered(1, 1));

        await using var a = RunningFeed.Start(one.Url, output);
        await using var b = RunningFeed.Start(two.Url, output);
        await Wait.UntilAsync(() => a.Sink.Mentions.Count == 1 && b.Sink.Mentions.Count == 1, "one mention each");

        Assert.NotEqual(a.Sink.Mentions[0].Id, b.Sink.Mentions[0].Id);
    }

    [Fact]
    public async Task Unreadable_dates_and_links_cost_only_that_field()
    {
        await using var server = await FeedServer.StartAsync();
        server.Document = Feeds.Rss([
            new XElement("item", new XElement("guid", "odd"), new XElement("title", "Odd item"), new XElement("pubDate", "sometime last Tuesday"), new XElement("link", "javascript:alert(1)")),
            Feeds.RssItem(new FeedItem("fine", "Fine item", null, Noon)),
        ]);

        var before = DateTimeOffset.UtcNow;
        await using var feed = RunningFeed.Start(server.Url, output);
        await Wait.UntilAsync(() => feed.Sink.Mentions.Count == 2, "two mentions");

        var odd = feed.Sink.Mentions.Single(m => m.Id.EndsWith(":odd", StringComparison.Ordinal));
        Assert.InRange(odd.Timestamp, before, DateTimeOffset.UtcNow); // no usable date: the poll time
        Assert.Null(odd.Url); // only http(s) links are passed on
        Assert.Equal("Fine item", feed.Sink.Mentions.Single(m => m.Id.EndsWith(":fine", StringComparison.Ordinal)).Text);
    }
}
