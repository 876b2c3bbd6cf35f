namespace Pulse.Testing.Pki;

/// <summary>
/// One issued certificate's files: PEM certificate and key, the same as PKCS#12 with a password file, and a PKCS#12 of
/// the certificate alone (no private key, as a mistaken export gives).
/// </summary>
public sealed record IssuedCertificate(string CertificateFile, string KeyFile, string PfxFile, string PfxPasswordFile, string PublicOnlyPfxFile);
