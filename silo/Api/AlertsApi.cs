using System.Security.Claims;
using Pulse.Dashboard.Api;
using Pulse.Dashboard.Teams;
using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Grains.Alerts;
using Pulse.Grains.Brands;
using Pulse.Silo.Audit;
using Pulse.Silo.Auth;
using Pulse.Silo.RateLimits;

namespace Pulse.Silo.Api;

/// <summary>
/// Alerts and their team workflow: list, acknowledge (who, when, note), resolve. Repeating an acknowledge or resolve is a
/// no-op answered 200 with the alert as it is (a retry or two people at once get the same answer); acknowledging a resolved
/// alert is 409. Brands are looked up in the catalog first, so an unknown brand or alert id activates no grain. Alerts are
/// within the caller's team: the list holds only its brands', and an alert id names its brand ("brand:number"), so an
/// alert of another team's brand is not found (404), as an unknown one.
/// </summary>
public static class AlertsApi
{
    public static IEndpointRouteBuilder MapAlertsApi(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/alerts").WithTags("Alerts");
        alerts.MapGet("/", ListAsync).WithName("ListAlerts").RequireAuthorization(PulsePolicies.Read);
        alerts.MapPost("/{id}/ack", (string id, AlertActionRequest? body, IGrainFactory grains, IBrandVisibility visibility, HttpContext context, AuditTrail audit) =>
            TransitionAsync(id, body, grains, visibility.ScopeOf(context.User), context, audit, AuditAction.AlertAcknowledge, (g, by, note) => g.AcknowledgeAsync(id, by, note))).WithName("AcknowledgeAlert").RequireAuthorization(PulsePolicies.Respond).RequireRateLimiting(RateLimitPolicies.Writes);
        alerts.MapPost("/{id}/resolve", (string id, AlertActionRequest? body, IGrainFactory grains, IBrandVisibility visibility, HttpContext context, AuditTrail audit) =>
            TransitionAsync(id, body, grains, visibility.ScopeOf(context.User), context, audit, AuditAction.AlertResolve, (g, by, note) => g.ResolveAsync(id, by, note))).WithName("ResolveAlert").RequireAuthorization(PulsePolicies.Respond).RequireRateLimiting(RateLimitPolicies.Writes);
        app.MapAlertSettingsApi();
        app.MapDataGapsApi();
        return app;
    }

    private static async Task<Results<Ok<Alert[]>, ProblemHttpResult>> ListAsync(
        IGrainFactory grains, IBrandVisibility visibility, ClaimsPrincipal user, string? brand = null, string? state = null, DateTimeOffset? since = null)
    {
        var scope = visibility.ScopeOf(user);
        AlertState? filter = null;
        if (state is not null)
        {
            if (!AlertWireNames.State.TryParse(state, out var known))
            {
                return ApiProblems.Invalid("state", $"Unknown state '{state}'. Use open, acknowledged or resolved.");
            }

            filter = known;
        }

        string[] brands;
        if (brand is not null)
        {
            if (await grains.FindVisibleBrandAsync(brand, scope) is not { } found)
            {
                return ApiProblems.BrandNotFound(brand);
            }

            brands = [found.Id];
        }
        else
        {
            brands = (await grains.GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key).GetAsync()).Brands.Where(b => scope.Includes(b.Id)).Select(b => b.Id).ToArray();
        }

        var perBrand = await Task.WhenAll(brands.Select(b => grains.GetGrain<IBrandAlertsGrain>(b).ListAsync(filter, since)));
        return TypedResults.Ok(perBrand.SelectMany(a => a).OrderByDescending(a => a.UpdatedAt).ToArray());
    }

    /// <summary>
    /// Who acts is the caller (<see cref="CallerNames"/>), never the body: a body's <c>by</c>, which older clients still
    /// send, is ignored rather than refused, so they keep working and cannot name someone else.
    /// </summary>
    private static async Task<Results<Ok<Alert>, ProblemHttpResult>> TransitionAsync(
        string id, AlertActionRequest? body, IGrainFactory grains, BrandScope scope, HttpContext context, AuditTrail audit, AuditAction action,
        Func<IBrandAlertsGrain, string, string?, Task<Alert?>> transition)
    {
        var by = CallerNames.Of(context.User);
        var note = body?.Note;
        if (AlertHistory.Check(by, note) is { } problem)
        {
            return ApiProblems.Invalid(problem.Field, problem.Problem);
        }

        string brand;
        try
        {
            brand = Alert.BrandOf(id);
        }
        catch (FormatException ex)
        {
            return ApiProblems.Invalid("id", ex.Message);
        }

        if (await grains.FindVisibleBrandAsync(brand, scope) is not { } known)
        {
            return AlertNotFound(id);
        }

        try
        {
            var alert = await transition(grains.GetGrain<IBrandAlertsGrain>(known.Id), by, note);
            if (alert is null)
            {
                return AlertNotFound(id);
            }

            await audit.RecordAsync(context, action, alert.Id);
            return TypedResults.Ok(alert);
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Problem(title: "Alert cannot change state", detail: ex.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static ProblemHttpResult AlertNotFound(string id) =>
        TypedResults.Problem(title: $"Alert '{id}' not found", statusCode: StatusCodes.Status404NotFound);
}

/// <summary>
/// An optional note for the team (limits: <see cref="AlertHistory"/>). There is no <c>by</c>: who acts is the signed-in
/// caller, and a <c>by</c> that older clients still send is an unknown field, which JSON binding skips.
/// </summary>
public sealed record AlertActionRequest(string? Note);
