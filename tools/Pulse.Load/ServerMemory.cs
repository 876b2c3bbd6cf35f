using System.Globalization;

namespace Pulse.Load;

/// <summary>
/// The memory of a Pulse process on this machine, read from <c>/proc/PID/status</c> (Linux): resident now (VmRSS) and
/// its peak since the process started (VmHWM). Read before and after a run: the rise is what the run's brands, grains
/// and backlog hold.
/// </summary>
internal sealed class ServerMemory(int pid, string statusPath)
{
    public int Pid { get; } = pid;

    /// <summary>Null when there is no such process (or no /proc).</summary>
    public static ServerMemory? Of(int pid)
    {
        var memory = new ServerMemory(pid, $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status");
        return memory.Read() is null ? null : memory;
    }

    /// <summary>Resident and peak resident megabytes (MiB); null once the process is gone.</summary>
    public (double RssMb, double PeakRssMb)? Read()
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(statusPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return Kilobytes(lines, "VmRSS:") is { } rss && Kilobytes(lines, "VmHWM:") is { } peak ? (rss / 1024, peak / 1024) : null;
    }

    /// <summary>The value of a <c>Name:   123 kB</c> line.</summary>
    internal static double? Kilobytes(IEnumerable<string> lines, string name)
    {
        foreach (var line in lines)
        {
            if (line.StartsWith(name, StringComparison.Ordinal))
            {
                var number = line[name.Length..].Trim();
                number = number.EndsWith(" kB", StringComparison.Ordinal) ? number[..^3] : number;
                return double.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : null;
            }
        }

        return null;
    }
}
