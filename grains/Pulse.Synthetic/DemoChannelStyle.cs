namespace Pulse.Synthetic;

/// <summary>How posts on a channel read: chatter, headlines or star ratings.</summary>
public enum DemoChannelStyle
{
    Social,
    Article,
    Review,
}
