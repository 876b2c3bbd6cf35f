namespace Pulse.Grains.Alerts;

/// <summary>A brand's alerts (key = brand id): merges detector signals into incidents and keeps their lifecycle.</summary>
public interface IBrandAlertsGrain : IGrainWithStringKey
{
    Task SignalAsync(AlertSignal signal);

    Task<Alert[]> ListAsync(string? state, DateTimeOffset? since);

    /// <summary>Null when no such alert; throws <see cref="InvalidOperationException"/> for a resolved one.</summary>
    Task<Alert?> AcknowledgeAsync(string alertId, string by, string? note);

    Task<Alert?> ResolveAsync(string alertId, string by, string? note);
}
