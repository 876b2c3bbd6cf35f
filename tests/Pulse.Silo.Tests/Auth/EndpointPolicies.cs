using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Pulse.Silo.Tests.Auth;

/// <summary>One mapped endpoint as the coverage tests see it: "METHOD /pattern" and the policies on it.</summary>
public sealed record EndpointPolicy(string Endpoint, IReadOnlyList<string> Policies, bool AllowsAnonymous)
{
    public override string ToString() =>
        $"{Endpoint} -> {(AllowsAnonymous ? "anonymous" : Policies.Count == 0 ? "(none)" : string.Join(", ", Policies))}";

    /// <summary>Every route endpoint of the host, from its <see cref="EndpointDataSource"/>, one row per HTTP method.</summary>
    public static IReadOnlyList<EndpointPolicy> Of(IServiceProvider services) =>
    [
        .. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => Methods(e).Select(m => new EndpointPolicy(
                $"{m} {e.RoutePattern.RawText}",
                [.. e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "(default)").Distinct()],
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
            .OrderBy(e => e.Endpoint, StringComparer.Ordinal),
    ];

    private static IEnumerable<string> Methods(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods ? methods : ["*"];
}
