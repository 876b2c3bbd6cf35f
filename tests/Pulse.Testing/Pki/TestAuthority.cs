using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Pulse.Testing.Pki;

/// <summary>A test CA (ECDSA P-256, fast to make) that issues certificates for loopback servers and TLS clients.</summary>
public sealed class TestAuthority
{
    private readonly TestPki _pki;
    private readonly X509Certificate2 _certificate;

    private TestAuthority(TestPki pki, string name, X509Certificate2 certificate)
    {
        _pki = pki;
        Name = name;
        _certificate = certificate;
        CertificateFile = pki.WriteFile($"{name}-ca.pem", certificate.ExportCertificatePem());
    }

    public string Name { get; }

    /// <summary>The CA certificate (PEM), what a host is told to trust.</summary>
    public string CertificateFile { get; }

    internal static TestAuthority Create(TestPki pki, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name} test CA", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, critical: false));
        var now = DateTimeOffset.UtcNow;
        return new TestAuthority(pki, name, request.CreateSelfSigned(now.AddDays(-30), now.AddDays(30)));
    }

    /// <summary>
    /// A certificate for <paramref name="name"/> valid for 127.0.0.1 and localhost, usable as server and client (as a
    /// silo is both), written as NAME.pem + NAME-key.pem and NAME.pfx (password in NAME-pfx-password).
    /// </summary>
    public IssuedCertificate Issue(string name, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_certificate, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(_certificate, notBefore ?? now.AddDays(-1), notAfter ?? now.AddDays(7), RandomNumberGenerator.GetBytes(16));
        using var withKey = issued.CopyWithPrivateKey(key);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        return new IssuedCertificate(
            CertificateFile: _pki.WriteFile($"{name}.pem", withKey.ExportCertificatePem()),
            KeyFile: _pki.WriteFile($"{name}-key.pem", key.ExportPkcs8PrivateKeyPem()),
            PfxFile: WriteBytes($"{name}.pfx", withKey.Export(X509ContentType.Pkcs12, password)),
            PfxPasswordFile: _pki.WriteFile($"{name}-pfx-password", password + "\n"),
            PublicOnlyPfxFile: WriteBytes($"{name}-public.pfx", X509CertificateLoader.LoadCertificate(issued.RawData).Export(X509ContentType.Pkcs12)));
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(_pki.Directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
