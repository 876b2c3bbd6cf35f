using System.ComponentModel.DataAnnotations;

namespace Pulse.Grains.Webhooks;

/// <summary>How the silo delivers webhooks (section "Pulse:Webhooks").</summary>
public sealed class WebhookOptions
{
    public const string Section = "Pulse:Webhooks";

    /// <summary>Tries per notification, the first included; waits double after each failure (1 s, 2 s, 4 s, 8 s).</summary>
    [Range(1, 10)]
    public int Attempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Per attempt: a receiver that hangs counts as a failed attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Notifications waiting per silo; beyond it new ones are recorded as dropped.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Deliveries in flight at once, so one dead receiver's backoff does not delay the others.</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>The dashboard's public address (e.g. https://pulse.example.com); Slack messages then link to the brand view.</summary>
    [Url]
    public string? DashboardUrl { get; set; }
}
