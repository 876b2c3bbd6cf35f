using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Pulse.Silo.Auth.Teams;
using Pulse.Silo.Auth.Users;
using Pulse.Silo.Telemetry;

namespace Pulse.Silo.Auth.SignIn;

/// <summary>
/// The cookie scheme's answers. APIs, the hub and /auth answer 401 and 403 as problem+json like every other Pulse
/// error (a redirect to a login page would reach a fetch, a SignalR client or a metrics scraper as an HTML 200); other
/// pages (the Orleans dashboard) send the browser to the app, which shows the sign-in form. Each request re-checks that the account still
/// exists with the same role and brands, so deleting a user or changing what it may do or see ends their sessions at once
/// (one rule for both: a session never carries more, or other, than the account has now). A single sign-on session has no
/// account to re-check: the provider is its authority, and its fixed lifetime bounds it.
/// </summary>
internal sealed partial class SessionCookieEvents(CurrentCallers callers, ILogger<SessionCookieEvents> logger) : CookieAuthenticationEvents
{
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!AnswersWithProblems(context.Request.Path))
        {
            context.Response.Redirect("/");
            return Task.CompletedTask;
        }

        // A 401 names a way in (RFC 9110); a machine's is a key. People sign in with POST /auth/login.
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"pulse\"";
        return Results.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Authentication required",
                detail: "Sign in (POST /auth/login) or send an API key as 'Authorization: Bearer pulse_…'.")
            .ExecuteAsync(context.HttpContext);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var role = context.HttpContext.User.FindFirstValue(ClaimTypes.Role) ?? "none";
        return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Not allowed for this role",
                detail: $"Your role ({role}) may not do this. See the roles in README (viewer, responder, admin)." + TeamProblems.ForbiddenNote(context.HttpContext.User))
            .ExecuteAsync(context.HttpContext);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal is not { } session || !await callers.IsCurrentAsync(session, context.HttpContext.RequestAborted).ConfigureAwait(false))
        {
            var name = context.Principal?.FindFirstValue(ClaimTypes.Name);
            LogSessionEnded(name);
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(PulseSchemes.Cookie).ConfigureAwait(false);
        }
    }

    private static bool AnswersWithProblems(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/auth", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(PulseTelemetryExtensions.MetricsRoute, StringComparison.OrdinalIgnoreCase); // scrapers, not browsers

    [LoggerMessage(Level = LogLevel.Information, Message = "Ended a session of '{Name}': the account was deleted or its role or brands changed.")]
    private partial void LogSessionEnded(string? name);
}
