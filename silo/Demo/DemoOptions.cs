namespace Pulse.Silo.Demo;

/// <summary>Settings of the built-in demo traffic (section <c>Pulse:Demo</c>).</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Pulse:Demo";

    public bool Enabled { get; set; }

    /// <summary>Same seed and start time, same mentions.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Scales all volumes; 1 is roughly 60 mentions/s, up to about 150/s during a crisis.</summary>
    public double RateMultiplier { get; set; } = 1;

    /// <summary>Time from one crisis start to the next; brands take turns.</summary>
    public TimeSpan CrisisInterval { get; set; } = TimeSpan.FromMinutes(4);

    public TimeSpan CrisisDuration { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Crisis volume relative to the brand's baseline once ramped up.</summary>
    public double CrisisMultiplier { get; set; } = 8;

    /// <summary>So a newcomer sees a spike without waiting a full interval, once live detection has warmed up (3 min).</summary>
    public TimeSpan FirstCrisisDelay { get; set; } = TimeSpan.FromSeconds(200);

    public TimeSpan TickInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Brand file; relative paths are taken from <see cref="AppContext.BaseDirectory"/>.</summary>
    public string BrandsFile { get; set; } = Path.Combine("Demo", "demo-brands.json");
}
