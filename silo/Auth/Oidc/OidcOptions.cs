namespace Pulse.Silo.Auth.Oidc;

/// <summary>
/// Single sign-on through an OpenID Connect provider (section "Pulse:Auth:Oidc", env <c>Pulse__Auth__Oidc__...</c>),
/// on when <see cref="Authority"/> is set; validated at start (<see cref="OidcOptionsValidator"/>).
/// </summary>
public sealed class OidcOptions
{
    public const string Section = "Pulse:Auth:Oidc";

    /// <summary>The provider's issuer URL (its discovery document is at <c>/.well-known/openid-configuration</c> under it).</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>The client secret, from the environment or a secrets store; the command line refuses it (process list).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>A file holding the client secret (a mounted secret); instead of <see cref="ClientSecret"/>.</summary>
    public string? ClientSecretFile { get; set; }

    /// <summary>The claim holding the person's roles or groups: "roles" (Entra app roles, Keycloak with a mapper) or "groups".</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>
    /// Claim value → Pulse role name (viewer, responder, admin), e.g. <c>Roles:pulse-admins=admin</c>. A person whose
    /// claim values map to none is refused; several map to the highest.
    /// </summary>
    public Dictionary<string, string> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The sign-in button's label in the dashboard.</summary>
    public string DisplayName { get; set; } = "Sign in with single sign-on";

    /// <summary>Off only for a provider on plain HTTP in development or tests; it must be set explicitly.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Also read the userinfo endpoint, for providers that keep names or roles out of the id_token.</summary>
    public bool GetClaimsFromUserInfoEndpoint { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    /// <summary><see cref="ClientSecret"/>, or the contents of <see cref="ClientSecretFile"/>; a clear error when both are set or the file cannot be read.</summary>
    public string? ResolveClientSecret()
    {
        if (string.IsNullOrEmpty(ClientSecretFile))
        {
            return string.IsNullOrEmpty(ClientSecret) ? null : ClientSecret;
        }

        if (!string.IsNullOrEmpty(ClientSecret))
        {
            throw new InvalidOperationException($"Set {Section}:ClientSecret or {Section}:ClientSecretFile, not both.");
        }

        try
        {
            return File.ReadAllText(ClientSecretFile).TrimEnd('\r', '\n');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{Section}:ClientSecretFile '{ClientSecretFile}' cannot be read: {ex.Message}", ex);
        }
    }

    public override string ToString() =>
        $"Authority={Authority ?? "(none)"}, ClientId={ClientId ?? "(none)"}, ClientSecret={(string.IsNullOrEmpty(ClientSecret) ? "(none)" : "***")}, ClientSecretFile={ClientSecretFile ?? "(none)"}";
}
