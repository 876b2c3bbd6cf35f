using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pulse.Grains.Alerts;
using Pulse.Grains.Digests;

namespace Pulse.Grains.Webhooks;

/// <summary>The bodies Pulse POSTs: the alert (or digest) itself (JSON), or a message a chat tool renders (Slack).</summary>
public static class WebhookPayloads
{
    private static readonly JsonSerializerOptions Web = WebOptions();

    public static byte[] For(WebhookJob job, string? dashboardUrl)
    {
        ArgumentNullException.ThrowIfNull(job);
        var slack = job.Target.Format == WebhookFormats.Slack;
        var body = job.Message switch
        {
            AlertMessage a => slack ? Slack(a.Alert, a.Event, dashboardUrl) : Json(a.Alert, a.Event, job.Key),
            DigestMessage d => slack ? DigestPayloads.Slack(d.Digest) : DigestPayloads.Json(d.Digest, job.Key),
            _ => throw new NotSupportedException($"No payload for {job.Message.GetType().Name}."),
        };
        return Encoding.UTF8.GetBytes(body.ToJsonString());
    }

    /// <summary>
    /// The alert (camelCase, web defaults) with "event" and "idempotencyKey" (as the header) first; other webhooks'
    /// delivery records are not the receiver's business.
    /// </summary>
    public static JsonObject Json(Alert alert, string @event, string idempotencyKey)
    {
        var body = JsonSerializer.SerializeToNode(alert, Web)!.AsObject();
        body.Remove("deliveries");
        body.Insert(0, "event", @event);
        body.Insert(1, "idempotencyKey", idempotencyKey);
        return body;
    }

    /// <summary>
    /// A Slack incoming-webhook message: "text" for notifications and old clients, "blocks" for the layout. The headline
    /// names every facet of the incident ("spike + negative-shift"), the leading one first; a field lists each facet's figures.
    /// </summary>
    public static JsonObject Slack(Alert alert, string @event, string? dashboardUrl)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var link = LinkPath(alert.BrandId);
        var facets = alert.FacetsOrSelf();
        var kinds = string.Join(" + ", facets.Select(f => AlertWireNames.Kind.Of(f.Kind)));
        var headline = string.Create(CultureInfo.InvariantCulture,
            $"{alert.BrandName}: {kinds} {@event}, severity {alert.Severity}/10 on {string.Join(", ", alert.Channels)}");
        var terms = alert.Why.Terms.Length == 0 ? "–" : string.Join(", ", alert.Why.Terms.Take(6).Select(t => t.Term));
        var open = dashboardUrl is null ? $"Pulse: {link}" : $"<{dashboardUrl.TrimEnd('/')}{link}|Open {Escape(alert.BrandName)} in Pulse>";
        return new JsonObject
        {
            // Slack reads "text" as mrkdwn too: a brand name or term with < > & must not become a link or a mention.
            ["text"] = Escape($"{headline}. {alert.Message} Why: {terms}."),
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "header", ["text"] = PlainText(headline) },
                new JsonObject { ["type"] = "section", ["text"] = Markdown(Escape(alert.Message)) },
                new JsonObject
                {
                    ["type"] = "section",
                    ["fields"] = new JsonArray(
                        Markdown($"*Why*\n{Escape(terms)}"),
                        Markdown(string.Create(CultureInfo.InvariantCulture, $"*State*\n{AlertWireNames.State.Of(alert.State)}, since {alert.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC")),
                        Markdown($"*Facets*\n{string.Join("\n", facets.Select(Facet))}")),
                },
                new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(Markdown($"{open} · alert {Escape(alert.Id)}")) }),
        };
    }

    /// <summary>"spike 6/10 on x, reddit: 120 vs 15" (a share in per cent).</summary>
    private static string Facet(AlertFacet facet)
    {
        var share = facet.Kind == AlertKind.NegativeShift;
        var figures = share
            ? string.Create(CultureInfo.InvariantCulture, $"{facet.Value:P0} vs {facet.Expected:P0}")
            : string.Create(CultureInfo.InvariantCulture, $"{facet.Value:0.#} vs {facet.Expected:0.#}");
        return Escape(string.Create(CultureInfo.InvariantCulture,
            $"{AlertWireNames.Kind.Of(facet.Kind)} {facet.Severity}/10 on {string.Join(", ", facet.Channels)}: {figures}"));
    }

    // The dashboard's JSON: camelCase, alert enums by name.
    private static JsonSerializerOptions WebOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        AlertWireNames.AddJsonConverters(options.Converters);
        return options;
    }

    /// <summary>The brand view in the dashboard app, relative to its address.</summary>
    public static string LinkPath(string brandId) => $"/#/brand/{Uri.EscapeDataString(brandId)}";

    private static JsonObject PlainText(string text) => SlackText.PlainText(text);

    private static JsonObject Markdown(string text) => SlackText.Markdown(text);

    private static string Escape(string text) => SlackText.Escape(text);
}
