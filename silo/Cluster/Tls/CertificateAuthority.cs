using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Pulse.Silo.Cluster.Tls;

/// <summary>
/// A private CA trusted for one purpose only (the cluster's silos, or the cluster's Redis), read from a PEM file. It is
/// never added to the machine's trust store, where it would vouch for every TLS connection the host makes, and the
/// machine's store does not vouch here either: a certificate counts only if it chains to this CA.
/// </summary>
public sealed class CertificateAuthority
{
    private readonly X509Certificate2Collection _roots;

    private CertificateAuthority(X509Certificate2Collection roots) => _roots = roots;

    /// <summary>The CA certificate(s) in <paramref name="path"/> (PEM, or one DER certificate); errors name <paramref name="setting"/>.</summary>
    public static CertificateAuthority Load(string path, string setting)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{setting} '{path}' does not exist.");
        }

        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
            if (roots.Count == 0)
            {
                roots.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException($"{setting} '{path}' holds no CA certificate (PEM or DER): {ex.Message}", ex);
        }

        return new CertificateAuthority(roots);
    }

    /// <summary>
    /// Whether <paramref name="certificate"/> chains to this CA and every certificate on the way is valid now.
    /// <paramref name="presented"/> (the chain the peer sent) supplies intermediates.
    /// </summary>
    public bool Issued(X509Certificate2 certificate, X509Chain? presented)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_roots);
        // A private CA rarely publishes revocation lists, and the hosts may not reach one: revoking a cluster or Redis
        // certificate means issuing new ones from a new CA (or pinning), as the README says.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(certificate);
    }

    public override string ToString() => string.Join(", ", _roots.Select(r => r.Subject));
}
