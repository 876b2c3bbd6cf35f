using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Silo.Audit;
using Pulse.Silo.Auth.Users;
using Pulse.Silo.Hosting;
using Pulse.Silo.RateLimits;

namespace Pulse.Silo.Auth.SignIn;

/// <summary>
/// The dashboard's sign-in: <c>POST /auth/login</c>, <c>POST /auth/logout</c>, <c>GET /auth/me</c> and the first
/// start's <c>GET /auth/once?token=</c>. Wrong name and wrong password answer alike (401), so the answer does not tell
/// which names exist; a locked account answers 429 with Retry-After.
/// </summary>
public static class SignInApi
{
    public const string Login = "/auth/login";
    public const string Logout = "/auth/logout";
    public const string Me = "/auth/me";

    public static IEndpointRouteBuilder MapSignInApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var auth = app.MapGroup("/auth").WithTags("Sign-in");
        // Login takes JSON only: a cross-site HTML form cannot send it without a CORS preflight Pulse never grants, so
        // no other site can sign a browser in as someone else (login CSRF) before a session, and its token, exist.
        auth.MapPost("/login", LoginAsync).WithName("SignIn").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.SignIn);
        auth.MapPost("/logout", LogoutAsync).WithName("SignOut").AllowAnonymous();
        auth.MapGet("/me", GetMe).WithName("Me").RequireAuthorization(PulsePolicies.Read);
        auth.MapGet("/once", OnceAsync).WithName("SignInOnce").AllowAnonymous().RequireRateLimiting(RateLimitPolicies.SignIn);
        return app;
    }

    private static async Task<Results<NoContent, ProblemHttpResult, RetryAfterResult>> LoginAsync(
        LoginRequest? body, PasswordSignIn signIn, IPulseUserStore users, HttpContext context, TimeProvider clock, AuditTrail audit)
    {
        var check = await signIn.CheckAsync(body?.Name, body?.Password, context.RequestAborted);
        switch (check)
        {
            case SignInCheck.Succeeded ok:
                await SessionCookie.SignInAsync(context, ok.User);
                await audit.RecordAsync(context, AuditActor.Of(SessionCookie.Principal(ok.User.Name, ok.User.Role, ok.User.Brands)), AuditAction.SignIn, ok.User.Name, "password");
                return TypedResults.NoContent();
            case SignInCheck.LockedOut locked:
                await audit.RecordAsync(context, AuditActor.Anonymous, AuditAction.SignInLocked, UserNames.Normalize(body?.Name), $"locked until {locked.Until:O}");
                return LockedOut(locked.Until, clock.GetUtcNow());
            default:
                // An account's name only: a name no account has may be a password typed into the wrong field.
                var name = UserNames.Normalize(body?.Name);
                var known = name is not null && await users.FindAsync(name, context.RequestAborted) is not null;
                await audit.RecordAsync(context, AuditActor.Anonymous, AuditAction.SignInFailed, known ? name : null, known ? "wrong password" : "unknown name");
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status401Unauthorized,
                    title: "Sign-in failed",
                    detail: "Wrong name or password.");
        }
    }

    /// <summary>
    /// 429, not 423: the account is fine and the caller should simply wait, which is what 429 with Retry-After means to
    /// every HTTP client (and what the app already shows for rate limits); 423 is WebDAV's lock on a resource, and no
    /// client gives it a retry meaning.
    /// </summary>
    private static RetryAfterResult LockedOut(DateTimeOffset until, DateTimeOffset now) =>
        new(until - now, TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many failed sign-ins",
            detail: $"This account takes no sign-in for {Math.Ceiling((until - now).TotalMinutes):0} more minutes after {UserLockout.MaxFailures} wrong passwords in a row.",
            extensions: new Dictionary<string, object?> { ["lockedUntil"] = until }));

    private static async Task<NoContent> LogoutAsync(HttpContext context, AuditTrail audit)
    {
        if (context.User.Identity?.AuthenticationType == PulseSchemes.Cookie)
        {
            await audit.RecordAsync(context, AuditAction.SignOut, context.User.FindFirstValue(ClaimTypes.Name));
        }

        await context.SignOutAsync(PulseSchemes.Cookie);
        return TypedResults.NoContent();
    }

    private static Ok<MeView> GetMe(HttpContext context, IAntiforgery antiforgery)
    {
        var user = context.User;
        var name = user.FindFirstValue(ClaimTypes.Name) ?? string.Empty;
        var kind = user.FindFirstValue(PulseClaims.Kind) ?? string.Empty;
        var session = user.Identity?.AuthenticationType == PulseSchemes.Cookie;
        // The team from the claims, whoever is calling (a key's too); a session's match its account (re-checked per request).
        var brands = PulseClaims.BrandsOf(user);
        // The token is bound to this session's identity, so it is fetched after sign-in (the app calls /auth/me then).
        var token = session ? antiforgery.GetAndStoreTokens(context).RequestToken : null;
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new MeView(name, user.FindFirstValue(ClaimTypes.Role) ?? string.Empty, brands, kind, token));
    }

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> OnceAsync(
        string? token, OneTimeSignInLinks links, HttpContext context, TimeProvider clock, AuditTrail audit)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (!await links.RedeemAsync(token, context.RequestAborted))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Sign-in link used or expired",
                detail: $"A one-time link works once, for {OneTimeToken.Lifetime.TotalMinutes:0} minutes. Restart Pulse while no account exists for a new one, or sign in with an account.");
        }

        await SessionCookie.SignInSetupAsync(context, clock);
        await audit.RecordAsync(context, AuditActor.Of(SessionCookie.Principal(UserNames.Setup, PulseRole.Admin, [])), AuditAction.SignIn, UserNames.Setup, "one-time link");
        return TypedResults.Redirect("/");
    }
}
