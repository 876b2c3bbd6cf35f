namespace Pulse.Silo.RateLimits;

/// <summary>Names of the rate-limit policies endpoints opt into with <c>RequireRateLimiting</c>.</summary>
public static class RateLimitPolicies
{
    /// <summary><c>POST /api/mentions</c>: a token bucket per client, and all clients together a concurrency limit.</summary>
    public const string Ingest = "ingest";

    /// <summary>Every PUT, POST and DELETE that changes configuration or alerts: a token bucket per client.</summary>
    public const string Writes = "writes";

    /// <summary>
    /// <c>POST /auth/login</c> and <c>GET /auth/once</c>: a token bucket per client address, refilled per minute, so
    /// one address cannot spray passwords across many accounts (each account also locks itself, UserLockout).
    /// </summary>
    public const string SignIn = "sign-in";
}
