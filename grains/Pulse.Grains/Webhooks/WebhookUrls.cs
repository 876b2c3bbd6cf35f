using System.Diagnostics.CodeAnalysis;
using System.Net;
using Pulse.Grains.Outbound;

namespace Pulse.Grains.Webhooks;

/// <summary>
/// What a brand may give as a webhook address, checked when settings are saved. Host names are not resolved here:
/// their addresses can change later, so <see cref="OutboundConnectGuard"/> checks them again on every connection.
/// </summary>
public static class WebhookUrls
{
    private const string ElisionEncoded = "%E2%80%A6";

    public static bool TryAccept(string? text, bool allowPrivateNetworks, [NotNullWhen(true)] out Uri? url, [NotNullWhen(false)] out string? problem)
    {
        url = null;
        problem = Problem(text, allowPrivateNetworks, out var parsed);
        if (problem is not null || parsed is null)
        {
            problem ??= "Give an absolute http or https URL.";
            return false;
        }

        url = parsed;
        return true;
    }

    private static string? Problem(string? text, bool allowPrivateNetworks, out Uri? url)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return "Give an absolute http or https URL.";
        }

        if (url.UserInfo.Length > 0)
        {
            // Alerts show a webhook's authority to everyone, and credentials sit in it; secrets belong in the path or query.
            return "Leave credentials (user:password@) out of the URL.";
        }

        if (url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(url.IdnHost, out var address)
            && AddressScopes.Of(address) is var scope && !AddressScopes.IsAllowed(scope, allowPrivateNetworks))
        {
            return $"{address} is {AddressScopes.Describe(scope)}. {OutboundOptions.Rule}";
        }

        if (url.OriginalString.Contains(WebhookTarget.Elision, StringComparison.Ordinal) || url.AbsoluteUri.Contains(ElisionEncoded, StringComparison.OrdinalIgnoreCase))
        {
            // A target as GET shows it, sent back as if it were the address: it would replace the real one with nothing.
            return $"This is a redacted target (\"{WebhookTarget.Elision}\"); leave url out to keep the stored webhook.";
        }

        return null;
    }
}
