namespace Pulse.Grains.Outbound;

/// <summary>
/// Section "Pulse:Outbound": where the silo may connect when a user's setting names the place (a webhook, a source).
/// </summary>
public sealed class OutboundOptions
{
    public const string Section = "Pulse:Outbound";

    /// <summary>The key this option had when only webhooks were guarded; a silo still setting it is stopped at start.</summary>
    public const string ObsoleteKey = "Pulse:Webhooks:AllowPrivateNetworks";

    /// <summary>What refusals end with, so an operator knows the rule and the switch.</summary>
    public const string Rule = "Pulse connects to public addresses only; " + Section + ":AllowPrivateNetworks admits loopback, private and "
        + "carrier-grade NAT ones too, never link-local or special-purpose ones.";

    /// <summary>
    /// Off: webhooks and sources reach only public addresses (checked when saved and again on every connection), so an
    /// alert setting or a source cannot make the silo call its own network. On for on-premise installs that notify or poll
    /// internal hosts on purpose; link-local (cloud metadata) stays refused either way. Guarded connections go direct, without an HTTP proxy.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }
}
