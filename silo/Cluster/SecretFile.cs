namespace Pulse.Silo.Cluster;

/// <summary>A secret given as a file (a mounted secret) rather than on the command line, where the process list shows it.</summary>
public static class SecretFile
{
    /// <summary>The file's text without its trailing newline (as `echo` and most secret mounts write it); errors name <paramref name="setting"/>.</summary>
    public static string Read(string path, string setting)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return File.ReadAllText(path).TrimEnd('\r', '\n');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{setting} '{path}' cannot be read: {ex.Message}", ex);
        }
    }
}
