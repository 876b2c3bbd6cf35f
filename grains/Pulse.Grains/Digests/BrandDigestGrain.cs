using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Grains.Alerts;
using Pulse.Grains.Telemetry;
using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Digests;

/// <summary>
/// One per brand, so that its "last week sent" has a single writer in the cluster: however many times the scheduler
/// (or a person) asks, from whichever silo, a week is queued once, and its deliveries are tracked like an alert's.
/// The rules live in <see cref="DigestSchedule"/> and <see cref="PendingDeliveryRules"/>; this grain orchestrates.
/// </summary>
internal sealed partial class BrandDigestGrain(
    [PersistentState("digest", GrainStorageNames.Pulse)] IPersistentState<BrandDigestState> state,
    IBrandDigestSource source,
    DigestSchedule schedule,
    IWebhookOutbox outbox,
    IOptions<WebhookOptions> webhookOptions,
    TimeProvider clock,
    PulseMetrics metrics,
    ILogger<BrandDigestGrain> logger) : Grain, IBrandDigestGrain
{
    /// <summary>A report over a week of the archive, kept under a grain call's 30 s so the caller hears the outcome.</summary>
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromSeconds(25);

    private readonly PendingDeliveryRules _rules = PendingDeliveryRules.From(webhookOptions.Value);

    // Pending deliveries queued before this activation sat in an outbox that may have died with its silo.
    private DateTimeOffset _activatedAt;

    private string BrandId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _activatedAt = clock.GetUtcNow();
        return Task.CompletedTask;
    }

    public async Task<DigestOutcome> RunDueAsync()
    {
        if (!source.Available)
        {
            return DigestOutcome.NotWanted;
        }

        var settings = await SettingsAsync();
        await ReviewPendingAsync(settings);
        var waiting = state.State.Pending.Count > 0 ? DigestOutcome.Pending : DigestOutcome.Done;
        if (!settings.SendsDigest)
        {
            return waiting == DigestOutcome.Pending ? waiting : DigestOutcome.NotWanted;
        }

        if (schedule.Due(state.State.LastWeek) is not { } period)
        {
            return waiting;
        }

        if (await BuildAsync(period) is not { } digest)
        {
            return DigestOutcome.Unavailable;
        }

        var deliveries = await QueueAsync(digest, settings.Webhooks);
        return deliveries.Any(d => d.Status == WebhookDeliveryStatus.Pending) ? DigestOutcome.Sent : DigestOutcome.Unavailable;
    }

    public async Task<DigestSendResult> SendNowAsync()
    {
        var settings = await SettingsAsync();
        var period = schedule.LastFullWeek();
        if (settings.Webhooks.Length == 0)
        {
            return new DigestSendResult(period.Week, [], null);
        }

        if (!source.Available || await BuildAsync(period) is not { } digest)
        {
            return new DigestSendResult(period.Week, [], "The archive could not build the digest; try again shortly.");
        }

        return new DigestSendResult(period.Week, await QueueAsync(digest, settings.Webhooks), null);
    }

    public Task<DigestStatus> GetStatusAsync() => Task.FromResult(new DigestStatus(state.State.LastWeek, [.. state.State.Deliveries]));

    public async Task RecordDeliveryAsync(string key, WebhookDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (state.State.LastWeek is not { } week || !key.StartsWith(KeyPrefix(week), StringComparison.Ordinal))
        {
            return; // an older week's, superseded meanwhile
        }

        var pending = state.State.Pending;
        var tracked = pending.FindIndex(p => p.Key == key);
        if (tracked >= 0)
        {
            if (PendingDeliveryRules.AfterReport(pending[tracked], delivery, clock.GetUtcNow()) is { } still)
            {
                pending[tracked] = still;
            }
            else
            {
                pending.RemoveAt(tracked);
            }
        }

        Upsert(delivery);
        await state.WriteStateAsync();
    }

    /// <summary>Queues the digest to every webhook and records the week as sent once any of them took it.</summary>
    private async Task<WebhookDelivery[]> QueueAsync(BrandDigest digest, WebhookTarget[] targets)
    {
        var now = clock.GetUtcNow();
        if (state.State.LastWeek != digest.Week)
        {
            // A new week: the last one's deliveries are history, and its stragglers are not re-sent.
            state.State.Pending.Clear();
            state.State.Deliveries.Clear();
        }

        var queued = new List<WebhookDelivery>(targets.Length);
        foreach (var target in targets)
        {
            var key = WebhookIdempotency.Key(BrandId, digest.Week, target);
            WebhookDelivery delivery;
            if (outbox.TryEnqueue(new WebhookJob(new DigestMessage(digest), target, key)))
            {
                state.State.Pending.RemoveAll(p => p.Key == key);
                state.State.Pending.Add(new PendingDelivery(digest.Week.ToString(), WebhookEvents.Digest, target, key, 0, now));
                delivery = new WebhookDelivery(target.Redacted(), target.Format, WebhookEvents.Digest, WebhookDeliveryStatus.Pending, 0, null, null, now);
            }
            else
            {
                metrics.WebhookDelivery(WebhookDeliveryStatus.Dropped);
                delivery = new WebhookDelivery(target.Redacted(), target.Format, WebhookEvents.Digest, WebhookDeliveryStatus.Dropped, 0, null, "webhook outbox full", now);
            }

            Upsert(delivery);
            queued.Add(delivery);
        }

        if (queued.Any(d => d.Status == WebhookDeliveryStatus.Pending))
        {
            state.State.LastWeek = state.State.LastWeek is { } last && last > digest.Week ? last : digest.Week;
            var sent = queued.Count(d => d.Status == WebhookDeliveryStatus.Pending);
            LogQueued(BrandId, digest.Week, sent);
        }

        await state.WriteStateAsync();
        return [.. queued];
    }

    /// <summary>
    /// Re-sends the pending deliveries <see cref="PendingDeliveryRules"/> call for (rebuilding the digest of their week, with
    /// their key) and records those it gives up as failed.
    /// </summary>
    private async Task ReviewPendingAsync(AlertSettings settings)
    {
        var pending = state.State.Pending;
        var now = clock.GetUtcNow();
        var changed = false;
        BrandDigest? digest = null;
        for (var i = pending.Count - 1; i >= 0; i--)
        {
            var entry = pending[i];
            var current = state.State.LastWeek is { } week && entry.Subject == week.ToString();
            var review = _rules.Review(entry, current, settings.Webhooks.Contains(entry.Target), activated: entry.At < _activatedAt, now);
            switch (review.Decision)
            {
                case PendingDecision.Resend:
                    digest ??= await BuildAsync(schedule.Of(state.State.LastWeek!.Value));
                    if (digest is not null && outbox.TryEnqueue(new WebhookJob(new DigestMessage(digest), entry.Target, entry.Key, entry.Attempts + 1)))
                    {
                        pending[i] = entry with { At = now };
                        changed = true;
                        var target = entry.Target.Redacted(); // a re-send is rare; the log names the webhook as the dashboard does
                        LogResent(BrandId, entry.Subject, target, entry.Attempts + 1);
                    }

                    break; // not built, or a full outbox: the next review tries again
                case PendingDecision.GiveUp:
                    pending.RemoveAt(i);
                    Upsert(new WebhookDelivery(entry.Target.Redacted(), entry.Target.Format, entry.Event, WebhookDeliveryStatus.Failed, entry.Attempts, null, review.Reason, now));
                    changed = true;
                    break;
                case PendingDecision.Forget:
                    pending.RemoveAt(i);
                    changed = true;
                    break;
            }
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }
    }

    private async Task<BrandDigest?> BuildAsync(DigestPeriod period)
    {
        using var timeout = new CancellationTokenSource(BuildTimeout, clock);
        try
        {
            return await source.BuildAsync(BrandId, period, timeout.Token);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The archive is down or slow: the scheduler asks again at its next tick.
            LogNotBuilt(e, BrandId, period.Week);
            return null;
        }
    }

    private Task<AlertSettings> SettingsAsync() => GrainFactory.GetGrain<IBrandAlertsGrain>(BrandId).GetSettingsAsync();

    private string KeyPrefix(DigestWeek week) => $"{BrandId}:{WebhookEvents.Digest}-{week}:";

    /// <summary>One entry per webhook: the latest outcome replaces the earlier one.</summary>
    private void Upsert(WebhookDelivery delivery)
    {
        var deliveries = state.State.Deliveries;
        var index = deliveries.FindIndex(delivery.SameSlot);
        if (index < 0)
        {
            deliveries.Add(delivery);
        }
        else
        {
            deliveries[index] = delivery;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest of {Brand} for {Week} queued to {Webhooks} webhook(s)")]
    private partial void LogQueued(string brand, DigestWeek week, int webhooks);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest of {Brand} for {Week} to {Target} re-sent from stored state, attempt {Attempt}")]
    private partial void LogResent(string brand, string week, string target, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest of {Brand} for {Week} could not be built; the scheduler tries again")]
    private partial void LogNotBuilt(Exception exception, string brand, DigestWeek week);
}
