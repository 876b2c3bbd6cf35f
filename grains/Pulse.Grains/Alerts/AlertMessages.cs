using System.Globalization;

namespace Pulse.Grains.Alerts;

/// <summary>The one-line explanation a crisis communicator reads first.</summary>
internal static class AlertMessages
{
    /// <summary>An incident: one sentence per facet, the leading one first.</summary>
    public static string For(IReadOnlyList<AlertFacet> facets)
    {
        ArgumentNullException.ThrowIfNull(facets);
        return string.Join(" ", facets.Select(f => For(f.Kind, f.Channels, f.Value, f.Expected)));
    }

    public static string For(AlertKind kind, IReadOnlyCollection<string> channels, double value, double expected)
    {
        var where = string.Join(", ", channels);
        var ratio = expected > 0 ? value / expected : double.PositiveInfinity;
        return kind switch
        {
            AlertKind.Spike => string.Create(CultureInfo.InvariantCulture, $"Mentions on {where} are {Ratio(ratio)} the expected volume ({value:0} vs {expected:0.#} per bucket)."),
            AlertKind.Drop => string.Create(CultureInfo.InvariantCulture, $"Mentions on {where} fell to {value:0} against {expected:0.#} expected: the channel went quiet."),
            AlertKind.NegativeShift => string.Create(CultureInfo.InvariantCulture, $"Negative share on {where} rose to {value:P0} from {expected:P0}."),
            AlertKind.Viral => string.Create(CultureInfo.InvariantCulture, $"Shares and comments on {where} surged to {Ratio(ratio)} the usual ({value:0} vs {expected:0.#})."),
            _ => $"{AlertWireNames.Kind.Of(kind)} on {where}.",
        };
    }

    private static string Ratio(double ratio) =>
        double.IsInfinity(ratio) ? "far above" : string.Create(CultureInfo.InvariantCulture, $"{ratio:0.#}×");
}
