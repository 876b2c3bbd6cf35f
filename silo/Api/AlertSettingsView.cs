using Pulse.Analytics.Detection;
using Pulse.Grains.Alerts;
using Pulse.Grains.Webhooks;

namespace Pulse.Silo.Api;

/// <summary>A brand's alert settings as the API shows them: each webhook by its redacted target, never its URL.</summary>
public sealed record AlertSettingsView(
    Sensitivity? Sensitivity, string[] Channels, int WebhookMinimumSeverity, QuietHours? QuietHours, WebhookView[] Webhooks)
{
    public static AlertSettingsView Of(AlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.Sensitivity, settings.Channels, settings.WebhookMinimumSeverity, settings.QuietHours,
            [.. settings.Webhooks.Select(w => new WebhookView(w.Redacted(), w.Format))]);
    }
}

/// <summary>"https://hooks.slack.com/…": scheme, host and port; the path and query (the receiver's secret) are write-only.</summary>
public sealed record WebhookView(string Target, string Format);
