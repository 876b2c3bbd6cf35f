namespace Pulse.Grains.Alerts;

/// <summary>
/// One way an incident shows (a volume spike, a negative shift, an engagement surge, a drop): the channels it shows on,
/// its worst severity, its latest value against the expected, and when it was first and last signalled.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AlertFacet(
    [property: Id(0)] AlertKind Kind,
    [property: Id(1)] string[] Channels,
    [property: Id(2)] int Severity,
    [property: Id(3)] double Value,
    [property: Id(4)] double Expected,
    [property: Id(5)] DateTimeOffset FirstSeen,
    [property: Id(6)] DateTimeOffset LastSeen)
{
    public static AlertFacet Of(AlertSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return new(signal.Kind, [signal.Channel], signal.Severity, signal.Value, signal.Expected, signal.At, signal.At);
    }

    /// <summary>A later signal of this kind: one more channel, perhaps worse, with the latest figures.</summary>
    public AlertFacet With(AlertSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return this with
        {
            Channels = Channels.Contains(signal.Channel, StringComparer.Ordinal) ? Channels : [.. Channels, signal.Channel],
            Severity = Math.Max(Severity, signal.Severity),
            Value = signal.Value,
            Expected = signal.Expected,
            LastSeen = signal.At > LastSeen ? signal.At : LastSeen,
        };
    }
}
