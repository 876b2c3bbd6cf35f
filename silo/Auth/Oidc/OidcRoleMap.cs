namespace Pulse.Silo.Auth.Oidc;

/// <summary>
/// The provider's role or group claim values → one Pulse role (<see cref="OidcOptions.Roles"/>). Several mapped values
/// give the highest (admin over responder over viewer), as a person in both "pulse-viewers" and "pulse-admins" expects;
/// none gives null, and the sign-in is refused.
/// </summary>
public sealed class OidcRoleMap
{
    /// <summary>The roles a person can hold, lowest first (ingest is a collector key's).</summary>
    public static IReadOnlyList<PulseRole> PersonRoles { get; } = [PulseRole.Viewer, PulseRole.Responder, PulseRole.Admin];

    private readonly Dictionary<string, PulseRole> _map;

    /// <param name="map">Claim value → role name, as configured; values the validator accepted.</param>
    public OidcRoleMap(IReadOnlyDictionary<string, string> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        // Ordinal: "Pulse-Admins" is another group than "pulse-admins" to a provider that tells them apart.
        _map = new Dictionary<string, PulseRole>(StringComparer.Ordinal);
        foreach (var (value, name) in map)
        {
            if (PulseRoleNames.TryParse(name, out var role) && PersonRoles.Contains(role))
            {
                _map[value] = role;
            }
        }
    }

    /// <summary>The highest role <paramref name="claimValues"/> map to, or null when none does.</summary>
    public PulseRole? RoleOf(IEnumerable<string> claimValues)
    {
        ArgumentNullException.ThrowIfNull(claimValues);
        var best = -1;
        foreach (var value in claimValues)
        {
            if (_map.TryGetValue(value, out var role))
            {
                best = Math.Max(best, Rank(role));
            }
        }

        return best < 0 ? null : PersonRoles[best];
    }

    private static int Rank(PulseRole role) => role switch
    {
        PulseRole.Viewer => 0,
        PulseRole.Responder => 1,
        PulseRole.Admin => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Not a person's role."),
    };
}
