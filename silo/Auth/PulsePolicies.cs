namespace Pulse.Silo.Auth;

/// <summary>
/// The authorization policies endpoints opt into with <c>RequireAuthorization</c>, one per kind of act rather than per
/// role, so an endpoint says what it does and <see cref="PulseAuthorizationExtensions"/> says who may.
/// </summary>
public static class PulsePolicies
{
    /// <summary>Read APIs and the hub: viewer, responder, admin.</summary>
    public const string Read = "pulse:read";

    /// <summary>Acknowledge, resolve, notes: responder, admin.</summary>
    public const string Respond = "pulse:respond";

    /// <summary>Brands, sources, alert settings, webhooks, keys, users: admin.</summary>
    public const string Admin = "pulse:admin";

    /// <summary>
    /// <c>POST /api/mentions</c>: ingest, and admin too, so one bootstrap admin key can feed a demo or a test without a
    /// second key (a decision to revisit if operators want admin keys kept off collectors).
    /// </summary>
    public const string Ingest = "pulse:ingest";

    /// <summary>
    /// Acts on what all brands share (sources, ingest, the Orleans dashboard, which shows every grain): a caller not
    /// limited to some brands (no <see cref="PulseClaims.Brand"/> claim). Added beside a role policy, never alone.
    /// </summary>
    public const string EveryBrand = "pulse:every-brand";

    /// <summary>The role policies (<see cref="RolesFor"/>); <see cref="EveryBrand"/> is not one.</summary>
    public static IReadOnlyList<string> All { get; } = [Read, Respond, Admin, Ingest];

    /// <summary>The roles each policy admits.</summary>
    public static IReadOnlyList<PulseRole> RolesFor(string policy) => policy switch
    {
        Read => [PulseRole.Viewer, PulseRole.Responder, PulseRole.Admin],
        Respond => [PulseRole.Responder, PulseRole.Admin],
        Admin => [PulseRole.Admin],
        Ingest => [PulseRole.Ingest, PulseRole.Admin],
        _ => throw new ArgumentOutOfRangeException(nameof(policy), policy, "Unknown policy."),
    };
}
