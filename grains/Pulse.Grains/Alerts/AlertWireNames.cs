using System.Text.Json.Serialization;
using Pulse.Analytics.Detection;
using Pulse.Grains.Wire;

namespace Pulse.Grains.Alerts;

/// <summary>
/// The alert model's enums as the dashboard contract (dashboard/Pulse.Dashboard/CONTRACT.md), the webhooks and stored
/// state spell them: the only place they become strings.
/// </summary>
public static class AlertWireNames
{
    public static WireNames<AlertKind> Kind { get; } = new(
        (AlertKind.Spike, "spike"), (AlertKind.Drop, "drop"), (AlertKind.NegativeShift, "negative-shift"), (AlertKind.Viral, "viral"));

    public static WireNames<AlertState> State { get; } = new(
        (AlertState.Open, "open"), (AlertState.Acknowledged, "acknowledged"), (AlertState.Resolved, "resolved"));

    /// <summary>A brand's detector sensitivity in its alert settings (null there: the silo's "Pulse:Alerts:Sensitivity").</summary>
    public static WireNames<Sensitivity> Sensitivity { get; } = new(
        (Analytics.Detection.Sensitivity.Low, "low"), (Analytics.Detection.Sensitivity.Normal, "normal"), (Analytics.Detection.Sensitivity.High, "high"));

    /// <summary>Adds the converters that write these enums by name to a JSON boundary's options (HTTP, SignalR, webhooks).</summary>
    public static void AddJsonConverters(IList<JsonConverter> converters)
    {
        ArgumentNullException.ThrowIfNull(converters);
        converters.Add(new WireNameJsonConverter<AlertKind>(Kind));
        converters.Add(new WireNameJsonConverter<AlertState>(State));
        converters.Add(new WireNameJsonConverter<Sensitivity>(Sensitivity));
    }
}
