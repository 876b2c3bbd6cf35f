using Microsoft.Extensions.Options;

namespace Pulse.Silo.Auth.Oidc;

/// <summary>
/// A half-configured single sign-on stops the start, naming the setting, rather than failing at the first sign-in or
/// letting people in with a role nobody meant to give them.
/// </summary>
internal sealed class OidcOptionsValidator : IValidateOptions<OidcOptions>
{
    private const string S = OidcOptions.Section;

    public ValidateOptionsResult Validate(string? name, OidcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            failures.Add($"{S}:Authority '{options.Authority}' is not an absolute http(s) URL (the provider's issuer, e.g. https://login.microsoftonline.com/<tenant>/v2.0).");
        }
        else if (authority.Scheme == "http" && options.RequireHttpsMetadata)
        {
            // The discovery document names the keys id_tokens are checked with, and the token request carries the
            // client secret: over plain HTTP anyone on the path could read the one and swap the other.
            failures.Add($"{S}:Authority must use https; for a provider on plain HTTP in development or tests set {S}:RequireHttpsMetadata=false explicitly.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{S}:ClientId is required (the application (client) id registered with the provider).");
        }

        failures.AddRange(SecretFailures(options));
        if (string.IsNullOrWhiteSpace(options.RoleClaim))
        {
            failures.Add($"{S}:RoleClaim is empty; name the claim holding roles or groups (\"roles\" or \"groups\").");
        }

        if (options.Roles.Count == 0)
        {
            failures.Add($"{S}:Roles maps no claim value to a role, so nobody could sign in; add e.g. {S}:Roles:pulse-admins=admin.");
        }

        foreach (var (value, role) in options.Roles)
        {
            if (!PulseRoleNames.TryParse(role, out var parsed) || !OidcRoleMap.PersonRoles.Contains(parsed))
            {
                failures.Add($"{S}:Roles:{value} is '{role}'; a person's role is viewer, responder or admin (ingest is for collectors' keys).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> SecretFailures(OidcOptions options)
    {
        string? secret;
        try
        {
            secret = options.ResolveClientSecret();
        }
        catch (InvalidOperationException ex)
        {
            return [ex.Message];
        }

        return string.IsNullOrEmpty(secret)
            ? [$"{S}:ClientSecret (environment: Pulse__Auth__Oidc__ClientSecret) or {S}:ClientSecretFile is required: Pulse signs in as a confidential client."]
            : [];
    }
}
