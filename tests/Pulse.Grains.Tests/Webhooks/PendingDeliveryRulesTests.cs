using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Tests.Webhooks;

/// <summary>What a brand's alert grain does with a webhook delivery that is still pending in its state.</summary>
public sealed class PendingDeliveryRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);
    private static readonly PendingDeliveryRules Rules = new(maxAttempts: 5, staleAfter: TimeSpan.FromMinutes(2));
    private static readonly PendingDelivery Entry =
        new("acme:1", WebhookEvents.Opened, new WebhookTarget("https://example.com/hook", WebhookFormats.Json), "acme:1:opened:0123456789abcdef", 2, At);

    [Fact]
    public void A_new_activation_resends_every_pending_delivery_since_the_outbox_that_held_it_is_gone()
    {
        Assert.Equal(PendingDecision.Resend, Review(activated: true, now: At).Decision);
    }

    [Fact]
    public void A_live_activation_leaves_a_delivery_that_reported_recently_to_its_retries()
    {
        Assert.Equal(PendingDecision.Wait, Review(activated: false, now: At + TimeSpan.FromMinutes(1)).Decision);
    }

    [Fact]
    public void A_live_activation_resends_a_delivery_unheard_of_for_the_stale_time()
    {
        Assert.Equal(PendingDecision.Resend, Review(activated: false, now: At + TimeSpan.FromMinutes(2)).Decision);
    }

    [Fact]
    public void A_delivery_whose_attempts_are_used_up_is_given_up_even_on_activation()
    {
        var review = Rules.Review(Entry with { Attempts = 5 }, alertKept: true, targetConfigured: true, activated: true, At);

        Assert.Equal(new PendingReview(PendingDecision.GiveUp, "gave up after 5 attempt(s)"), review);
    }

    [Fact]
    public void A_delivery_to_a_webhook_no_longer_configured_is_given_up()
    {
        var review = Rules.Review(Entry, alertKept: true, targetConfigured: false, activated: true, At);

        Assert.Equal(new PendingReview(PendingDecision.GiveUp, "webhook no longer configured"), review);
    }

    [Fact]
    public void A_delivery_of_an_alert_trimmed_away_is_forgotten()
    {
        Assert.Equal(PendingDecision.Forget, Rules.Review(Entry, alertKept: false, targetConfigured: true, activated: true, At).Decision);
    }

    [Theory]
    [InlineData(WebhookDeliveryStatus.Delivered)]
    [InlineData(WebhookDeliveryStatus.Failed)]
    public void A_delivery_reported_delivered_or_failed_is_no_longer_pending(string status)
    {
        Assert.Null(PendingDeliveryRules.AfterReport(Entry, Report(status, attempts: 3), At.AddSeconds(5)));
    }

    [Fact]
    public void A_retrying_report_counts_its_attempts_and_is_heard_of_now()
    {
        var after = PendingDeliveryRules.AfterReport(Entry, Report(WebhookDeliveryStatus.Retrying, attempts: 3), At.AddSeconds(5));

        Assert.Equal(Entry with { Attempts = 3, At = At.AddSeconds(5) }, after);
    }

    [Fact]
    public void A_late_report_of_an_earlier_job_does_not_count_attempts_back()
    {
        var after = PendingDeliveryRules.AfterReport(Entry, Report(WebhookDeliveryStatus.Retrying, attempts: 1), At.AddSeconds(5));

        Assert.Equal(2, after!.Attempts);
    }

    [Fact]
    public void The_stale_time_outlasts_the_longest_gap_between_two_reports_of_a_live_delivery()
    {
        var options = new WebhookOptions(); // 5 attempts, 10 s timeout, waits 1, 2, 4, 8 s
        var rules = PendingDeliveryRules.From(options);

        Assert.Equal(5, rules.MaxAttempts);
        Assert.True(rules.StaleAfter > options.Timeout + TimeSpan.FromSeconds(8), $"stale after {rules.StaleAfter}");
    }

    private static PendingReview Review(bool activated, DateTimeOffset now) =>
        Rules.Review(Entry, alertKept: true, targetConfigured: true, activated, now);

    private static WebhookDelivery Report(string status, int attempts) =>
        new("https://example.com/…", WebhookFormats.Json, WebhookEvents.Opened, status, attempts, 200, null, At);
}
