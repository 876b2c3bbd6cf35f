namespace Pulse.Silo.Demo;

/// <summary>How posts on a channel read: chatter, headlines or star ratings.</summary>
internal enum DemoChannelStyle
{
    Social,
    Article,
    Review,
}
