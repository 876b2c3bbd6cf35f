using Pulse.Analytics.Detection;
using Pulse.Grains.Alerts;
using Pulse.Grains.Webhooks;

namespace Pulse.Silo.Api;

/// <summary>
/// A brand's alert settings as the API shows them: each webhook by its redacted target, never its URL; <see cref="Digest"/>
/// whether the webhooks get the weekly digest (true unless opted out; without webhooks nothing is sent).
/// </summary>
public sealed record AlertSettingsView(
    Sensitivity? Sensitivity, string[] Channels, int WebhookMinimumSeverity, QuietHours? QuietHours, WebhookView[] Webhooks, bool Digest)
{
    public static AlertSettingsView Of(AlertSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.Sensitivity, settings.Channels, settings.WebhookMinimumSeverity, settings.QuietHours,
            [.. settings.Webhooks.Select(w => new WebhookView(w.Redacted(), w.Format))], settings.Digest ?? true);
    }
}

/// <summary>"https://hooks.slack.com/…": scheme, host and port; the path and query (the receiver's secret) are write-only.</summary>
public sealed record WebhookView(string Target, string Format);
