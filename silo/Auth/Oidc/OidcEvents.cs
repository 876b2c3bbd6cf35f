using Pulse.Silo.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Pulse.Silo.Auth.SignIn;

namespace Pulse.Silo.Auth.Oidc;

/// <summary>
/// The OpenID Connect scheme's answers. A validated sign-in becomes a Pulse session (<see cref="OidcPerson"/>) only if
/// the person's role claim maps to a Pulse role: an SSO user the operator gave no role must not get in. Refusals and
/// protocol failures send the browser back to the app (<c>/?signin-error=…</c>), which shows them on its sign-in form:
/// the callback is a top-level page load from the provider, where a problem+json body would be a raw JSON page.
/// </summary>
internal sealed partial class OidcEvents(
    IOptions<OidcOptions> options, OidcRoleMap roles, TimeProvider clock, AuditTrail audit, ILogger<OidcEvents> logger) : OpenIdConnectEvents
{
    /// <summary>The query parameter the app reads (<see cref="NoRole"/> or <see cref="Failed"/>).</summary>
    public const string ErrorParameter = "signin-error";

    /// <summary>Signed in at the provider, but no role claim value maps to a Pulse role.</summary>
    public const string NoRole = "no-role";

    /// <summary>The provider refused, or its answer did not validate (signature, nonce, state, code).</summary>
    public const string Failed = "sso-failed";

    /// <summary>
    /// Runs after the id_token (and userinfo, when read) is validated, so the role is read from everything the provider
    /// said; the provider's principal is replaced wholesale, so no provider claim reaches the cookie.
    /// </summary>
    public override async Task TicketReceived(TicketReceivedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var person = context.Principal is { } provided ? OidcPerson.From(provided, options.Value.RoleClaim, roles) : null;
        if (person?.Role is not { } role)
        {
            LogNoRole(person?.Id, options.Value.RoleClaim);
            // Named: the provider vouched for who it is, so this is not a password typed into a name field.
            await audit.RecordAsync(context.HttpContext, AuditActor.Anonymous, AuditAction.SignInFailed, person?.Id, "single sign-on: no mapped role");
            context.Response.Redirect(ErrorRedirect(NoRole));
            context.HandleResponse();
            return;
        }

        context.Principal = person.Principal(role);
        // Nothing re-checks an SSO person against the provider while the session lasts (SessionCookieEvents), so it is
        // not renewed: a shift's length after sign-in, the browser goes back to the provider, which then applies any
        // change (a removed group, a disabled account). Provider tokens are not kept (SaveTokens off).
        context.Properties = new AuthenticationProperties
        {
            IsPersistent = false,
            AllowRefresh = false,
            ExpiresUtc = clock.GetUtcNow() + SessionCookie.SingleSignOnLifetime,
        };
        await audit.RecordAsync(context.HttpContext, AuditActor.Of(context.Principal), AuditAction.SignIn, person.Id, "single sign-on");
        await base.TicketReceived(context).ConfigureAwait(false);
    }

    public override Task RemoteFailure(RemoteFailureContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        LogFailed(context.Failure?.Message);
        context.Response.Redirect(ErrorRedirect(Failed));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    private static string ErrorRedirect(string code) => $"/?{ErrorParameter}={code}";

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a single sign-on of {Id}: no value of its '{RoleClaim}' claim is mapped to a Pulse role (Pulse:Auth:Oidc:Roles).")]
    private partial void LogNoRole(string? id, string roleClaim);

    // Information, not Warning: the callback is middleware, outside the rate limiter, so anyone posting junk to it
    // could otherwise fill the warnings; a failing provider still shows here with its reason.
    [LoggerMessage(Level = LogLevel.Information, Message = "A single sign-on failed: {Reason}")]
    private partial void LogFailed(string? reason);
}
