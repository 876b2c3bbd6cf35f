using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Pulse.Silo.RateLimits;

namespace Pulse.Silo.Auth.Oidc;

/// <summary>
/// <c>GET /auth/providers</c>: the sign-in form's "Sign in with …" buttons; <c>GET /auth/oidc</c>: the button's target,
/// which sends the browser to the provider. Both are mapped whether or not single sign-on is configured, so the app
/// asks one question and the authorization matrix covers them on every host.
/// </summary>
public static class SingleSignOnApi
{
    public const string Providers = "/auth/providers";
    public const string Start = "/auth/oidc";

    public static IEndpointRouteBuilder MapSingleSignOnApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Providers, ProvidersOf).WithTags("Sign-in").WithName("SignInProviders").AllowAnonymous();
        // Rate limited like the password sign-in: each call sets correlation cookies and, at the provider, starts a sign-in.
        app.MapGet(Start, StartAsync).WithTags("Sign-in").WithName("SingleSignOn").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.SignIn);
        return app;
    }

    private static Ok<IReadOnlyList<SignInProvider>> ProvidersOf(IOptions<OidcOptions> options) =>
        TypedResults.Ok<IReadOnlyList<SignInProvider>>(options.Value.Enabled
            ? [new SignInProvider(PulseSchemes.Oidc, options.Value.DisplayName, Start)]
            : []);

    /// <summary>Always back to the app's root: a caller-chosen return address would make this an open redirect.</summary>
    private static Results<ChallengeHttpResult, ProblemHttpResult> StartAsync(IOptions<OidcOptions> options) =>
        options.Value.Enabled
            ? TypedResults.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [PulseSchemes.Oidc])
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Single sign-on is not configured",
                detail: $"Set {OidcOptions.Section}:Authority, ClientId, ClientSecret (or ClientSecretFile) and Roles to sign in through an OpenID Connect provider; until then, sign in with POST /auth/login.");
}
