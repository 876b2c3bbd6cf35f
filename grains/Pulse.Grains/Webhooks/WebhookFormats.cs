namespace Pulse.Grains.Webhooks;

/// <summary>Payload shapes: the alert as JSON, or a Slack-compatible message (also understood by Mattermost and Rocket.Chat).</summary>
public static class WebhookFormats
{
    public const string Json = "json";
    public const string Slack = "slack";

    public static bool IsKnown(string format) => format is Json or Slack;
}
