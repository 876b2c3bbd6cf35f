using System.ComponentModel.DataAnnotations;

namespace Pulse.Dashboard.Hubs;

/// <summary>Limits of one hub connection and who may open one (section "Pulse:Hub", validated at start).</summary>
public sealed class LiveHubOptions : IValidatableObject
{
    public const string Section = "Pulse:Hub";

    /// <summary>
    /// Brand groups one connection may be in. The app subscribes to one brand at a time (the open brand view, or the war
    /// room's current brand); 200 leaves room for a custom wall of every brand a team watches, while each membership costs
    /// the host memory and every snapshot of the brand a send.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxBrandGroups { get; set; } = 200;

    /// <summary>
    /// Page origins besides this host's own that may open the hub (e.g. "https://wall.example.com" for a war-room page
    /// served elsewhere). Empty by default: the dashboard is served by Pulse itself.
    /// </summary>
    public IReadOnlyList<string> AllowedOrigins { get; set; } = [];

    /// <summary>
    /// How often open connections' callers are checked again (a revoked key or deleted account is cut off within this).
    /// 30 s: a revocation is usually a reaction to a leak, where minutes matter and seconds do not, and each pass costs
    /// one store read per distinct caller.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RecheckInterval { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < AllowedOrigins.Count; i++)
        {
            var origin = AllowedOrigins[i];
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                || uri.PathAndQuery != "/" || origin.EndsWith('/'))
            {
                yield return new ValidationResult(
                    $"Pulse:Hub:AllowedOrigins:{i} '{origin}' is not an origin: write scheme://host[:port], without a path or trailing slash.",
                    [nameof(AllowedOrigins)]);
            }
        }
    }
}
