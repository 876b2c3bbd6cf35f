using System.Net.Http.Headers;
using Pulse.Dashboard;

namespace Pulse.Silo.Auth.Keys;

/// <summary>Where a request carries an API key.</summary>
public static class ApiKeyCredential
{
    /// <summary>The query parameter SignalR clients put the key in.</summary>
    public const string HubQueryParameter = "access_token";

    /// <summary>
    /// The key of <paramref name="request"/>: <c>Authorization: Bearer …</c>, or for the hub only <c>?access_token=</c>,
    /// because browsers cannot set headers on WebSockets or server-sent events. The API never reads the query, so keys
    /// stay out of the access logs of every other route. Returns false when the request carries no key at all; an
    /// empty Bearer header is a key (an empty, wrong one).
    /// </summary>
    public static bool TryRead(HttpRequest request, out string secret)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            secret = header.Parameter?.Trim() ?? "";
            return true;
        }

        if (request.Path.StartsWithSegments(DashboardExtensions.HubPath, StringComparison.OrdinalIgnoreCase)
            && request.Query[HubQueryParameter].FirstOrDefault() is { } token)
        {
            secret = token.Trim();
            return true;
        }

        secret = "";
        return false;
    }
}
