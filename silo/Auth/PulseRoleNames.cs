namespace Pulse.Silo.Auth;

/// <summary>
/// The roles' names at the edges (JSON, role claims, Redis): lower case, as README and CONTRACT spell them. Inside,
/// code uses <see cref="PulseRole"/>.
/// </summary>
public static class PulseRoleNames
{
    public const string Viewer = "viewer";
    public const string Responder = "responder";
    public const string Admin = "admin";
    public const string Ingest = "ingest";

    public static IReadOnlyList<string> All { get; } = [Viewer, Responder, Admin, Ingest];

    public static string Of(PulseRole role) => role switch
    {
        PulseRole.Viewer => Viewer,
        PulseRole.Responder => Responder,
        PulseRole.Admin => Admin,
        PulseRole.Ingest => Ingest,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role."),
    };

    public static bool TryParse(string? name, out PulseRole role)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case Viewer: role = PulseRole.Viewer; return true;
            case Responder: role = PulseRole.Responder; return true;
            case Admin: role = PulseRole.Admin; return true;
            case Ingest: role = PulseRole.Ingest; return true;
            default: role = default; return false;
        }
    }
}
