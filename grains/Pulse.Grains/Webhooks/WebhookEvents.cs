namespace Pulse.Grains.Webhooks;

/// <summary>What happened to an alert, as told to a webhook ("event" in the payload).</summary>
public static class WebhookEvents
{
    public const string Opened = "opened";
    public const string Escalated = "escalated";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
}
