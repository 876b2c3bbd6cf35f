namespace Pulse.Silo.Cluster.Tls;

/// <summary>
/// TLS between silos and on the gateway (section "Pulse:Cluster:Tls"). Off by default: the embedded silo and a
/// cluster on one machine or a private network need none. On, every silo-to-silo and client-to-gateway connection is
/// TLS, and with <see cref="RequireClientCertificate"/> (the default) both ends prove they hold the cluster credential,
/// so a process that can reach the silo ports but lacks it cannot join the cluster or call its gateways.
/// </summary>
public sealed class ClusterTlsOptions
{
    public const string Section = "Pulse:Cluster:Tls";

    public bool Enabled { get; set; }

    /// <summary>The cluster certificate: a PKCS#12 (.pfx/.p12) file with its private key, or a PEM certificate with <see cref="KeyFile"/>.</summary>
    public string? CertificateFile { get; set; }

    /// <summary>The PEM private key of a PEM <see cref="CertificateFile"/>; empty for PKCS#12.</summary>
    public string? KeyFile { get; set; }

    /// <summary>A file holding the PKCS#12 password (or the PEM key's); trailing newline ignored. Empty: no password.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>
    /// PEM file of the cluster's CA: peers must present a certificate it issued. Empty: peers must present this very
    /// certificate (pinned), so every silo and dashboard-only host shares one certificate.
    /// </summary>
    public string? CaFile { get; set; }

    /// <summary>
    /// Whether silos demand a certificate from whoever connects (mutual TLS). False only encrypts: anyone who reaches the
    /// silo or gateway port can connect without one (a presented certificate must still be trusted).
    /// </summary>
    public bool RequireClientCertificate { get; set; } = true;
}
