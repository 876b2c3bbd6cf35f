namespace Pulse.Grains.Ticks;

/// <summary>
/// How often the silo's active grains of one kind tick: every second while they are few, less often as they grow, so
/// that their timers together take a bounded number of turns a second however many brands the silo carries.
/// </summary>
/// <remarks>
/// A timer turn costs the scheduler a few microseconds before the tick does anything (100 000 timers at 4 Hz saturated
/// two cores in the grain-memory harness, ≈ 5 µs a turn), and a (brand, channel) grain ticks whether or not its brand
/// is busy. At one tick a second per grain, 50 000 grains (10 000 brands × 5 channels) spent a quarter of two cores on
/// turns alone; with a budget the cost per second is fixed and the cadence stretches instead: what a live screen shows
/// of a quiet brand refreshes less often, mentions still publish when they are recorded.
/// </remarks>
internal sealed class TickCadence
{
    /// <summary>A tick at least this often: a screen's per-minute figures older than half a minute look stale.</summary>
    public static readonly TimeSpan Slowest = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Fastest = TimeSpan.FromSeconds(1);

    private readonly int _ticksPerSecond;
    private int _active;

    public TickCadence(int ticksPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ticksPerSecond, 1);
        _ticksPerSecond = ticksPerSecond;
    }

    /// <summary>Grains of this kind active on the silo now.</summary>
    public int Active => Volatile.Read(ref _active);

    /// <summary>
    /// The tick period for the grains active now: whole seconds (so that a changing count does not re-arm every timer on
    /// every tick), from one second up to <see cref="Slowest"/>.
    /// </summary>
    public TimeSpan Interval
    {
        get
        {
            var seconds = Math.Ceiling((double)Active / _ticksPerSecond);
            return TimeSpan.FromSeconds(Math.Clamp(seconds, Fastest.TotalSeconds, Slowest.TotalSeconds));
        }
    }

    /// <summary>A grain of this kind activated: call at the end of its activation.</summary>
    public void Enter() => Interlocked.Increment(ref _active);

    /// <summary>A grain of this kind that <see cref="Enter"/>ed deactivates.</summary>
    public void Leave() => Interlocked.Decrement(ref _active);
}
