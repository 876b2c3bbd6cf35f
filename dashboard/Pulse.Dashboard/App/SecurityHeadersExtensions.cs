using Microsoft.AspNetCore.Builder;

namespace Pulse.Dashboard.App;

/// <summary>
/// The browser's part of the defence: mention text, authors and brand names are untrusted and the app only ever sets
/// them as text, but should one slip into markup, a CSP without inline script leaves it inert. Every response gets the
/// headers (the API's JSON too), since a browser may be pointed at any URL.
/// </summary>
public static class SecurityHeadersExtensions
{
    public static IApplicationBuilder UsePulseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseSecurityHeaders(new HeaderPolicyCollection()
            .AddContentTypeOptionsNoSniff()
            .AddReferrerPolicyStrictOriginWhenCrossOrigin()
            .AddFrameOptionsDeny()
            .AddContentSecurityPolicy(csp =>
            {
                // 'self' covers the app's modules, the npm builds under /lib and the hub's same-origin WebSocket.
                csp.AddDefaultSrc().Self();
                csp.AddFrameAncestors().None();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
            }));
    }
}
