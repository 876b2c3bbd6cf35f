using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Pulse.Silo.Cluster.Tls;

/// <summary>
/// Which certificates a silo accepts from the other end of a cluster connection: one the cluster's CA issued, or,
/// without a CA, exactly the cluster certificate itself (pinned by its bytes).
/// </summary>
/// <remarks>
/// Validation is replaced, not disabled. The machine's CA store is deliberately ignored: a certificate any public CA
/// issued for any name must not make its holder a cluster member. Host names are not checked (the one policy error
/// ignored): silos reach each other by the IP addresses membership lists, not by name, and what identifies a member is
/// that it holds the cluster credential, which the CA (or the pin) proves.
/// </remarks>
public sealed class ClusterPeerTrust
{
    private readonly X509Certificate2 _pinned;
    private readonly CertificateAuthority? _authority;
    private readonly TimeProvider _time;

    public ClusterPeerTrust(X509Certificate2 ownCertificate, CertificateAuthority? authority, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(ownCertificate);
        _pinned = ownCertificate;
        _authority = authority;
        _time = time ?? TimeProvider.System;
    }

    public bool Accepts(X509Certificate2 peer, X509Chain? chain, SslPolicyErrors errors)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if ((errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return false;
        }

        if (_authority is not null)
        {
            return _authority.Issued(peer, chain);
        }

        var now = _time.GetUtcNow();
        return peer.RawDataMemory.Span.SequenceEqual(_pinned.RawDataMemory.Span) && now >= peer.NotBefore && now <= peer.NotAfter;
    }

    public override string ToString() => _authority is null ? $"pinned to {_pinned.Thumbprint}" : $"issued by {_authority}";
}
