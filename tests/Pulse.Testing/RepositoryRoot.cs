namespace Pulse.Testing;

/// <summary>The checkout the tests run from: the folder above the test binaries that holds Pulse.sln.</summary>
public static class RepositoryRoot
{
    public static DirectoryInfo Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pulse.sln")))
        {
            dir = dir.Parent;
        }

        return dir ?? throw new InvalidOperationException("Pulse.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The path of <paramref name="relative"/> ("docs/observability.md") in the checkout.</summary>
    public static string PathOf(string relative) => Path.Combine(Find().FullName, relative);
}
