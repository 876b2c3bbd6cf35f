namespace Pulse.Testing.Pki;

/// <summary>
/// A throwaway public-key infrastructure for TLS tests: CAs and certificates made in-process (no openssl), written as
/// PEM and PKCS#12 files to a temporary folder that <see cref="Dispose"/> deletes.
/// </summary>
public sealed class TestPki : IDisposable
{
    private TestPki(string directory) => Directory = directory;

    public string Directory { get; }

    public static TestPki Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"pulse-pki-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(directory);
        return new TestPki(directory);
    }

    /// <summary>A new self-signed CA named <paramref name="name"/>, its certificate in NAME-ca.pem.</summary>
    public TestAuthority NewAuthority(string name) => TestAuthority.Create(this, name);

    /// <summary>A file in this folder holding <paramref name="text"/>.</summary>
    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
