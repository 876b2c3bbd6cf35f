namespace Pulse.Grains.Digests;

[GenerateSerializer]
public sealed class DigestSchedulerState
{
    /// <summary>The latest week every brand is settled for (sent, or not wanted): its ticks ask no brand until the next.</summary>
    [Id(0)]
    public DigestWeek? SettledWeek { get; set; }
}
