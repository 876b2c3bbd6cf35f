using Pulse.Analytics.Detection;
using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Alerts;

/// <summary>
/// A brand's alerting preferences. Every signal is recorded and shown on the dashboard; these decide which
/// alerts notify webhooks, and when. A null <see cref="Sensitivity"/> is the silo's ("Pulse:Alerts:Sensitivity").
/// <see cref="Digest"/>: whether the webhooks also get the weekly digest; null (the default, and settings stored before
/// digests) means yes.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AlertSettings(
    [property: Id(0)] Sensitivity? Sensitivity,
    [property: Id(1)] string[] Channels,
    [property: Id(2)] int WebhookMinimumSeverity,
    [property: Id(3)] QuietHours? QuietHours,
    [property: Id(4)] WebhookTarget[] Webhooks,
    [property: Id(5)] bool? Digest = null)
{
    /// <summary>The silo's sensitivity, every channel alerts, every severity notifies, no quiet hours, no webhooks.</summary>
    public static AlertSettings Default { get; } = new(null, [], 1, null, []);

    /// <summary>An empty list means every channel alerts.</summary>
    public bool Alerts(string channel) => Channels.Length == 0 || Channels.Contains(channel, StringComparer.Ordinal);

    /// <summary>The weekly digest goes out: the brand has webhooks and did not opt out.</summary>
    public bool SendsDigest => Webhooks.Length > 0 && Digest != false;
}
