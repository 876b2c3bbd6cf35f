using Pulse.Grains.Alerts;
using Pulse.Grains.Digests;
using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Tests.Digests;

/// <summary>
/// The digest grain as the scheduler drives it, with the schedule's clock moved across due times: a week goes out once
/// per brand, to every webhook, under a key of (brand, week, webhook); a brand without webhooks or opted out gets none.
/// </summary>
public sealed class BrandDigestGrainTests(DigestClusterFixture fixture) : IClassFixture<DigestClusterFixture>
{
    // Monday 2026-03-09, 08:00 in Berlin: week 10's digest is due.
    private static readonly DateTimeOffset MondayEight = new(2026, 3, 9, 7, 0, 0, TimeSpan.Zero);

    private static readonly WebhookTarget Json = new("http://127.0.0.1:9/json", WebhookFormats.Json);
    private static readonly WebhookTarget Slack = new("http://127.0.0.1:9/slack", WebhookFormats.Slack);

    [Fact]
    public async Task Crossing_the_due_time_sends_the_week_that_ended_once_to_every_webhook()
    {
        const string brand = "digest-due";
        await HooksAsync(brand, Json, Slack);
        fixture.Clock.Now = MondayEight.AddDays(-1); // Sunday: week 9 was due last Monday, and this brand never had one
        var digests = fixture.Grains.GetGrain<IBrandDigestGrain>(brand);

        Assert.Equal(DigestOutcome.Sent, await digests.RunDueAsync());
        Assert.Equal([new DigestWeek(2026, 9)], Weeks(brand).Distinct());
        Assert.Equal(DigestOutcome.Pending, await digests.RunDueAsync()); // asked again (another tick, another silo): nothing more

        fixture.Clock.Now = MondayEight.AddMinutes(-1);
        await digests.RunDueAsync();
        Assert.Equal(2, fixture.Outbox.For(brand).Length);

        fixture.Clock.Now = MondayEight;
        Assert.Equal(DigestOutcome.Sent, await digests.RunDueAsync());
        await digests.RunDueAsync();

        var jobs = fixture.Outbox.For(brand);
        Assert.Equal(4, jobs.Length);
        var week10 = jobs[2..];
        Assert.All(week10, j => Assert.Equal(new DigestWeek(2026, 10), ((DigestMessage)j.Message).Digest.Week));
        Assert.Equal(
            [WebhookIdempotency.Key(brand, new DigestWeek(2026, 10), Json), WebhookIdempotency.Key(brand, new DigestWeek(2026, 10), Slack)],
            week10.Select(j => j.Key));
        Assert.StartsWith($"{brand}:digest-2026-W10:", week10[0].Key, StringComparison.Ordinal);
        Assert.NotEqual(week10[0].Key, week10[1].Key);
        var asked = fixture.Source.Asked.Last(a => a.Brand == brand).Period;
        Assert.Equal((new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 8, 23, 0, 0, TimeSpan.Zero)), (asked.From, asked.To));
        Assert.Equal(new DigestWeek(2026, 10), (await digests.GetStatusAsync()).LastWeek);
    }

    [Fact]
    public async Task Back_after_weeks_down_a_brand_gets_the_latest_week_once_not_the_ones_it_missed()
    {
        const string brand = "digest-missed";
        await HooksAsync(brand, Json);
        fixture.Clock.Now = MondayEight;
        var digests = fixture.Grains.GetGrain<IBrandDigestGrain>(brand);
        await digests.RunDueAsync();

        fixture.Clock.Now = MondayEight.AddDays(24); // Thursday of week 14: weeks 11, 12 and 13 came due meanwhile
        await digests.RunDueAsync();
        await digests.RunDueAsync();

        Assert.Equal([new DigestWeek(2026, 10), new DigestWeek(2026, 13)], Weeks(brand));
    }

    [Fact]
    public async Task Sending_by_hand_twice_carries_the_same_key_and_the_schedule_then_skips_that_week()
    {
        const string brand = "digest-by-hand";
        await HooksAsync(brand, Json);
        fixture.Clock.Now = MondayEight.AddHours(3);
        var digests = fixture.Grains.GetGrain<IBrandDigestGrain>(brand);

        var first = await digests.SendNowAsync();
        var second = await digests.SendNowAsync();
        var scheduled = await digests.RunDueAsync();

        Assert.Equal((new DigestWeek(2026, 10), new DigestWeek(2026, 10)), (first.Week, second.Week));
        Assert.Equal(WebhookDeliveryStatus.Pending, Assert.Single(first.Deliveries).Status);
        var jobs = fixture.Outbox.For(brand);
        Assert.Equal(2, jobs.Length);
        Assert.Equal(jobs[0].Key, jobs[1].Key);
        Assert.NotEqual(DigestOutcome.Sent, scheduled);
    }

    [Fact]
    public async Task A_brand_without_webhooks_or_opted_out_gets_no_digest()
    {
        fixture.Clock.Now = MondayEight;
        await fixture.Grains.GetGrain<IBrandAlertsGrain>("digest-opted-out").SetSettingsAsync(AlertSettings.Default with { Webhooks = [Json], Digest = false });

        Assert.Equal(DigestOutcome.NotWanted, await fixture.Grains.GetGrain<IBrandDigestGrain>("digest-no-hooks").RunDueAsync());
        Assert.Equal(DigestOutcome.NotWanted, await fixture.Grains.GetGrain<IBrandDigestGrain>("digest-opted-out").RunDueAsync());
        Assert.Empty(fixture.Outbox.For("digest-no-hooks"));
        Assert.Empty(fixture.Outbox.For("digest-opted-out"));
        Assert.Empty((await fixture.Grains.GetGrain<IBrandDigestGrain>("digest-no-hooks").SendNowAsync()).Deliveries);
    }

    [Fact]
    public async Task A_delivery_report_of_the_current_week_is_kept_and_ends_its_pending_state()
    {
        const string brand = "digest-report";
        await HooksAsync(brand, Json);
        fixture.Clock.Now = MondayEight;
        var digests = fixture.Grains.GetGrain<IBrandDigestGrain>(brand);
        await digests.RunDueAsync();
        var job = Assert.Single(fixture.Outbox.For(brand));

        await digests.RecordDeliveryAsync(job.Key, new WebhookDelivery(Json.Redacted(), Json.Format, WebhookEvents.Digest, WebhookDeliveryStatus.Delivered, 1, 200, null, MondayEight));
        await digests.RecordDeliveryAsync("digest-report:digest-2026-W09:0000000000000000", new WebhookDelivery("http://old", Json.Format, WebhookEvents.Digest, WebhookDeliveryStatus.Failed, 5, 500, "old", MondayEight));

        Assert.Equal(DigestOutcome.Done, await digests.RunDueAsync());
        var delivery = Assert.Single((await digests.GetStatusAsync()).Deliveries);
        Assert.Equal((WebhookDeliveryStatus.Delivered, 200), (delivery.Status, delivery.StatusCode));
    }

    private Task HooksAsync(string brand, params WebhookTarget[] hooks) =>
        fixture.Grains.GetGrain<IBrandAlertsGrain>(brand).SetSettingsAsync(AlertSettings.Default with { Webhooks = hooks });

    private DigestWeek[] Weeks(string brand) => [.. fixture.Outbox.For(brand).Select(j => ((DigestMessage)j.Message).Digest.Week)];
}
