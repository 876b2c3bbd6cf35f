namespace Pulse.Grains.Outbound;

/// <summary>The host resolved only to addresses the outbound guard refuses: a permanent failure for a webhook, a reason to back off for a source.</summary>
public sealed class AddressRefusedException : Exception
{
    public AddressRefusedException()
    {
    }

    public AddressRefusedException(string message) : base(message)
    {
    }

    public AddressRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
