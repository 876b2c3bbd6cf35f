namespace Pulse.Silo.Auth;

/// <summary>Identity settings (section "Pulse:Auth", env <c>Pulse__Auth__...</c>), validated at start.</summary>
public sealed class PulseAuthOptions
{
    public const string Section = "Pulse:Auth";

    /// <summary>Shortest bootstrap key accepted: 32 characters is 192 bits even as hex, out of reach of guessing.</summary>
    public const int MinAdminKeyLength = 32;

    /// <summary>
    /// A bootstrap admin API key, so a fresh deployment can create the keys it needs (<c>POST /api/keys</c>). Never stored:
    /// it is compared by hash on each request and stops working when removed from configuration.
    /// </summary>
    public string? AdminKey { get; set; }

    public override string ToString() => $"AdminKey={(string.IsNullOrEmpty(AdminKey) ? "(none)" : "***")}";
}
