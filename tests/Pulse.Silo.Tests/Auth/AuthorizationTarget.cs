using Pulse.Silo.Auth;

namespace Pulse.Silo.Tests.Auth;

/// <summary>What a caller gets from an endpoint, as far as authorization goes.</summary>
public enum Access
{
    /// <summary>Past authorization: the endpoint's own answer (200, 201, 400, 404…).</summary>
    Ok,

    /// <summary>401 problem+json: no identity, or a wrong or revoked key.</summary>
    No401,

    /// <summary>403 problem+json: known, but the role may not.</summary>
    No403,
}

/// <summary>One endpoint's target: the policy it must carry and what each caller gets.</summary>
public sealed record AuthorizationTarget(string Endpoint, string Policy, Access Anonymous, Access Viewer, Access Responder, Access Admin, Access Ingest)
{
    /// <summary>An endpoint open to everyone, e.g. /healthz for load balancers.</summary>
    public const string AnonymousPolicy = "anonymous";

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
/// HTTP (<see cref="AuthorizationMatrixTests"/>). A new endpoint must get a row here (a test fails until it does).
/// </summary>
public static class AuthorizationTargets
{
    private const Access Ok = Access.Ok;
    private const Access No401 = Access.No401;
    private const Access No403 = Access.No403;

    private const string Read = PulsePolicies.Read;
    private const string Respond = PulsePolicies.Respond;
    private const string Admin = PulsePolicies.Admin;
    private const string Ingest = PulsePolicies.Ingest;

    public static IReadOnlyList<AuthorizationTarget> All { get; } =
    [
        //  endpoint                                     policy             anon    viewer  resp    admin   ingest
        new("* /healthz",                                AuthorizationTarget.AnonymousPolicy, Ok, Ok, Ok, Ok, Ok),

        // The hub: WebSockets cannot send headers, so the key or cookie rides as access_token (plan: "Hub").
        new("* /hubs/pulse",                             Read,              No401,  Ok,     Ok,     Ok,     No403),
        new("* /hubs/pulse/negotiate",                   Read,              No401,  Ok,     Ok,     Ok,     No403),

        // Read API (dashboard).
        new("GET /api/channels",                         Read,              No401,  Ok,     Ok,     Ok,     No403),
        new("GET /api/overview",                         Read,              No401,  Ok,     Ok,     Ok,     No403),
        new("GET /api/brands/{id}/stats",                Read,              No401,  Ok,     Ok,     Ok,     No403),
        new("GET /api/brands/{id}/series",               Read,              No401,  Ok,     Ok,     Ok,     No403),
        new("GET /api/brands/{id}/mentions",             Read,              No401,  Ok,     Ok,     Ok,     No403),

        // Brands.
        new("GET /api/brands/",                          Read,              No401,  Ok,     Ok,     Ok,     No403),
        new("GET /api/brands/{id}",                      Read,              No401,  Ok,     Ok,     Ok,     No403),
        new("PUT /api/brands/{id}",                      Admin,             No401,  No403,  No403,  Ok,     No403),
        new("DELETE /api/brands/{id}",                   Admin,             No401,  No403,  No403,  Ok,     No403),

        // Alert settings (hold webhook secrets): reading them is still a viewer's (URLs are write-only already).
        new("GET /api/brands/{id}/alert-settings/",      Read,              No401,  Ok,     Ok,     Ok,     No403),
        new("PUT /api/brands/{id}/alert-settings/",      Admin,             No401,  No403,  No403,  Ok,     No403),

        // Alerts and their workflow.
        new("GET /api/alerts/",                          Read,              No401,  Ok,     Ok,     Ok,     No403),
        new("POST /api/alerts/{id}/ack",                 Respond,           No401,  No403,  Ok,     Ok,     No403),
        new("POST /api/alerts/{id}/resolve",             Respond,           No401,  No403,  Ok,     Ok,     No403),
        new("GET /api/data-gaps",                        Read,              No401,  Ok,     Ok,     Ok,     No403),

        // Sources: a source holds a token and makes the server connect where it says, so changing one is an admin's act.
        new("GET /api/sources/",                         Read,              No401,  Ok,     Ok,     Ok,     No403),
        new("GET /api/sources/{id}",                     Read,              No401,  Ok,     Ok,     Ok,     No403),
        new("PUT /api/sources/{id}",                     Admin,             No401,  No403,  No403,  Ok,     No403),
        new("DELETE /api/sources/{id}",                  Admin,             No401,  No403,  No403,  Ok,     No403),

        // Ingest: collectors' ingest keys, and admin (one bootstrap key can feed a demo or a test).
        new("POST /api/mentions",                        Ingest,            No401,  No403,  No403,  Ok,     Ok),

        // Keys.
        new("GET /api/keys/",                            Admin,             No401,  No403,  No403,  Ok,     No403),
        new("POST /api/keys/",                           Admin,             No401,  No403,  No403,  Ok,     No403),
        new("DELETE /api/keys/{id}",                     Admin,             No401,  No403,  No403,  Ok,     No403),

        // Sign-in (step 2): login, logout and the one-time link take no identity (login is rate limited per address);
        // /auth/me is the app's "who am I" (ingest keys have no business there); accounts are an admin's.
        new("POST /auth/login",                          AuthorizationTarget.AnonymousPolicy, Ok, Ok, Ok, Ok, Ok),
        new("POST /auth/logout",                         AuthorizationTarget.AnonymousPolicy, Ok, Ok, Ok, Ok, Ok),
        new("GET /auth/once",                            AuthorizationTarget.AnonymousPolicy, Ok, Ok, Ok, Ok, Ok),
        new("GET /auth/me",                              Read,              No401,  Ok,     Ok,     Ok,     No403),
        // Single sign-on: the sign-in form's provider list and the start of a sign-in at the provider (rate limited; 404
        // problem where none is configured). The provider's answer, /signin-oidc, is the handler's middleware, no endpoint.
        new("GET /auth/providers",                       AuthorizationTarget.AnonymousPolicy, Ok, Ok, Ok, Ok, Ok),
        new("GET /auth/oidc",                            AuthorizationTarget.AnonymousPolicy, Ok, Ok, Ok, Ok, Ok),
        new("GET /api/users/",                           Admin,             No401,  No403,  No403,  Ok,     No403),
        new("POST /api/users/",                          Admin,             No401,  No403,  No403,  Ok,     No403),
        new("DELETE /api/users/{name}",                  Admin,             No401,  No403,  No403,  Ok,     No403),

        // The audit log (step 5): who changed what, who signed in and from where; an admin's.
        new("GET /api/audit",                            Admin,             No401,  No403,  No403,  Ok,     No403),

        // Orleans dashboard: admins (a key, or a signed-in admin's cookie); it has no authentication of its own.
        new("GET /orleans/*",                            Admin,             No401,  No403,  No403,  Ok,     No403),
    ];

    /// <summary>The row for <paramref name="endpoint"/>, or null if the matrix does not know it.</summary>
    public static AuthorizationTarget? Find(string endpoint) => All.FirstOrDefault(t => t.Covers(endpoint));
}
