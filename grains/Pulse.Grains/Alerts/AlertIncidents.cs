using Pulse.Analytics.Matching;
using Pulse.Analytics.Windows;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Alerts;

/// <summary>
/// How signals become incidents: the first opens an alert, later ones of any kind join it as facets. The leading facet
/// (the alert's <c>kind</c>) is the first one signalled, so an alert's kind never changes under its receivers; its
/// severity is the worst facet's.
/// </summary>
internal static class AlertIncidents
{
    /// <summary>The history entry an escalation writes (by "pulse", the reason as its note).</summary>
    public const string EscalateAction = "escalate";

    private const int MaxTopMentions = 5;
    private const int MaxTerms = 8;

    public static Alert Open(string id, string brandName, AlertSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        AlertFacet[] facets = [AlertFacet.Of(signal)];
        return new Alert(
            id, signal.BrandId, brandName, [signal.Channel], signal.Kind, signal.Severity, AlertState.Open, signal.At, signal.At,
            signal.Value, signal.Expected, AlertMessages.For(facets), signal.Why, [], [], facets);
    }

    /// <summary>
    /// The alert with the signal joined; <paramref name="escalation"/> says why it escalated (a new facet, a higher
    /// severity), or is null when the signal only updates it (another channel, the latest figures).
    /// </summary>
    public static Alert Join(Alert alert, AlertSignal signal, out string? escalation)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(signal);
        var facets = alert.FacetsOrSelf();
        var index = Array.FindIndex(facets, f => f.Kind == signal.Kind);
        var joined = index < 0 ? [.. facets, AlertFacet.Of(signal)] : Replace(facets, index, facets[index].With(signal));
        var severity = joined.Max(f => f.Severity);
        var lead = joined[0];
        var channels = joined.SelectMany(f => f.Channels).Distinct(StringComparer.Ordinal).ToArray();
        escalation = Escalation(index < 0 ? signal.Kind : null, alert.Severity, severity);
        return alert with
        {
            Channels = channels,
            Kind = lead.Kind,
            Severity = severity,
            UpdatedAt = signal.At > alert.UpdatedAt ? signal.At : alert.UpdatedAt,
            Value = lead.Value,
            Expected = lead.Expected,
            Message = AlertMessages.For(joined),
            Why = Why(alert.Why, signal),
            History = escalation is null ? alert.History : AlertHistory.Append(alert.History, new AlertAction(EscalateAction, "pulse", signal.At, escalation)),
            Facets = joined,
        };
    }

    /// <summary>
    /// An incident escalates when its severity rises or it shows in a new way: a spike that turns negative is a different
    /// story for a crisis team than the spike alone. Another channel of a facet already there is an update, not news.
    /// </summary>
    private static string? Escalation(AlertKind? newKind, int before, int after)
    {
        var joined = newKind is { } kind ? $"{AlertWireNames.Kind.Of(kind)} joined" : null;
        var rose = after > before ? $"severity {before} → {after}" : null;
        return joined is null ? rose : rose is null ? joined : $"{joined}, {rose}";
    }

    private static AlertFacet[] Replace(AlertFacet[] facets, int index, AlertFacet facet)
    {
        var copy = (AlertFacet[])facets.Clone();
        copy[index] = facet;
        return copy;
    }

    /// <summary>Why, across channels and facets: each channel's latest count, the loudest posts, the strongest terms, the latest mood.</summary>
    private static AlertWhy Why(AlertWhy why, AlertSignal signal)
    {
        var counts = why.Channels.Where(c => c.Channel != signal.Channel).Concat(signal.Why.Channels.Where(c => c.Channel == signal.Channel))
            .OrderByDescending(c => c.Count).ToArray();
        var top = why.TopMentions.Concat(signal.Why.TopMentions).DistinctBy(m => (m.Id, m.Channel))
            .OrderByDescending(Engagement).Take(MaxTopMentions).ToArray();
        // Terms are shown as written; a term two channels wrote differently ("Störung", "störung") is still one term.
        var terms = signal.Why.Terms.Concat(why.Terms).DistinctBy(t => TextNormalizer.Normalize(t.Term)).OrderByDescending(t => t.Lift).Take(MaxTerms).ToArray();
        return new AlertWhy(terms, top, signal.Why.Sentiment, counts);
    }

    private static long Engagement(MentionView m) => Saturating.Add(m.Likes, m.Shares, m.Comments);
}
