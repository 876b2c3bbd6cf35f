using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pulse.Dashboard.Hubs;

/// <summary>
/// Refuses hub requests whose <c>Origin</c> is another site: browsers do not apply CORS to WebSockets, so a page elsewhere
/// could otherwise open the live hub in a signed-in user's name (cross-site WebSocket hijacking). Clients that send no
/// Origin (the .NET client, scripts, collectors) are not a browser acting for someone, and pass.
/// </summary>
/// <remarks>
/// Only the host and port are compared, not the scheme: behind a TLS-terminating proxy the request arrives as http while
/// the page's origin is https, and a page on the same host is the same site either way.
/// </remarks>
internal sealed partial class HubOriginCheck(RequestDelegate next, IOptions<LiveHubOptions> options, ILogger<HubOriginCheck> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments(DashboardExtensions.HubPath, StringComparison.OrdinalIgnoreCase)
            && !IsAllowed(context.Request, options.Value.AllowedOrigins))
        {
            var origin = context.Request.Headers.Origin.ToString();
            LogRefused(origin);
            await Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Origin not allowed",
                detail: $"The live hub does not accept connections from pages of '{origin}'. Open the dashboard from this host, or add the origin to Pulse:Hub:AllowedOrigins.")
                .ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    /// <summary>True without an Origin, for this host's own pages, and for origins listed in <c>Pulse:Hub:AllowedOrigins</c>.</summary>
    public static bool IsAllowed(HttpRequest request, IReadOnlyCollection<string> allowedOrigins)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(allowedOrigins);
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }

        // "null" (a sandboxed frame, a file: page) and anything else that is no absolute URL is no origin of ours.
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || allowedOrigins.Any(allowed => string.Equals(allowed.TrimEnd('/'), origin.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a hub request from the page origin {Origin} (not this host, not in Pulse:Hub:AllowedOrigins)")]
    private partial void LogRefused(string origin);
}

/// <summary>Registers <see cref="HubOriginCheck"/> in the request pipeline.</summary>
public static class HubOriginCheckExtensions
{
    /// <summary>Before the endpoints: the hub's negotiate and WebSocket requests are checked before SignalR sees them.</summary>
    public static IApplicationBuilder UsePulseHubOriginCheck(this IApplicationBuilder app) => app.UseMiddleware<HubOriginCheck>();
}
