using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Pulse.Silo.Cluster.Tls;

/// <summary>
/// What a host needs for cluster TLS, loaded and checked once at start: its certificate (with private key) and whom it
/// trusts. Every problem is an <see cref="InvalidOperationException"/> naming the setting, so a misconfigured host
/// stops at start instead of failing every handshake later.
/// </summary>
public sealed record ClusterCredentials(X509Certificate2 Certificate, ClusterPeerTrust Trust, bool RequireClientCertificate)
{
    private const string ServerAuthentication = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    private const string Prefix = ClusterTlsOptions.Section + ":";

    /// <summary>The credentials section "Pulse:Cluster:Tls" describes, or null when cluster TLS is off.</summary>
    public static ClusterCredentials? From(IConfiguration configuration, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(ClusterTlsOptions.Section).Get<ClusterTlsOptions>() ?? new ClusterTlsOptions();
        return options.Enabled ? Load(options, time) : null;
    }

    public static ClusterCredentials Load(ClusterTlsOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        time ??= TimeProvider.System;
        if (string.IsNullOrWhiteSpace(options.CertificateFile))
        {
            throw new InvalidOperationException($"{Prefix}CertificateFile is not set: cluster TLS ({Prefix}Enabled) needs the cluster certificate.");
        }

        var certificate = LoadCertificate(options);
        Check(certificate, options.CertificateFile, time.GetUtcNow());
        var authority = string.IsNullOrWhiteSpace(options.CaFile) ? null : CertificateAuthority.Load(options.CaFile, Prefix + "CaFile");
        if (authority is not null && !authority.Issued(certificate, null))
        {
            throw new InvalidOperationException(
                $"{Prefix}CertificateFile '{options.CertificateFile}' was not issued by {Prefix}CaFile '{options.CaFile}': the other silos would refuse it.");
        }

        return new ClusterCredentials(certificate, new ClusterPeerTrust(certificate, authority, time), options.RequireClientCertificate);
    }

    private static X509Certificate2 LoadCertificate(ClusterTlsOptions options)
    {
        var path = options.CertificateFile!;
        RequireFile(path, "CertificateFile");
        var password = string.IsNullOrWhiteSpace(options.PasswordFile) ? null : SecretFile.Read(options.PasswordFile, Prefix + "PasswordFile");
        try
        {
            if (!string.IsNullOrWhiteSpace(options.KeyFile))
            {
                RequireFile(options.KeyFile, "KeyFile");
                using var pem = password is null
                    ? X509Certificate2.CreateFromPemFile(path, options.KeyFile)
                    : X509Certificate2.CreateFromEncryptedPemFile(path, password, options.KeyFile);
                // A PEM key is ephemeral; SslStream on some platforms needs a key it can persist, so go through PKCS#12.
                return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
            }

            return IsPem(path)
                ? X509CertificateLoader.LoadCertificateFromFile(path) // no key: Check says to set KeyFile
                : X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidOperationException(
                $"{Prefix}CertificateFile '{path}' cannot be loaded ({ex.Message}): give a PKCS#12 file (its password in {Prefix}PasswordFile) "
                + $"or a PEM certificate with {Prefix}KeyFile.", ex);
        }
    }

    private static void Check(X509Certificate2 certificate, string path, DateTimeOffset now)
    {
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException(
                $"{Prefix}CertificateFile '{path}' has no private key: use a PKCS#12 file that includes it, or set {Prefix}KeyFile to the PEM key.");
        }

        if (now > certificate.NotAfter)
        {
            throw new InvalidOperationException(
                $"{Prefix}CertificateFile '{path}' expired on {certificate.NotAfter.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture)}.");
        }

        if (now < certificate.NotBefore)
        {
            throw new InvalidOperationException(
                $"{Prefix}CertificateFile '{path}' is not valid before {certificate.NotBefore.ToUniversalTime().ToString("u", CultureInfo.InvariantCulture)}.");
        }

        // Every silo is a TLS server (its ports) and a client (its connections to the others), so the certificate must
        // allow both; without an extended key usage extension it allows any use.
        var usages = certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().SelectMany(e => e.EnhancedKeyUsages.Cast<Oid>()).Select(o => o.Value).ToList();
        if (certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Any()
            && !(usages.Contains(ServerAuthentication) && usages.Contains(ClientAuthentication)))
        {
            throw new InvalidOperationException(
                $"{Prefix}CertificateFile '{path}' must allow both server and client authentication (extended key usage): every silo is both.");
        }
    }

    private static void RequireFile(string path, string setting)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{Prefix}{setting} '{path}' does not exist.");
        }
    }

    private static bool IsPem(string path)
    {
        using var reader = new StreamReader(path);
        var start = new char[64];
        var read = reader.ReadBlock(start);
        return new string(start, 0, read).TrimStart().StartsWith("-----BEGIN", StringComparison.Ordinal);
    }
}
