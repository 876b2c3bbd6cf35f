namespace Pulse.Grains.Ticks;

/// <summary>
/// A grain's timer that follows its kind's <see cref="TickCadence"/>: re-armed only when the wanted period changes
/// (whole seconds, so rarely), keeping the period it runs at.
/// </summary>
internal sealed class CadencedTimer(IGrainTimer timer, TimeSpan period)
{
    public TimeSpan Period { get; private set; } = period;

    public void Follow(TimeSpan wanted)
    {
        if (wanted != Period)
        {
            Period = wanted;
            timer.Change(wanted, wanted);
        }
    }
}
