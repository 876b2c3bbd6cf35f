namespace Pulse.Grains.Webhooks;

/// <summary>One outgoing webhook of a brand: where to POST, and in which <see cref="WebhookFormats">format</see>.</summary>
[GenerateSerializer, Immutable]
public sealed record WebhookTarget([property: Id(0)] string Url, [property: Id(1)] string Format)
{
    /// <summary>Scheme, host and port only, with "/…" when there is a path: safe to show to everyone who sees the alert.</summary>
    public string Redacted()
    {
        var uri = new Uri(Url);
        return uri.AbsolutePath is "" or "/" ? uri.GetLeftPart(UriPartial.Authority) : $"{uri.GetLeftPart(UriPartial.Authority)}/…";
    }
}
