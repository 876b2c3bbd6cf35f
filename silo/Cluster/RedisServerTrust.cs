using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Pulse.Silo.Cluster.Tls;

namespace Pulse.Silo.Cluster;

/// <summary>How Pulse checks Redis's TLS certificate when <c>Pulse:Redis:TlsCaFile</c> names the CA that issued it.</summary>
internal static class RedisServerTrust
{
    /// <summary>
    /// Accepts the certificate only if it chains to <paramref name="authority"/> and names the host Pulse connects to.
    /// Only the trust anchor changes: a name mismatch still fails, so a certificate the same CA issued to another
    /// server does not pass for this Redis, and the machine's public CAs cannot vouch for a Redis they never issued.
    /// </summary>
    public static RemoteCertificateValidationCallback IssuedBy(CertificateAuthority authority) =>
        (_, certificate, chain, errors) =>
            (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
            && certificate is not null
            && authority.Issued(certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()), chain);
}
