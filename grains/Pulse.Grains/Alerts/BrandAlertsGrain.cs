using Microsoft.Extensions.Options;
using Pulse.Grains.Brands;
using Pulse.Grains.Mentions;
using Pulse.Grains.Notifications;

namespace Pulse.Grains.Alerts;

internal sealed class BrandAlertsGrain(
    [PersistentState("alerts", GrainStorageNames.Pulse)] IPersistentState<BrandAlertsState> state,
    IOptions<AlertOptions> options,
    TimeProvider clock) : Grain, IBrandAlertsGrain
{
    private const int MaxKept = 200;
    private const int MaxTopMentions = 5;

    private string BrandId => this.GetPrimaryKeyString();

    public async Task SignalAsync(AlertSignal signal)
    {
        var alerts = state.State.Alerts;
        var index = alerts.FindLastIndex(a =>
            a.Kind == signal.Kind && a.State != AlertStates.Resolved && signal.At - a.UpdatedAt <= options.Value.MergeWindow);
        Alert alert;
        if (index < 0)
        {
            alert = new Alert(
                $"{BrandId}:{state.State.NextNumber++}", BrandId, await BrandNameAsync(), [signal.Channel], signal.Kind, signal.Severity,
                AlertStates.Open, signal.At, signal.At, signal.Value, signal.Expected,
                AlertMessages.For(signal.Kind, [signal.Channel], signal.Value, signal.Expected), signal.Why, []);
            alerts.Add(alert);
            if (alerts.Count > MaxKept)
            {
                alerts.RemoveRange(0, alerts.Count - MaxKept);
            }
        }
        else
        {
            alert = Merge(alerts[index], signal);
            alerts[index] = alert;
        }

        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IDashboardNotifierGrain>(0).PublishAsync(alert);
    }

    public Task<Alert[]> ListAsync(string? stateFilter, DateTimeOffset? since) =>
        Task.FromResult(state.State.Alerts
            .Where(a => (stateFilter is null || a.State == stateFilter) && (since is null || a.UpdatedAt >= since))
            .Reverse()
            .ToArray());

    public Task<Alert?> AcknowledgeAsync(string alertId, string by, string? note) =>
        TransitionAsync(alertId, AlertStates.Acknowledged, "acknowledge", by, note);

    public Task<Alert?> ResolveAsync(string alertId, string by, string? note) =>
        TransitionAsync(alertId, AlertStates.Resolved, "resolve", by, note);

    private async Task<Alert?> TransitionAsync(string alertId, string to, string action, string by, string? note)
    {
        var index = state.State.Alerts.FindIndex(a => a.Id == alertId);
        if (index < 0)
        {
            return null;
        }

        var alert = state.State.Alerts[index];
        if (alert.State == AlertStates.Resolved)
        {
            throw new InvalidOperationException($"Alert '{alertId}' is already resolved.");
        }

        var now = clock.GetUtcNow();
        alert = alert with { State = to, UpdatedAt = now, History = [.. alert.History, new AlertAction(action, by, now, note)] };
        state.State.Alerts[index] = alert;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IDashboardNotifierGrain>(0).PublishAsync(alert);
        return alert;
    }

    /// <summary>One incident, one alert: more channels and stronger signals update and escalate it.</summary>
    private static Alert Merge(Alert alert, AlertSignal signal)
    {
        var channels = alert.Channels.Contains(signal.Channel) ? alert.Channels : [.. alert.Channels, signal.Channel];
        var counts = alert.Why.Channels.Where(c => c.Channel != signal.Channel).Concat(signal.Why.Channels.Where(c => c.Channel == signal.Channel))
            .OrderByDescending(c => c.Count).ToArray();
        var top = alert.Why.TopMentions.Concat(signal.Why.TopMentions).DistinctBy(m => (m.Id, m.Channel))
            .OrderByDescending(Engagement).Take(MaxTopMentions).ToArray();
        var terms = signal.Why.Terms.Concat(alert.Why.Terms).DistinctBy(t => t.Term).OrderByDescending(t => t.Lift).Take(8).ToArray();
        var sentiment = signal.Why.Sentiment;
        var escalated = signal.Severity > alert.Severity;
        return alert with
        {
            Channels = channels,
            Severity = Math.Max(alert.Severity, signal.Severity),
            UpdatedAt = signal.At,
            Value = signal.Value,
            Expected = signal.Expected,
            Message = AlertMessages.For(alert.Kind, channels, signal.Value, signal.Expected),
            Why = new AlertWhy(terms, top, sentiment, counts),
            History = escalated ? [.. alert.History, new AlertAction("escalate", "pulse", signal.At, $"severity {alert.Severity} → {signal.Severity}")] : alert.History,
        };
    }

    private static long Engagement(MentionView m) => m.Likes + m.Shares + m.Comments;

    private async Task<string> BrandNameAsync()
    {
        var catalog = await GrainFactory.GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key).GetAsync();
        return catalog.Brands.FirstOrDefault(b => string.Equals(b.Id, BrandId, StringComparison.OrdinalIgnoreCase))?.Name ?? BrandId;
    }
}
