using Pulse.Testing.Pki;

namespace Pulse.Silo.Tests.Cluster.Tls;

/// <summary>The `pulse` arguments that turn on cluster TLS with a test certificate, as an operator would set them.</summary>
internal static class TlsArguments
{
    /// <summary>PEM certificate and key; peers trusted when <paramref name="ca"/> issued them, else pinned to this certificate.</summary>
    public static string[] Pem(IssuedCertificate certificate, TestAuthority? ca) =>
    [
        "--Pulse:Cluster:Tls:Enabled=true",
        "--Pulse:Cluster:Tls:CertificateFile=" + certificate.CertificateFile,
        "--Pulse:Cluster:Tls:KeyFile=" + certificate.KeyFile,
        .. ca is null ? Array.Empty<string>() : ["--Pulse:Cluster:Tls:CaFile=" + ca.CertificateFile],
    ];

    /// <summary>The same certificate as PKCS#12 with its password file.</summary>
    public static string[] Pfx(IssuedCertificate certificate, TestAuthority ca) =>
    [
        "--Pulse:Cluster:Tls:Enabled=true",
        "--Pulse:Cluster:Tls:CertificateFile=" + certificate.PfxFile,
        "--Pulse:Cluster:Tls:PasswordFile=" + certificate.PfxPasswordFile,
        "--Pulse:Cluster:Tls:CaFile=" + ca.CertificateFile,
    ];
}
