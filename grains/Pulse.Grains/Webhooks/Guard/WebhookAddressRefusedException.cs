namespace Pulse.Grains.Webhooks.Guard;

/// <summary>The webhook's host resolved only to addresses the guard refuses: a permanent failure, not worth retrying.</summary>
public sealed class WebhookAddressRefusedException : Exception
{
    public WebhookAddressRefusedException()
    {
    }

    public WebhookAddressRefusedException(string message) : base(message)
    {
    }

    public WebhookAddressRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
