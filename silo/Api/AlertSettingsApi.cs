using System.Security.Claims;
using Pulse.Dashboard.Api;
using Pulse.Dashboard.Teams;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Pulse.Analytics.Detection;
using Pulse.Grains;
using Pulse.Grains.Alerts;
using Pulse.Grains.Brands;
using Pulse.Grains.Webhooks;
using Pulse.Grains.Outbound;
using Pulse.Silo.Audit;
using Pulse.Silo.Auth;
using Pulse.Silo.RateLimits;

namespace Pulse.Silo.Api;

/// <summary>
/// A brand's alert settings: sensitivity, which channels alert, the webhook minimum severity, quiet hours,
/// webhooks, and whether they get the weekly digest. PUT replaces them all; an invalid field is a problem naming it ("parameter"). Webhook URLs are write-only
/// (they hold the receiver's secret): both answers show <see cref="AlertSettingsView"/>, and a webhook sent without its url
/// keeps the stored one at the same position. A brand outside the caller's team is not found, for reading and writing.
/// </summary>
public static class AlertSettingsApi
{
    private const int MaxWebhooks = 10;

    public static IEndpointRouteBuilder MapAlertSettingsApi(this IEndpointRouteBuilder app)
    {
        var settings = app.MapGroup("/api/brands/{id}/alert-settings").WithTags("Alerts");
        settings.MapGet("/", GetAsync).WithName("GetAlertSettings").RequireAuthorization(PulsePolicies.Read);
        settings.MapPut("/", PutAsync).WithName("PutAlertSettings").RequireAuthorization(PulsePolicies.Admin).RequireRateLimiting(RateLimitPolicies.Writes);
        return app;
    }

    private static async Task<Results<Ok<AlertSettingsView>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains, IBrandVisibility visibility, ClaimsPrincipal user) =>
        await BrandIdAsync(grains, id, visibility.ScopeOf(user)) is { } brand
            ? TypedResults.Ok(AlertSettingsView.Of(await grains.GetGrain<IBrandAlertsGrain>(brand).GetSettingsAsync()))
            : ApiProblems.BrandNotFound(id);

    private static async Task<Results<Ok<AlertSettingsView>, ProblemHttpResult>> PutAsync(
        string id, AlertSettingsRequest? body, IGrainFactory grains, IOptions<ChannelOptions> channels, IOptions<OutboundOptions> outbound,
        IBrandVisibility visibility, ClaimsPrincipal user, HttpContext context, AuditTrail audit)
    {
        if (await BrandIdAsync(grains, id, visibility.ScopeOf(user)) is not { } brand)
        {
            return ApiProblems.BrandNotFound(id);
        }

        if (body is null)
        {
            return ApiProblems.Invalid("body", "Send a JSON object: {\"channels\": [\"x\"], \"webhookMinimumSeverity\": 5, \"quietHours\": {...}, \"webhooks\": [...]}.");
        }

        var alerts = grains.GetGrain<IBrandAlertsGrain>(brand);
        var stored = (await alerts.GetSettingsAsync()).Webhooks;
        var (settings, field, error) = Validate(body, channels.Value.Channels, outbound.Value.AllowPrivateNetworks, stored);
        if (settings is null)
        {
            return ApiProblems.Invalid(field!, error!);
        }

        await alerts.SetSettingsAsync(settings);
        // A count, never the webhooks: their URLs hold the receivers' secrets.
        await audit.RecordAsync(context, AuditAction.AlertSettingsPut, brand, $"{settings.Webhooks.Length} webhooks");
        return TypedResults.Ok(AlertSettingsView.Of(settings));
    }

    private static (AlertSettings? Settings, string? Field, string? Error) Validate(
        AlertSettingsRequest body, string[] knownChannels, bool allowPrivateNetworks, WebhookTarget[] stored)
    {
        Sensitivity? sensitivity = null;
        if (body.Sensitivity is not null)
        {
            if (!AlertWireNames.Sensitivity.TryParse(body.Sensitivity.Trim().ToLowerInvariant(), out var known))
            {
                return Fail("sensitivity", $"Unknown sensitivity '{body.Sensitivity}'. Use low, normal or high (or null for the silo's default).");
            }

            sensitivity = known;
        }

        var channels = (body.Channels ?? []).Select(c => c?.Trim().ToLowerInvariant() ?? "").Distinct().ToArray();
        if (channels.FirstOrDefault(c => !knownChannels.Contains(c)) is { } unknown)
        {
            return Fail("channels", $"Unknown channel '{unknown}'. Known: {string.Join(", ", knownChannels)}; an empty list means all.");
        }

        var minimum = body.WebhookMinimumSeverity ?? AlertSettings.Default.WebhookMinimumSeverity;
        if (minimum is < 1 or > 10)
        {
            return Fail("webhookMinimumSeverity", "Severity runs from 1 to 10.");
        }

        QuietHours? quiet = null;
        if (body.QuietHours is { } q)
        {
            if (!QuietHours.TryParseTime(q.From, out var from))
            {
                return Fail("quietHours.from", $"Give a time of day as {QuietHours.TimeFormat}, e.g. \"22:00\".");
            }

            if (!QuietHours.TryParseTime(q.To, out var to))
            {
                return Fail("quietHours.to", $"Give a time of day as {QuietHours.TimeFormat}, e.g. \"07:00\".");
            }

            if (from == to)
            {
                return Fail("quietHours.to", "Quiet hours must not start and end at the same time.");
            }

            if (!QuietHours.TryFindZone(q.TimeZone, out _))
            {
                return Fail("quietHours.timeZone", $"Unknown time zone '{q.TimeZone}'. Use an IANA id such as \"Europe/Berlin\".");
            }

            var wake = q.WakeSeverity ?? 8;
            if (wake is < 1 or > 10)
            {
                return Fail("quietHours.wakeSeverity", "Severity runs from 1 to 10.");
            }

            quiet = new QuietHours(q.From!, q.To!, q.TimeZone!, wake);
        }

        var requested = body.Webhooks ?? [];
        if (requested.Length > MaxWebhooks)
        {
            return Fail("webhooks", $"At most {MaxWebhooks} webhooks per brand.");
        }

        var webhooks = new WebhookTarget[requested.Length];
        for (var i = 0; i < requested.Length; i++)
        {
            var hook = requested[i] ?? new WebhookRequest(null, null);
            WebhookTarget? kept = null;
            string url;
            if (string.IsNullOrEmpty(hook.Url))
            {
                // Write-only: the url GET never shows is kept from the stored webhook at this position.
                if (i >= stored.Length)
                {
                    return Fail($"webhooks[{i}].url", "Give an absolute http or https URL (no stored webhook at this position to keep).");
                }

                kept = stored[i];
                if (hook.Target is { } target && target != kept.Redacted())
                {
                    return Fail($"webhooks[{i}].target", $"The stored webhook at this position is {kept.Redacted()}, not {target}: send the list in GET's order, or give the url.");
                }

                url = kept.Url;
            }
            else if (WebhookUrls.TryAccept(hook.Url, allowPrivateNetworks, out var accepted, out var problem))
            {
                url = accepted.AbsoluteUri;
            }
            else
            {
                return Fail($"webhooks[{i}].url", problem);
            }

            var format = hook.Format?.Trim().ToLowerInvariant() ?? kept?.Format ?? WebhookFormats.Json;
            if (!WebhookFormats.IsKnown(format))
            {
                return Fail($"webhooks[{i}].format", $"Unknown format '{hook.Format}'. Use json or slack.");
            }

            webhooks[i] = new WebhookTarget(url, format);
        }

        return (new AlertSettings(sensitivity, channels, minimum, quiet, webhooks, body.Digest), null, null);

        static (AlertSettings?, string?, string?) Fail(string field, string error) => (null, field, error);
    }

    private static async Task<string?> BrandIdAsync(IGrainFactory grains, string id, BrandScope scope) => (await grains.FindVisibleBrandAsync(id, scope))?.Id;
}

/// <summary>PUT body of a brand's alert settings; omitted fields take their defaults (PUT replaces; <see cref="Digest"/>: on).</summary>
public sealed record AlertSettingsRequest(
    string? Sensitivity, string[]? Channels, int? WebhookMinimumSeverity, QuietHoursRequest? QuietHours, WebhookRequest[]? Webhooks, bool? Digest = null);

/// <summary>"22:00" to "07:00" in "Europe/Berlin"; alerts of <see cref="WakeSeverity"/> (default 8) or more still notify.</summary>
public sealed record QuietHoursRequest(string? From, string? To, string? TimeZone, int? WakeSeverity);

/// <summary>One webhook: without <see cref="Url"/> the stored one at this position is kept; <see cref="Target"/> (as GET shows it) then checks it is the intended one.</summary>
public sealed record WebhookRequest(string? Url, string? Format, string? Target = null);
