using Pulse.Grains.Wire;

namespace Pulse.Silo.Archive.Annotations;

/// <summary>Annotation kinds as the API and the archive spell them.</summary>
public static class AnnotationWireNames
{
    public static WireNames<AnnotationKind> Kind { get; } = new(
        (AnnotationKind.Campaign, "campaign"),
        (AnnotationKind.PressRelease, "press-release"),
        (AnnotationKind.Outage, "outage"),
        (AnnotationKind.ProductLaunch, "product-launch"),
        (AnnotationKind.Event, "event"),
        (AnnotationKind.Other, "other"));
}
