using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pulse.Dashboard.Hubs;
using Pulse.Silo.Auth.Keys;
using Pulse.Dashboard.Teams;
using Pulse.Silo.Auth.SignIn;
using Pulse.Silo.Auth.Teams;
using Pulse.Silo.Cluster;
using StackExchange.Redis;

namespace Pulse.Silo.Auth;

/// <summary>Who is calling (the "ApiKey" scheme) and what they may do (<see cref="PulsePolicies"/>).</summary>
public static class PulseAuthorizationExtensions
{
    /// <summary>
    /// Options ("Pulse:Auth", validated at start), the key store (Redis when the host has one, so all hosts of a cluster
    /// share keys; memory otherwise), sign-in (<see cref="SignInExtensions.AddPulseSignIn"/>), the schemes
    /// (<see cref="PulseSchemes"/>), one policy per <see cref="PulsePolicies"/> name, a fallback policy that needs an
    /// authenticated caller wherever an endpoint names none, and teams: <see cref="ClaimsBrandVisibility"/> replaces the
    /// dashboard's every-brand default, so the hub and read APIs see each caller's brand claims.
    /// </summary>
    public static IServiceCollection AddPulseAuthorization(this IServiceCollection services, RedisClusterOptions redis)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(redis);
        services.AddOptions<PulseAuthOptions>().BindConfiguration(PulseAuthOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PulseAuthOptions>, PulseAuthOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<BootstrapAdminKey>();
        if (redis.Enabled)
        {
            // The multiplexer is registered by the cluster silo and the dashboard-only client when they have Redis.
            services.TryAddSingleton<IApiKeyStore>(sp => new RedisApiKeyStore(sp.GetRequiredService<IConnectionMultiplexer>(), redis));
        }
        else
        {
            services.TryAddSingleton<IApiKeyStore, InMemoryApiKeyStore>();
        }

        services.AddPulseKeyRing(redis);
        services.AddPulseSignIn(redis);
        // Replaces the dashboard's keep-everyone default, whichever of the two is added first.
        services.TryAddSingleton<CurrentCallers>();
        services.Replace(ServiceDescriptor.Singleton<IHubCallerCheck>(sp => sp.GetRequiredService<CurrentCallers>()));
        services.Replace(ServiceDescriptor.Singleton<IBrandVisibility, ClaimsBrandVisibility>());
        services.AddAuthentication(PulseSchemes.Default)
            .AddPolicyScheme(PulseSchemes.Default, "Pulse", o => o.ForwardDefaultSelector = PulseSchemes.For)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(PulseSchemes.ApiKey, null)
            .AddSessionCookie();

        // An endpoint someone forgot to give a policy is closed, not open: it needs at least a signed-in caller.
        var policies = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(PulseSchemes.Default).RequireAuthenticatedUser().Build());
        foreach (var name in PulsePolicies.All)
        {
            policies.AddPolicy(name, policy => policy
                .AddAuthenticationSchemes(PulseSchemes.Default)
                .RequireAuthenticatedUser()
                .RequireRole(PulsePolicies.RolesFor(name).Select(PulseRoleNames.Of)));
        }

        policies.AddPolicy(PulsePolicies.EveryBrand, policy => policy
            .AddAuthenticationSchemes(PulseSchemes.Default)
            .RequireAuthenticatedUser()
            .RequireAssertion(context => !context.User.HasClaim(c => c.Type == PulseClaims.Brand)));

        return services;
    }
}
