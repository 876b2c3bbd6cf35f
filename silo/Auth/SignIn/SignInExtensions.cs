using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pulse.Silo.Auth.Oidc;
using Pulse.Silo.Auth.Users;
using Pulse.Silo.Cluster;
using StackExchange.Redis;

namespace Pulse.Silo.Auth.SignIn;

/// <summary>People signing in to the dashboard: accounts, the session cookie, anti-forgery and the first start's link.</summary>
public static class SignInExtensions
{
    /// <summary>
    /// The account and one-time token stores (Redis when the host has one, so every host of a cluster shares accounts,
    /// lockouts and links; memory otherwise, as for API keys), password checks, the anti-forgery token and the first
    /// start's sign-in link. The cookie scheme itself is added with the other schemes (<see cref="AddSessionCookie"/>).
    /// </summary>
    public static IServiceCollection AddPulseSignIn(this IServiceCollection services, RedisClusterOptions redis)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(redis);
        services.TryAddSingleton(TimeProvider.System);
        if (redis.Enabled)
        {
            // The multiplexer is registered by the cluster silo and the dashboard-only client when they have Redis.
            services.TryAddSingleton<IPulseUserStore>(sp => new RedisUserStore(sp.GetRequiredService<IConnectionMultiplexer>(), redis));
            services.TryAddSingleton<IOneTimeTokenStore>(sp => new RedisOneTimeTokenStore(sp.GetRequiredService<IConnectionMultiplexer>(), redis));
        }
        else
        {
            services.TryAddSingleton<IPulseUserStore, InMemoryUserStore>();
            services.TryAddSingleton<IOneTimeTokenStore, InMemoryOneTimeTokenStore>();
        }

        services.TryAddSingleton<UserPasswords>();
        services.TryAddSingleton<UserAccounts>();
        services.TryAddSingleton<PasswordSignIn>();
        services.TryAddSingleton<OneTimeSignInLinks>();
        services.TryAddSingleton<SignInConsole>();
        services.TryAddScoped<SessionCookieEvents>();
        services.AddHostedService<FirstStartSignInLink>();
        services.AddAntiforgery(ConfigureAntiforgery);
        return services;
    }

    /// <summary>The cookie scheme <see cref="PulseSchemes.Cookie"/> (<see cref="SessionCookie"/>).</summary>
    public static Microsoft.AspNetCore.Authentication.AuthenticationBuilder AddSessionCookie(this Microsoft.AspNetCore.Authentication.AuthenticationBuilder authentication)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        return authentication.AddCookie(PulseSchemes.Cookie, SessionCookie.Configure);
    }

    /// <summary>After authentication, before authorization: refuses cookie-authenticated writes without the token.</summary>
    public static IApplicationBuilder UsePulseAntiforgery(this IApplicationBuilder app) => app.UseMiddleware<CookieAntiforgery>();

    /// <summary><c>/auth/*</c> (single sign-on's included) and <c>/api/users</c>.</summary>
    public static IEndpointRouteBuilder MapPulseSignIn(this IEndpointRouteBuilder app) => app.MapSignInApi().MapSingleSignOnApi().MapUsersApi();

    private static void ConfigureAntiforgery(AntiforgeryOptions options)
    {
        options.HeaderName = CookieAntiforgery.HeaderName;
        options.Cookie.Name = "pulse_xsrf";
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        options.SuppressXFrameOptionsHeader = true; // the security headers already send DENY
    }
}
