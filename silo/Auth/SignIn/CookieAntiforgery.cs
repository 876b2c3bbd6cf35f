using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;

namespace Pulse.Silo.Auth.SignIn;

/// <summary>
/// Cross-site request forgery defence for the cookie session. A browser sends the session cookie by itself, so every
/// state-changing request (POST, PUT, PATCH, DELETE) it authenticates must also carry the token from
/// <c>GET /auth/me</c> in <see cref="HeaderName"/>, which another site's page cannot read or set. SameSite=Strict
/// already keeps the cookie off cross-site requests; this is the second lock, for browsers or proxies that do not honour
/// it and for same-site attackers (another app on a sibling subdomain). Bearer requests are exempt: the key is no ambient
/// credential, a forged request cannot attach it. Anonymous requests pass on to authorization, which refuses them.
/// </summary>
internal sealed partial class CookieAntiforgery(RequestDelegate next, IAntiforgery antiforgery, ILogger<CookieAntiforgery> logger)
{
    public const string HeaderName = "X-XSRF-TOKEN";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!ChangesState(context.Request.Method) || PulseSchemes.UsesKey(context))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        // The handler caches its result per request, so this is the same read authentication already made.
        var session = await context.AuthenticateAsync(PulseSchemes.Cookie).ConfigureAwait(false);
        if (!session.Succeeded)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.User = session.Principal; // the token is bound to this identity
        try
        {
            await antiforgery.ValidateRequestAsync(context).ConfigureAwait(false);
        }
        catch (AntiforgeryValidationException ex)
        {
            LogRefused(context.Request.Method, context.Request.Path, ex.Message);
            await Results.Problem(
                    statusCode: StatusCodes.Status403Forbidden,
                    title: "Missing or invalid anti-forgery token",
                    detail: $"A signed-in browser sends the token from GET /auth/me (xsrfToken) as the {HeaderName} header on every write. Reload the page if the session changed.")
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private static bool ChangesState(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    // Debug: a stale tab retrying would otherwise flood the log; a real attack shows in the 403 rate.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Refused a cookie-authenticated {Method} {Path} without a valid anti-forgery token: {Reason}")]
    private partial void LogRefused(string method, PathString path, string reason);
}
