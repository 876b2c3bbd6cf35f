using System.Security.Claims;
using Microsoft.Extensions.Options;
using Pulse.Silo.Auth;
using Pulse.Silo.Auth.Keys;
using Pulse.Silo.Auth.Oidc;
using Pulse.Silo.Auth.Users;
using Pulse.Silo.Cli;

namespace Pulse.Silo.Tests.Auth.Oidc;

/// <summary>Pulse:Auth:Oidc is checked at start; the role map; the secret stays off the command line.</summary>
public sealed class OidcOptionsTests
{
    private static OidcOptions Valid() => new()
    {
        Authority = "https://login.example.com/tenant/v2.0",
        ClientId = "pulse",
        ClientSecret = "s3cret-from-the-environment",
        Roles = new(StringComparer.OrdinalIgnoreCase) { ["pulse-admins"] = "admin" },
    };

    private static ValidateOptionsResult Validate(OidcOptions options) => new OidcOptionsValidator().Validate(null, options);

    [Fact]
    public void A_complete_configuration_and_none_at_all_are_valid()
    {
        Assert.True(Validate(Valid()).Succeeded);
        Assert.True(Validate(new OidcOptions()).Succeeded);
    }

    [Fact]
    public void A_missing_client_id_fails_naming_it()
    {
        var options = Valid();
        options.ClientId = null;

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains("Pulse:Auth:Oidc:ClientId", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("superuser")]
    public void A_role_map_to_ingest_or_an_unknown_role_fails_naming_the_entry(string role)
    {
        var options = Valid();
        options.Roles["collectors"] = role;

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains($"Pulse:Auth:Oidc:Roles:collectors is '{role}'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_role_map_fails_since_nobody_could_sign_in()
    {
        var options = Valid();
        options.Roles.Clear();

        Assert.Contains("Pulse:Auth:Oidc:Roles", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_http_authority_needs_require_https_metadata_off_explicitly()
    {
        var options = Valid();
        options.Authority = "http://127.0.0.1:8080/realms/pulse";

        Assert.Contains("RequireHttpsMetadata=false", Validate(options).FailureMessage, StringComparison.Ordinal);
        options.RequireHttpsMetadata = false;
        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void The_secret_is_required_once_from_the_setting_or_a_readable_file()
    {
        var options = Valid();
        options.ClientSecret = null;
        Assert.Contains("ClientSecret", Validate(options).FailureMessage, StringComparison.Ordinal);

        options.ClientSecretFile = Path.Combine(Path.GetTempPath(), $"no-such-secret-{Guid.NewGuid():N}");
        Assert.Contains("cannot be read", Validate(options).FailureMessage, StringComparison.Ordinal);

        options.ClientSecret = "both";
        Assert.Contains("not both", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Pulse:Auth:Oidc:ClientSecret=s3cret")]
    [InlineData("--pulse:auth:oidc:clientsecret")]
    [InlineData("/Pulse:Auth:Oidc:ClientSecret=s3cret")]
    public void The_client_secret_is_refused_on_the_command_line(string argument)
    {
        var refused = Assert.Throws<ArgumentException>(() => ServeArguments.ToConfiguration([argument, "s3cret"]));

        Assert.Contains("ClientSecretFile", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["--Pulse:Auth:Oidc:ClientSecretFile=/run/secrets/oidc"], ServeArguments.ToConfiguration(["--Pulse:Auth:Oidc:ClientSecretFile=/run/secrets/oidc"]));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_host_with_an_authority_but_no_client_id_does_not_start()
    {
        var failure = await HostStart.FailsAsync("--Pulse:Auth:Oidc:Authority=https://login.example.com/tenant/v2.0", "--Pulse:Auth:Oidc:Roles:pulse-admins=admin");

        Assert.Contains("Pulse:Auth:Oidc:ClientId", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_role_map_gives_the_highest_mapped_role_matching_values_exactly()
    {
        var map = new OidcRoleMap(new Dictionary<string, string> { ["viewers"] = "viewer", ["responders"] = "Responder", ["admins"] = "admin" });

        Assert.Equal(PulseRole.Admin, map.RoleOf(["viewers", "admins", "responders"]));
        Assert.Equal(PulseRole.Responder, map.RoleOf(["other", "responders", "viewers"]));
        Assert.Null(map.RoleOf(["other", "Admins"]));
        Assert.Null(map.RoleOf([]));
    }

    [Fact]
    public void The_provider_subject_becomes_an_issuer_scoped_id_with_the_best_name_there_is()
    {
        var map = new OidcRoleMap(new Dictionary<string, string> { ["g1"] = "viewer" });
        var provided = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", "abc"), new Claim("iss", "https://idp.example"), new Claim("preferred_username", "ann@example.com"), new Claim("roles", "g1")], "oidc"));

        var person = OidcPerson.From(provided, "roles", map);

        Assert.Equal(new OidcPerson("oidc:https://idp.example|abc", "ann@example.com", PulseRole.Viewer), person);
        Assert.Null(OidcPerson.From(new ClaimsPrincipal(new ClaimsIdentity([new Claim("name", "no subject")], "oidc")), "roles", map));
    }

    [Fact]
    public async Task The_hub_recheck_keeps_a_single_sign_on_caller_current()
    {
        var callers = new CurrentCallers(new InMemoryApiKeyStore(), new InMemoryUserStore());
        var person = new OidcPerson("oidc:https://idp.example|abc", "Ann", PulseRole.Viewer).Principal(PulseRole.Viewer);

        Assert.True(await callers.IsCurrentAsync(person, CancellationToken.None));
    }
}
