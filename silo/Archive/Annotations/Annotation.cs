namespace Pulse.Silo.Archive.Annotations;

/// <summary>What kind of event an annotation marks; reports group lift by it.</summary>
public enum AnnotationKind
{
    Campaign,
    PressRelease,
    Outage,
    ProductLaunch,
    Event,
    Other,
}

/// <summary>An event on a brand's timeline: a point (<see cref="EndsAt"/> null) or a span.</summary>
public sealed record Annotation(
    long Id, string BrandId, AnnotationKind Kind, string Title, string? Note, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>The body of <c>POST /api/brands/{id}/annotations</c>; kind by its wire name (campaign, press-release, …).</summary>
public sealed record AnnotationRequest(string? Title, string? Kind, DateTimeOffset? At, DateTimeOffset? EndsAt, string? Note);
