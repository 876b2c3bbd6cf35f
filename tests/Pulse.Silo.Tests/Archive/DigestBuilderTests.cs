using Pulse.Analytics.Reports;
using Pulse.Grains.Alerts;
using Pulse.Grains.Digests;
using Pulse.Grains.Mentions;
using Pulse.Silo.Archive;
using Pulse.Silo.Archive.Digest;
using Pulse.Silo.Archive.Reports;

namespace Pulse.Silo.Tests.Archive;

/// <summary>A week's brand report cut to a digest: its figures as the report has them, the top three of each list.</summary>
public sealed class DigestBuilderTests
{
    private static readonly DateTimeOffset From = new(2026, 3, 1, 23, 0, 0, TimeSpan.Zero);
    private static readonly TimeRange Week = new(From, From.AddDays(7));
    private static readonly TimeRange Before = new(From.AddDays(-7), From);

    [Fact]
    public void Totals_and_change_come_from_the_report_and_net_sentiment_changes_by_difference()
    {
        var digest = DigestBuilder.Build(Report(), new DigestWeek(2026, 10), null);

        Assert.Equal(new DigestTotals(40, (20 - 10) / 40.0, 400), digest.Totals);
        Assert.Equal(new DigestTotals(20, (2 - 8) / 20.0, 100), digest.Previous);
        Assert.Equal(1.0, digest.Change.Mentions);
        Assert.Equal(3.0, digest.Change.Engagement);
        Assert.Equal(0.25 - (-0.3), digest.Change.NetSentiment!.Value, 9);
        Assert.Equal((From, From.AddDays(7), new DigestWeek(2026, 10)), (digest.From, digest.To, digest.Week));
    }

    [Fact]
    public void Lists_keep_their_top_three_in_the_reports_order()
    {
        var digest = DigestBuilder.Build(Report(), new DigestWeek(2026, 10), null);

        Assert.Equal(["x", "reddit", "news"], digest.TopChannels.Select(c => c.Channel));
        Assert.Equal(0.5, digest.TopChannels[0].Share);
        Assert.Equal(["t0", "t1", "t2"], digest.RisingTerms);
        Assert.Equal(["p0", "p1", "p2"], digest.TopPosts.Select(p => p.Text[..2]));
        Assert.Equal(10 + 1 + 2, digest.TopPosts[0].Engagement);
    }

    [Fact]
    public void Incidents_count_all_and_take_the_median_time_to_acknowledge_of_those_acknowledged()
    {
        var digest = DigestBuilder.Build(Report(), new DigestWeek(2026, 10), null);

        Assert.Equal(new DigestIncidents(4, 3, 300), digest.Incidents);
        var even = DigestBuilder.Build(Report() with { Incidents = [Incident(100), Incident(200)] }, new DigestWeek(2026, 10), null);
        Assert.Equal(150, even.Incidents.MedianTimeToAcknowledgeSeconds);
        var none = DigestBuilder.Build(Report() with { Incidents = [Incident(null)] }, new DigestWeek(2026, 10), null);
        Assert.Equal(new DigestIncidents(1, 0, null), none.Incidents);
    }

    [Fact]
    public void A_long_post_is_shortened_without_splitting_a_character()
    {
        var text = new string('a', DigestBuilder.PostLength - 1) + "😀 and more";
        var digest = DigestBuilder.Build(Report() with { TopPosts = [Post(text, 1)] }, new DigestWeek(2026, 10), null);

        var shortened = digest.TopPosts[0].Text;
        Assert.Equal(DigestBuilder.PostLength, shortened.Length);
        Assert.EndsWith("a…", shortened, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_link_needs_a_configured_address_and_names_the_brand_week_and_comparison()
    {
        Assert.Null(DigestBuilder.ReportLink(null, "acme", Week));
        Assert.Null(DigestBuilder.ReportLink(" ", "acme", Week));

        var link = DigestBuilder.ReportLink("https://pulse.example/", "a&b", Week);

        Assert.Equal("https://pulse.example/report.html?brand=a%26b&from=2026-03-01T23%3A00%3A00Z&to=2026-03-08T23%3A00%3A00Z&compare=previous", link);
        Assert.Equal(link, DigestBuilder.Build(Report(), new DigestWeek(2026, 10), link).ReportUrl);
    }

    private static BrandReport Report()
    {
        var totals = ReportTotals.Of(40, 20, 10, 10, 4, 400, 0);
        var before = ReportTotals.Of(20, 2, 10, 8, -2, 100, 0);
        return new BrandReport(
            "acme", "Acme", Week, Before, ReportResolution.Hour, totals, before, PeriodLift.Between(before.AsPeriod(), totals.AsPeriod()),
            [], [],
            [Channel("x", 20), Channel("reddit", 10), Channel("news", 6), Channel("blogs", 4)],
            [],
            [.. Enumerable.Range(0, 5).Select(i => Post($"p{i} text", 10 - i))],
            [],
            new RisingTermsSection(Before, 40, 20, [.. Enumerable.Range(0, 6).Select(i => new TermRiseBetween($"t{i}", 10 - i, 1, 2, 3))]),
            [Incident(60), Incident(300), Incident(null), Incident(900)],
            []);
    }

    private static ChannelShare Channel(string name, long mentions) => new(name, mentions / 40.0, ReportTotals.Of(mentions, 0, mentions, 0, 0, 0, 0));

    private static MentionView Post(string text, long likes) =>
        new($"id-{likes}", "acme", "x", text, "@someone", null, From.AddHours(likes), "en", 0, "neutral", likes, 1, 2, 0);

    private static IncidentReport Incident(double? acknowledgeSeconds) => new(
        "acme:1", AlertKind.Spike, 5, AlertState.Resolved, "spike", ["x"], From.AddDays(1), null, null,
        acknowledgeSeconds is null ? null : From.AddDays(1).AddSeconds(acknowledgeSeconds.Value), acknowledgeSeconds, null, null, null);
}
