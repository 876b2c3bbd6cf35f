using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Pulse.Silo.Hosting;

/// <summary>
/// The reverse proxies in front of Pulse (section "Pulse:Proxy", validated at start). Only requests from them may say,
/// with X-Forwarded-For and X-Forwarded-Proto, who the client is and whether it used HTTPS: anyone else could claim any
/// address and escape its rate limit.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "Pulse:Proxy";

    /// <summary>Proxy addresses or networks ("127.0.0.1", "10.0.0.0/8", "::1"). Empty: forwarded headers are ignored.</summary>
    public IReadOnlyList<string> KnownProxies { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < KnownProxies.Count; i++)
        {
            if (!TryParse(KnownProxies[i], out _))
            {
                yield return new ValidationResult(
                    $"{Section}:KnownProxies:{i} '{KnownProxies[i]}' is not an IP address or network (e.g. 10.0.0.5 or 10.0.0.0/8).",
                    [nameof(KnownProxies)]);
            }
        }
    }

    /// <summary>An address is its own one-address network.</summary>
    public static bool TryParse(string text, out IPNetwork network)
    {
        if (IPAddress.TryParse(text, out var address) && !text.Contains('/', StringComparison.Ordinal))
        {
            network = new IPNetwork(address, address.GetAddressBytes().Length * 8);
            return true;
        }

        return IPNetwork.TryParse(text, out network);
    }
}
