using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Pulse.Silo.Auth.Users;

namespace Pulse.Silo.Auth.SignIn;

/// <summary>The dashboard's session: the cookie's settings and the principal it carries.</summary>
public static class SessionCookie
{
    public const string Name = "pulse_session";

    /// <summary>
    /// Sliding: a war-room shift is about 8 hours, so a person watching the wall is not signed out mid-incident, while a
    /// browser left alone overnight is. Renewed on use once past half its life (the cookie handler's rule).
    /// </summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);

    /// <summary>
    /// The one-time link's session: long enough to create the first accounts, not renewed, so the first-start
    /// credential does not outlive its purpose.
    /// </summary>
    public static readonly TimeSpan SetupLifetime = TimeSpan.FromHours(1);

    /// <summary>
    /// A single sign-on session (<see cref="PulseClaims.OidcKind"/>): a shift, not renewed. Its role came from the
    /// provider at sign-in and nothing local can re-check it, so this bounds how long a change at the provider (a removed
    /// group, a disabled account) takes to reach Pulse.
    /// </summary>
    public static readonly TimeSpan SingleSignOnLifetime = TimeSpan.FromHours(8);

    internal static void Configure(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = Name;
        options.Cookie.HttpOnly = true; // script (an injected one included) never reads the session
        options.Cookie.SameSite = SameSiteMode.Strict; // no other site's page, link or form carries it
        // Secure whenever the request came over HTTPS; plain HTTP on localhost (the embedded default) still works.
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.IsEssential = true;
        options.ExpireTimeSpan = IdleTimeout;
        options.SlidingExpiration = true;
        options.EventsType = typeof(SessionCookieEvents);
    }

    /// <summary>
    /// The principal of a signed-in person: the shape of every Pulse identity (<see cref="PulseClaims"/>), with the
    /// account's brands (its team; none: every brand).
    /// </summary>
    public static System.Security.Claims.ClaimsPrincipal Principal(string name, PulseRole role, IEnumerable<string> brands) =>
        PulseClaims.Principal(PulseSchemes.Cookie, PulseClaims.UserKind, "user:" + name, name, role, brands);

    /// <summary>Signs <paramref name="user"/> in: a session cookie (none kept across a browser restart), sliding 8 hours.</summary>
    public static Task SignInAsync(HttpContext context, PulseUser user)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(user);
        return context.SignInAsync(PulseSchemes.Cookie, Principal(user.Name, user.Role, user.Brands), new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>
    /// The one-time link's admin session of every brand (it exists to create the first accounts, teams included), named
    /// <see cref="UserNames.Setup"/>, ending after <see cref="SetupLifetime"/>.
    /// </summary>
    public static Task SignInSetupAsync(HttpContext context, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(clock);
        return context.SignInAsync(PulseSchemes.Cookie, Principal(UserNames.Setup, PulseRole.Admin, []), new AuthenticationProperties
        {
            IsPersistent = false,
            AllowRefresh = false,
            ExpiresUtc = clock.GetUtcNow() + SetupLifetime,
        });
    }
}
