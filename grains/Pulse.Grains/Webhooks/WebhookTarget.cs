namespace Pulse.Grains.Webhooks;

/// <summary>One outgoing webhook of a brand: where to POST, and in which <see cref="WebhookFormats">format</see>.</summary>
[GenerateSerializer, Immutable]
public sealed record WebhookTarget([property: Id(0)] string Url, [property: Id(1)] string Format)
{
    /// <summary>What a redacted target puts where the path and query were.</summary>
    public const string Elision = "…";

    /// <summary>
    /// Scheme, host and port only, with "/…" when a path or query followed (where Slack and most receivers keep their
    /// secret): "https://hooks.slack.com/…". Safe to show to everyone who sees the alert or the settings.
    /// </summary>
    public string Redacted()
    {
        var uri = new Uri(Url);
        var origin = $"{uri.Scheme}://{uri.Authority}"; // Authority leaves user:password@ out
        return uri.PathAndQuery is "/" && uri.Fragment.Length == 0 ? origin : $"{origin}/{Elision}";
    }
}
