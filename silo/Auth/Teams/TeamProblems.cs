using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Dashboard.Teams;

namespace Pulse.Silo.Auth.Teams;

/// <summary>The 403 answers of team limits: what the caller's team is and why the act reaches past it.</summary>
public static class TeamProblems
{
    /// <summary>A key or account for brands outside the grantor's team (every brand included): an escalation.</summary>
    public static ProblemHttpResult BeyondTeam(BrandScope caller, string what) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Brands outside your team",
            detail: $"You are limited to brands {caller}, so a {what} you create must be limited to some of them; list them in 'brands' (an empty list means every brand).",
            extensions: new Dictionary<string, object?> { ["parameter"] = "brands" });

    /// <summary>Creating or changing a brand that is not in the caller's team.</summary>
    public static ProblemHttpResult BrandBeyondTeam(BrandScope caller, string id) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Brand outside your team",
            detail: $"You are limited to brands {caller}; '{id}' is not one of them. An admin of every brand creates or changes other brands.");

    /// <summary>Appended to a 403's detail when the caller is team-limited: global acts need a caller of every brand.</summary>
    public static string ForbiddenNote(System.Security.Claims.ClaimsPrincipal caller) =>
        PulseClaims.BrandsOf(caller).Length == 0
            ? string.Empty
            : " Team-limited callers may not change what all brands share either (sources, ingest, the Orleans dashboard).";
}
