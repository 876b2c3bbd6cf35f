using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Pulse.Silo.Auth.Oidc;

/// <summary>Single sign-on through an OpenID Connect provider, when <c>Pulse:Auth:Oidc:Authority</c> is set.</summary>
public static class SingleSignOnExtensions
{
    /// <summary>
    /// Options ("Pulse:Auth:Oidc", validated at start) always, so <c>/auth/providers</c> can answer; the
    /// <see cref="PulseSchemes.Oidc"/> scheme only when an authority is configured (the handler refuses to run without a
    /// client id, and would break every request). The code flow with PKCE, the answer posted back (form_post), the session
    /// cookie as its sign-in scheme, and no provider tokens kept.
    /// </summary>
    public static IServiceCollection AddPulseSingleSignOn(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OidcOptions>().BindConfiguration(OidcOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OidcOptions>, OidcOptionsValidator>());
        if (!(configuration.GetSection(OidcOptions.Section).Get<OidcOptions>()?.Enabled ?? false))
        {
            return services;
        }

        services.TryAddSingleton(sp => new OidcRoleMap(sp.GetRequiredService<IOptions<OidcOptions>>().Value.Roles));
        services.TryAddScoped<OidcEvents>();
        services.AddAuthentication().AddOpenIdConnect(PulseSchemes.Oidc, "Single sign-on", _ => { });
        services.AddOptions<OpenIdConnectOptions>(PulseSchemes.Oidc).Configure<IOptions<OidcOptions>>((o, pulse) => Configure(o, pulse.Value));
        return services;
    }

    private static void Configure(OpenIdConnectOptions o, OidcOptions pulse)
    {
        o.Authority = pulse.Authority;
        o.ClientId = pulse.ClientId;
        o.ClientSecret = pulse.ResolveClientSecret();
        o.RequireHttpsMetadata = pulse.RequireHttpsMetadata;
        o.ResponseType = OpenIdConnectResponseType.Code;
        o.ResponseMode = OpenIdConnectResponseMode.FormPost;
        o.UsePkce = true;
        o.SignInScheme = PulseSchemes.Cookie;
        o.SaveTokens = false; // the session needs none, and they would swell the cookie and outlive their purpose
        o.GetClaimsFromUserInfoEndpoint = pulse.GetClaimsFromUserInfoEndpoint;
        // The token's own claim names ("sub", "roles", "groups"), as RoleClaim names them, not WS-Federation URIs.
        o.MapInboundClaims = false;
        o.Scope.Clear();
        o.Scope.Add("openid");
        o.Scope.Add("profile");
        o.Scope.Add("email");
        o.EventsType = typeof(OidcEvents);
    }
}
