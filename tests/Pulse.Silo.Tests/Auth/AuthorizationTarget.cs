using Pulse.Silo.Auth;

namespace Pulse.Silo.Tests.Auth;

/// <summary>What a caller gets from an endpoint, as far as authorization goes.</summary>
public enum Access
{
    /// <summary>Past authorization: the endpoint's own answer (200, 201, 400, 404…).</summary>
    Ok,

    /// <summary>401 problem+json: no identity, or a wrong or revoked key.</summary>
    No401,

    /// <summary>403 problem+json: known, but the role (or, for a team-limited caller, its team) may not.</summary>
    No403,

    /// <summary>404 problem+json: a brand (or its alert) outside the caller's team, answered exactly as an unknown one.</summary>
    No404,
}

/// <summary>
/// One endpoint's target: the policy it must carry and what each caller gets. <see cref="OtherTeam"/> is what a caller
/// whose role the endpoint admits gets when limited to a brand other than the one the request names (a caller whose role
/// is refused gets its role's 403 whatever its team). <see cref="EveryBrand"/>: the endpoint acts on what all brands share
/// and also carries <see cref="PulsePolicies.EveryBrand"/>, so a team-limited caller gets 403 even for its own brand.
/// </summary>
public sealed record AuthorizationTarget(
    string Endpoint, string Policy, Access Anonymous, Access Viewer, Access Responder, Access Admin, Access Ingest, Access OtherTeam, bool EveryBrand = false)
{
    /// <summary>An endpoint open to everyone, e.g. /healthz for load balancers.</summary>
    public const string AnonymousPolicy = "anonymous";

    /// <summary>What a caller of an admitted role, limited to the brand the request names, gets.</summary>
    public Access OwnTeam => EveryBrand ? Access.No403 : Access.Ok;

    /// <summary>Whether the request names one brand (its id, or an alert's), so a caller of another team must not find it.</summary>
    public bool PerBrand => OtherTeam == Access.No404;

    public Access For(PulseRole role) => role switch
    {
        PulseRole.Viewer => Viewer,
        PulseRole.Responder => Responder,
        PulseRole.Admin => Admin,
        PulseRole.Ingest => Ingest,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    /// <summary>Whether <paramref name="endpoint"/> ("METHOD /pattern") is this row; a row ending in '*' covers a prefix.</summary>
    public bool Covers(string endpoint) =>
        Endpoint.EndsWith('*') ? endpoint.StartsWith(Endpoint[..^1], StringComparison.Ordinal) : endpoint == Endpoint;
}

/// <summary>
/// Every endpoint × caller: the policy it carries (<see cref="AuthorizationCoverageTests"/>) and what each caller gets over
/// HTTP (<see cref="AuthorizationMatrixTests"/>), a caller of another team included. A new endpoint must get a row here (a
/// test fails until it does). Lists (overview, brands, alerts, keys, users) are Ok for another team: they answer, filtered.
/// </summary>
public static class AuthorizationTargets
{
    private const Access Ok = Access.Ok;
    private const Access No401 = Access.No401;
    private const Access No403 = Access.No403;
    private const Access No404 = Access.No404;
    private const bool EveryBrand = true;

    private const string Read = PulsePolicies.Read;
    private const string Respond = PulsePolicies.Respond;
    private const string Admin = PulsePolicies.Admin;
    private const string Ingest = PulsePolicies.Ingest;

    public static IReadOnlyList<AuthorizationTarget> All { get; } =
    [
        //  endpoint                                     policy             anon    viewer  resp    admin   ingest  team
        new("* /healthz",                                AuthorizationTarget.AnonymousPolicy, Ok, Ok, Ok, Ok, Ok, Ok),

        // The hub: WebSockets cannot send headers, so the key or cookie rides as access_token (plan: "Hub").
        new("* /hubs/pulse",                             Read,              No401,  Ok,     Ok,     Ok,     No403,  Ok),
        new("* /hubs/pulse/negotiate",                   Read,              No401,  Ok,     Ok,     Ok,     No403,  Ok),

        // Read API (dashboard).
        new("GET /api/channels",                         Read,              No401,  Ok,     Ok,     Ok,     No403,  Ok),
        new("GET /api/overview",                         Read,              No401,  Ok,     Ok,     Ok,     No403,  Ok),
        new("GET /api/brands/{id}/stats",                Read,              No401,  Ok,     Ok,     Ok,     No403,  No404),
        new("GET /api/brands/{id}/series",               Read,              No401,  Ok,     Ok,     Ok,     No403,  No404),
        new("GET /api/brands/{id}/mentions",             Read,              No401,  Ok,     Ok,     Ok,     No403,  No404),

        // Brands: a team-limited admin creates or replaces only brands of its list (403 naming its team, for existing and new
        // ids alike, so the refusal tells nothing), and deletes only those (404 otherwise, as an unknown brand).
        new("GET /api/brands/",                          Read,              No401,  Ok,     Ok,     Ok,     No403,  Ok),
        new("GET /api/brands/{id}",                      Read,              No401,  Ok,     Ok,     Ok,     No403,  No404),
        new("PUT /api/brands/{id}",                      Admin,             No401,  No403,  No403,  Ok,     No403,  No403),
        new("DELETE /api/brands/{id}",                   Admin,             No401,  No403,  No403,  Ok,     No403,  No404),
        // Import: a team-limited admin imports too, and gets each brand beyond its team rejected with the reason (200 or 400).
        new("POST /api/brands:import",                   Admin,             No401,  No403,  No403,  Ok,     No403,  Ok),

        // Alert settings (hold webhook secrets): reading them is still a viewer's (URLs are write-only already).
        new("GET /api/brands/{id}/alert-settings/",      Read,              No401,  Ok,     Ok,     Ok,     No403,  No404),
        new("PUT /api/brands/{id}/alert-settings/",      Admin,             No401,  No403,  No403,  Ok,     No403,  No404),
        new("GET /api/brands/{id}/annotations/",         Read,              No401,  Ok,     Ok,     Ok,     No403,  No404),
        new("GET /api/brands/{id}/report",               Read,              No401,  Ok,     Ok,     Ok,     No403,  No404),
        new("GET /api/brands/{id}/history",              Read,              No401,  Ok,     Ok,     Ok,     No403,  No404),
        // The weekly digest: a preview is a read; sending it now notifies the brand's webhooks, a responder's act as an ack is.
        new("GET /api/brands/{id}/digest",               Read,              No401,  Ok,     Ok,     Ok,     No403,  No404),
        new("POST /api/brands/{id}/digest/send",         Respond,           No401,  No403,  Ok,     Ok,     No403,  No404),
        new("POST /api/brands/{id}/annotations/",        Respond,           No401,  No403,  Ok,     Ok,     No403,  No404),
        new("DELETE /api/brands/{id}/annotations/{annotationId}", Respond,  No401,  No403,  Ok,     Ok,     No403,  No404),

        // Alerts and their workflow.
        new("GET /api/alerts/",                          Read,              No401,  Ok,     Ok,     Ok,     No403,  Ok),
        new("POST /api/alerts/{id}/ack",                 Respond,           No401,  No403,  Ok,     Ok,     No403,  No404),
        new("POST /api/alerts/{id}/resolve",             Respond,           No401,  No403,  Ok,     Ok,     No403,  No404),
        new("GET /api/data-gaps",                        Read,              No401,  Ok,     Ok,     Ok,     No403,  Ok),
        new("GET /api/mentions/search",                  Read,              No401,  Ok,     Ok,     Ok,     No403,  Ok),

        // Sources: a source holds a token and makes the server connect where it says, so changing one is an admin's act; an
        // admin of every brand's, as every brand's mentions come through it. Sources name channels, never brands: listed to all.
        new("GET /api/sources/",                         Read,              No401,  Ok,     Ok,     Ok,     No403,  Ok),
        new("GET /api/sources/{id}",                     Read,              No401,  Ok,     Ok,     Ok,     No403,  Ok),
        new("PUT /api/sources/{id}",                     Admin,             No401,  No403,  No403,  Ok,     No403,  No403,  EveryBrand),
        new("DELETE /api/sources/{id}",                  Admin,             No401,  No403,  No403,  Ok,     No403,  No403,  EveryBrand),

        // Ingest: collectors' ingest keys, and admin (one bootstrap key can feed a demo or a test); not a team-limited admin,
        // since every brand's query matches every mention.
        new("POST /api/mentions",                        Ingest,            No401,  No403,  No403,  Ok,     Ok,     No403,  EveryBrand),

        // Keys: a team-limited admin lists, creates and revokes only keys within its team (POST beyond it: 403 naming brands).
        new("GET /api/keys/",                            Admin,             No401,  No403,  No403,  Ok,     No403,  Ok),
        new("POST /api/keys/",                           Admin,             No401,  No403,  No403,  Ok,     No403,  Ok),
        new("DELETE /api/keys/{id}",                     Admin,             No401,  No403,  No403,  Ok,     No403,  Ok),

        // Sign-in (step 2): login, logout and the one-time link take no identity (login is rate limited per address);
        // /auth/me is the app's "who am I" (ingest keys have no business there); accounts are an admin's.
        new("POST /auth/login",                          AuthorizationTarget.AnonymousPolicy, Ok, Ok, Ok, Ok, Ok, Ok),
        new("POST /auth/logout",                         AuthorizationTarget.AnonymousPolicy, Ok, Ok, Ok, Ok, Ok, Ok),
        new("GET /auth/once",                            AuthorizationTarget.AnonymousPolicy, Ok, Ok, Ok, Ok, Ok, Ok),
        new("GET /auth/me",                              Read,              No401,  Ok,     Ok,     Ok,     No403,  Ok),
        // Single sign-on: the sign-in form's provider list and the start of a sign-in at the provider (rate limited; 404
        // problem where none is configured). The provider's answer, /signin-oidc, is the handler's middleware, no endpoint.
        new("GET /auth/providers",                       AuthorizationTarget.AnonymousPolicy, Ok, Ok, Ok, Ok, Ok, Ok),
        new("GET /auth/oidc",                            AuthorizationTarget.AnonymousPolicy, Ok, Ok, Ok, Ok, Ok, Ok),
        new("GET /api/users/",                           Admin,             No401,  No403,  No403,  Ok,     No403,  Ok),
        new("POST /api/users/",                          Admin,             No401,  No403,  No403,  Ok,     No403,  Ok),
        new("DELETE /api/users/{name}",                  Admin,             No401,  No403,  No403,  Ok,     No403,  Ok),

        // The audit log (step 5): who changed what in every team, who signed in and from where; an admin's of every brand.
        new("GET /api/audit",                            Admin,             No401,  No403,  No403,  Ok,     No403,  No403,  EveryBrand),

        // Orleans dashboard: admins of every brand (a key, or a signed-in admin's cookie); it has no authentication of its
        // own, and it lists every grain, brand grains by brand id.
        new("GET /orleans/*",                            Admin,             No401,  No403,  No403,  Ok,     No403,  No403,  EveryBrand),

        // Metrics for Prometheus: the same engineers (a scraper's admin key). Grain types, partitions and every brand's load
        // taken together are the cluster's, not one team's.
        new("* /metrics",                                Admin,             No401,  No403,  No403,  Ok,     No403,  No403,  EveryBrand),
    ];

    /// <summary>The row for <paramref name="endpoint"/>, or null if the matrix does not know it.</summary>
    public static AuthorizationTarget? Find(string endpoint) => All.FirstOrDefault(t => t.Covers(endpoint));
}
