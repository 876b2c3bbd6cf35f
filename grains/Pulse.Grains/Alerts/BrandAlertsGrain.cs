using Pulse.Grains.Archive;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Grains.Brands;
using Pulse.Grains.Feeds;
using Pulse.Grains.Notifications;
using Pulse.Grains.Telemetry;
using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Alerts;

internal sealed partial class BrandAlertsGrain(
    [PersistentState("alerts", GrainStorageNames.Pulse)] IPersistentState<BrandAlertsState> state,
    IOptions<AlertOptions> options,
    IWebhookOutbox outbox,
    IOptions<WebhookOptions> webhookOptions,
    DashboardOutbox dashboard,
    IAlertArchive archive,
    TimeProvider clock,
    PulseMetrics metrics,
    ILogger<BrandAlertsGrain> logger) : Grain, IBrandAlertsGrain, IRemindable
{
    private const int MaxKept = 200;

    /// <summary>Registered while deliveries are pending: it brings the grain back after its silo died, and every minute
    /// (Orleans' shortest reminder period) re-sends what was not heard of for too long.</summary>
    private const string ResendReminder = "webhook-resend";

    private static readonly TimeSpan ResendPeriod = TimeSpan.FromMinutes(1);

    private readonly PendingDeliveryRules _rules = PendingDeliveryRules.From(webhookOptions.Value);

    private IGrainTimer? _release;

    // Whether this activation knows the reminder to be registered, so that queuing a delivery costs no reminder call.
    private bool _reminded;

    private string BrandId => this.GetPrimaryKeyString();

    private AlertSettings Settings => state.State.Settings;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Alerts stored before incidents had facets are their own single facet: every alert this grain serves has facets.
        var alerts = state.State.Alerts;
        for (var i = 0; i < alerts.Count; i++)
        {
            if (alerts[i].Facets is null)
            {
                alerts[i] = alerts[i] with { Facets = alerts[i].FacetsOrSelf() };
            }
        }

        ScheduleRelease(clock.GetUtcNow());
        // Pending state was written after its reminder was registered (SaveAsync), so the reminder exists.
        _reminded = state.State.PendingDeliveries.Count > 0;
        return ReviewPendingAsync(activated: true);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.PendingDeliveries.Count > 0)
        {
            await ReviewPendingAsync(activated: false);
            return;
        }

        // Nothing pending any more: the reminder goes here rather than when the last delivery ends, which is on the hot path.
        if (await this.GetReminder(ResendReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminded = false;
    }

    /// <summary>
    /// A signal of any kind joins the brand's open incident (acknowledged counts as open) if that changed within the merge
    /// window, as a new facet or an update of its facet; otherwise it opens a new alert. Joining escalates (webhook
    /// "escalated") when the severity rises or a new facet joins; every change goes to the dashboard. A drop on a channel
    /// whose whole feed is in a data gap is not the brand's news: it is held back (the data gap is the one signal).
    /// </summary>
    public async Task SignalAsync(AlertSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (signal.Kind == AlertKind.Drop && await InDataGapAsync(signal.Channel))
        {
            LogDropHeldBack(BrandId, signal.Channel);
            metrics.AlertSignal(AlertWireNames.Kind.Of(signal.Kind), "held");
            return;
        }

        await ReleaseHeldAsync();
        var alerts = state.State.Alerts;
        var index = alerts.FindLastIndex(a => a.State != AlertState.Resolved && signal.At - a.UpdatedAt <= options.Value.MergeWindow);
        Alert alert;
        if (index < 0)
        {
            alert = AlertIncidents.Open($"{BrandId}:{state.State.NextNumber++}", await BrandNameAsync(), signal);
            alert = Notify(alert, WebhookEvents.Opened, clock.GetUtcNow());
            alerts.Add(alert);
            if (alerts.Count > MaxKept)
            {
                alerts.RemoveRange(0, alerts.Count - MaxKept);
            }
        }
        else
        {
            alert = AlertIncidents.Join(alerts[index], signal, out var escalation);
            alert = Notify(alert, escalation is null ? null : WebhookEvents.Escalated, clock.GetUtcNow());
            alerts[index] = alert;
        }

        await SaveAsync();
        dashboard.Publish(alert);
        archive.Record(alert);
        metrics.AlertSignal(AlertWireNames.Kind.Of(signal.Kind), index < 0 ? "opened" : "joined");
    }

    public Task<Alert[]> ListAsync(AlertState? stateFilter, DateTimeOffset? since) =>
        Task.FromResult(state.State.Alerts
            .Where(a => (stateFilter is null || a.State == stateFilter) && (since is null || a.UpdatedAt >= since))
            .Reverse()
            .ToArray());

    public Task<Alert?> AcknowledgeAsync(string alertId, string by, string? note) =>
        TransitionAsync(alertId, AlertState.Acknowledged, "acknowledge", WebhookEvents.Acknowledged, by, note);

    public Task<Alert?> ResolveAsync(string alertId, string by, string? note) =>
        TransitionAsync(alertId, AlertState.Resolved, "resolve", WebhookEvents.Resolved, by, note);

    public Task<AlertSettings> GetSettingsAsync() => Task.FromResult(Settings);

    public async Task SetSettingsAsync(AlertSettings settings)
    {
        state.State.Settings = settings;
        await SaveAsync();
        await ReleaseHeldAsync();
        ScheduleRelease(clock.GetUtcNow());
        await ReviewPendingAsync(activated: false); // a removed webhook's pending deliveries stop now
    }

    public Task ForgetSettingsAsync() => SetSettingsAsync(AlertSettings.Default);

    public async Task RecordDeliveryAsync(string alertId, string key, WebhookDelivery delivery)
    {
        var index = state.State.Alerts.FindIndex(a => a.Id == alertId);
        if (index < 0)
        {
            return; // trimmed away meanwhile (its pending deliveries are forgotten at the next review)
        }

        var pending = state.State.PendingDeliveries;
        var tracked = pending.FindIndex(p => p.Key == key);
        if (tracked >= 0)
        {
            var still = PendingDeliveryRules.AfterReport(pending[tracked], delivery, clock.GetUtcNow());
            if (still is null)
            {
                pending.RemoveAt(tracked);
            }
            else
            {
                pending[tracked] = still;
            }
        }

        var alert = state.State.Alerts[index];
        alert = alert with { Deliveries = Upsert(alert.Deliveries, delivery) };
        state.State.Alerts[index] = alert;
        await SaveAsync();
        dashboard.Publish(alert);
        archive.Record(alert);
    }

    private async Task<Alert?> TransitionAsync(string alertId, AlertState to, string action, string @event, string by, string? note)
    {
        var index = state.State.Alerts.FindIndex(a => a.Id == alertId);
        if (index < 0)
        {
            return null;
        }

        if (AlertHistory.Check(by, note) is { } problem)
        {
            throw new ArgumentException(problem.Problem, problem.Field);
        }

        var alert = state.State.Alerts[index];
        if (alert.State == to)
        {
            // Repeated (two people at once, or a client retrying): the first one counts; no history entry, no webhook.
            return alert;
        }

        if (alert.State == AlertState.Resolved)
        {
            throw new InvalidOperationException($"Alert '{alertId}' is already resolved.");
        }

        var now = clock.GetUtcNow();
        alert = alert with { State = to, UpdatedAt = now, History = AlertHistory.Append(alert.History, new AlertAction(action, by, now, note)) };
        alert = Notify(alert, @event, now);
        state.State.Alerts[index] = alert;
        await SaveAsync();
        dashboard.Publish(alert);
        archive.Record(alert);
        return alert;
    }

    /// <summary>
    /// Queues (or, in quiet hours, holds) the webhooks an alert's change calls for; <paramref name="event"/> null is an
    /// update that is not news. An alert is announced once it involves an alerting channel and reaches the webhook
    /// minimum: its first announcement is "opened" whatever the change; acknowledge and resolve only follow an announcement.
    /// </summary>
    private Alert Notify(Alert alert, string? @event, DateTimeOffset now)
    {
        var settings = Settings;
        if (settings.Webhooks.Length == 0)
        {
            return alert;
        }

        var announced = alert.Deliveries.Length > 0;
        if (@event is WebhookEvents.Acknowledged or WebhookEvents.Resolved)
        {
            if (!announced)
            {
                return alert;
            }
        }
        else if (!alert.Channels.Any(settings.Alerts) || alert.Severity < settings.WebhookMinimumSeverity)
        {
            return alert;
        }
        else if (!announced)
        {
            @event = WebhookEvents.Opened;
        }
        else if (@event is null)
        {
            return alert;
        }

        var quiet = settings.QuietHours;
        var hold = quiet is not null && alert.Severity < quiet.WakeSeverity && quiet.Covers(now);
        var deliveries = alert.Deliveries;
        foreach (var target in settings.Webhooks)
        {
            var delivery = hold
                ? new WebhookDelivery(target.Redacted(), target.Format, @event, WebhookDeliveryStatus.Held, 0, null, $"quiet hours until {quiet!.To} ({quiet.TimeZone})", now)
                : Enqueue(alert, @event, target, now);
            deliveries = Upsert(deliveries, delivery);
        }

        if (hold)
        {
            ScheduleRelease(now);
        }

        return alert with { Deliveries = deliveries };
    }

    /// <summary>Queues a delivery and keeps it pending in state (written by the caller) until it is delivered or given up.</summary>
    private WebhookDelivery Enqueue(Alert alert, string @event, WebhookTarget target, DateTimeOffset now)
    {
        var key = WebhookIdempotency.Key(alert, @event, target);
        if (!outbox.TryEnqueue(new WebhookJob(new AlertMessage(alert, @event), target, key)))
        {
            metrics.WebhookDelivery(WebhookDeliveryStatus.Dropped);
            return new WebhookDelivery(target.Redacted(), target.Format, @event, WebhookDeliveryStatus.Dropped, 0, null, "webhook outbox full", now);
        }

        var pending = state.State.PendingDeliveries;
        pending.RemoveAll(p => p.Key == key);
        pending.Add(new PendingDelivery(alert.Id, @event, target, key, 0, now));
        return new WebhookDelivery(target.Redacted(), target.Format, @event, WebhookDeliveryStatus.Pending, 0, null, null, now);
    }

    /// <summary>
    /// Re-sends the pending deliveries <see cref="PendingDeliveryRules"/> call for (all of them as the grain activates) and
    /// records those it gives up as failed. A re-send goes out with the alert as stored now.
    /// </summary>
    private async Task ReviewPendingAsync(bool activated)
    {
        var pending = state.State.PendingDeliveries;
        var alerts = state.State.Alerts;
        var now = clock.GetUtcNow();
        var changed = new HashSet<int>();
        var forgot = false;
        for (var i = pending.Count - 1; i >= 0; i--)
        {
            var entry = pending[i];
            var index = alerts.FindIndex(a => a.Id == entry.Subject);
            var review = _rules.Review(entry, index >= 0, Settings.Webhooks.Contains(entry.Target), activated, now);
            switch (review.Decision)
            {
                case PendingDecision.Resend:
                    if (outbox.TryEnqueue(new WebhookJob(new AlertMessage(alerts[index], entry.Event), entry.Target, entry.Key, entry.Attempts + 1)))
                    {
                        pending[i] = entry with { At = now }; // in memory only: a later activation re-sends it anyway
                        var target = entry.Target.Redacted(); // a re-send is rare; the log names the webhook as the dashboard does
                        LogResent(entry.Subject, entry.Event, target, entry.Attempts + 1);
                    }

                    break; // a full outbox leaves it as it is: the next review tries again
                case PendingDecision.GiveUp:
                    pending.RemoveAt(i);
                    var failed = new WebhookDelivery(entry.Target.Redacted(), entry.Target.Format, entry.Event, WebhookDeliveryStatus.Failed, entry.Attempts, null, review.Reason, now);
                    alerts[index] = alerts[index] with { Deliveries = Upsert(alerts[index].Deliveries, failed) };
                    changed.Add(index);
                    break;
                case PendingDecision.Forget:
                    pending.RemoveAt(i);
                    forgot = true;
                    break;
            }
        }

        if (changed.Count > 0 || forgot)
        {
            await SaveAsync();
        }

        foreach (var index in changed)
        {
            dashboard.Publish(alerts[index]);
        }
    }

    /// <summary>
    /// Writes the state; the first pending delivery of an activation registers the resend reminder before, so stored pending
    /// deliveries always have a reminder to bring their grain back.
    /// </summary>
    private async Task SaveAsync()
    {
        if (!_reminded && state.State.PendingDeliveries.Count > 0)
        {
            await this.RegisterOrUpdateReminder(ResendReminder, ResendPeriod, ResendPeriod);
            _reminded = true;
        }

        await state.WriteStateAsync();
    }

    /// <summary>Sends what quiet hours held back, once they are over (or were switched off).</summary>
    private async Task ReleaseHeldAsync()
    {
        var now = clock.GetUtcNow();
        var alerts = state.State.Alerts;
        if (!alerts.Exists(HasHeld) || Settings.QuietHours?.Covers(now) == true)
        {
            return;
        }

        var released = new List<Alert>();
        for (var i = 0; i < alerts.Count; i++)
        {
            var alert = alerts[i];
            if (!HasHeld(alert))
            {
                continue;
            }

            var deliveries = alert.Deliveries;
            foreach (var held in alert.Deliveries.Where(d => d.Status == WebhookDeliveryStatus.Held))
            {
                var target = Settings.Webhooks.FirstOrDefault(t => t.Format == held.Format && t.Redacted() == held.Target);
                deliveries = Upsert(deliveries, target is null
                    ? held with { Status = WebhookDeliveryStatus.Dropped, Error = "webhook no longer configured", At = now }
                    : Enqueue(alert, held.Event, target, now));
            }

            alerts[i] = alert with { Deliveries = deliveries };
            released.Add(alerts[i]);
        }

        await SaveAsync();
        foreach (var alert in released)
        {
            dashboard.Publish(alert);
        }
    }

    /// <summary>While webhooks are held, a timer releases them when quiet hours end and the grain stays active until then.</summary>
    private void ScheduleRelease(DateTimeOffset now)
    {
        if (Settings.QuietHours is not { } quiet || !state.State.Alerts.Exists(HasHeld))
        {
            return;
        }

        var due = (quiet.Covers(now) ? quiet.EndAfter(now) - now : TimeSpan.Zero) + TimeSpan.FromSeconds(1);
        _release?.Dispose();
        _release = this.RegisterGrainTimer(ReleaseHeldAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan));
        DelayDeactivation(due + TimeSpan.FromMinutes(1));
    }

    private static bool HasHeld(Alert alert) => alert.Deliveries.Any(d => d.Status == WebhookDeliveryStatus.Held);

    /// <summary>One entry per (webhook, event): the latest outcome replaces the earlier one in place.</summary>
    private static WebhookDelivery[] Upsert(WebhookDelivery[] deliveries, WebhookDelivery delivery)
    {
        var index = Array.FindIndex(deliveries, delivery.SameSlot);
        if (index < 0)
        {
            return [.. deliveries, delivery];
        }

        var copy = (WebhookDelivery[])deliveries.Clone();
        copy[index] = delivery;
        return copy;
    }

    /// <summary>Whether the channel's feed is silent in a data gap; if the feed monitor cannot say, the drop is not held back.</summary>
    private async Task<bool> InDataGapAsync(string channel)
    {
        try
        {
            return await GrainFactory.GetGrain<IFeedMonitorGrain>(IFeedMonitorGrain.Key).IsSilentAsync(channel);
        }
        catch (Exception ex)
        {
            // Any failure, timeouts included (Orleans reports some as cancellations): a possible brand event is not dropped.
            LogFeedMonitorUnavailable(ex.Message);
            return false;
        }
    }

    // Debug: one line per brand on the channel is what the data gap (logged once, as a warning) replaces.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Drop alert of {Brand} on {Channel} held back: the channel's whole feed is in a data gap")]
    private partial void LogDropHeldBack(string brand, string channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook for alert {AlertId} ({Event}) to {Target} re-sent from stored state, attempt {Attempt}")]
    private partial void LogResent(string alertId, string @event, string target, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed monitor unavailable, a drop alert goes out unchecked for data gaps: {Reason}")]
    private partial void LogFeedMonitorUnavailable(string reason);

    private async Task<string> BrandNameAsync()
    {
        var brand = await GrainFactory.GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key).FindAsync(BrandId);
        return brand?.Name ?? BrandId;
    }
}
