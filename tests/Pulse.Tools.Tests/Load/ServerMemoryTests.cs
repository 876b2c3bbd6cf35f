using Pulse.Load;

namespace Pulse.Tools.Tests.Load;

public sealed class ServerMemoryTests
{
    [Fact]
    public void Reads_a_live_processs_resident_and_peak_memory()
    {
        var memory = ServerMemory.Of(Environment.ProcessId);

        Assert.NotNull(memory);
        var (rss, peak) = memory.Read()!.Value;
        // This test process holds at least its runtime; /proc and the runtime's own figure agree within a factor.
        var working = Environment.WorkingSet / 1024.0 / 1024.0;
        Assert.InRange(rss, working / 2, working * 2);
        Assert.True(peak >= rss, $"peak {peak} MB, now {rss} MB");
    }

    [Fact]
    public void A_pid_with_no_process_gives_nothing()
    {
        Assert.Null(ServerMemory.Of(int.MaxValue));
    }

    [Fact]
    public void Values_are_read_from_their_own_lines_in_kilobytes()
    {
        string[] status = ["Name:\tpulse", "VmHWM:\t  204800 kB", "VmRSS:\t  102400 kB", "Threads:\t42"];

        Assert.Equal(102_400, ServerMemory.Kilobytes(status, "VmRSS:"));
        Assert.Equal(204_800, ServerMemory.Kilobytes(status, "VmHWM:"));
        Assert.Null(ServerMemory.Kilobytes(status, "VmSwap:"));
    }
}
