namespace Pulse.Grains.Webhooks;

/// <summary>What happened, as told to a webhook ("event" in the payload): an alert's change, or a brand's weekly digest.</summary>
public static class WebhookEvents
{
    public const string Opened = "opened";
    public const string Escalated = "escalated";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";

    /// <summary>Not an alert's: the brand's weekly summary (<see cref="Digests.BrandDigest"/>).</summary>
    public const string Digest = "digest";
}
