using System.Globalization;

namespace Pulse.Benchmarks;

/// <summary>The <c>--name value</c> options of the measurement runs that are not BenchmarkDotNet's.</summary>
internal static class BenchmarkArgs
{
    public static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
