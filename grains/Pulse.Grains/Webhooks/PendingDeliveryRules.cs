namespace Pulse.Grains.Webhooks;

/// <summary>What becomes of a pending delivery when its grain (an alert's brand, or a digest's) looks at it again.</summary>
public enum PendingDecision
{
    /// <summary>Its delivery is under way (or was, moments ago): leave it.</summary>
    Wait,

    /// <summary>Its job is presumed lost: hand it to the outbox again, counting on from the attempts made.</summary>
    Resend,

    /// <summary>Record it as failed and stop (<see cref="PendingReview.Reason"/> says why).</summary>
    GiveUp,

    /// <summary>Its subject is gone (an alert trimmed away, a digest's week superseded): nothing left to send or to record it on.</summary>
    Forget,
}

public readonly record struct PendingReview(PendingDecision Decision, string? Reason = null);

/// <summary>
/// When a pending delivery is sent again and when it is given up. A grain's new activation re-sends everything pending,
/// since the outbox that held the jobs lived on the silo of the activation before (a crashed or stopped one); while the
/// activation lives, only a delivery unheard of for <see cref="StaleAfter"/> is re-sent (its report was lost, or its job).
/// Attempts count across re-sends, so the retry policy's maximum holds whatever crashes happen in between.
/// </summary>
public sealed class PendingDeliveryRules(int maxAttempts, TimeSpan staleAfter)
{
    public int MaxAttempts { get; } = maxAttempts;

    public TimeSpan StaleAfter { get; } = staleAfter;

    /// <summary>
    /// A live delivery reports every attempt, at most one timeout and one backoff (the longest, before the last attempt)
    /// apart. One unheard of for five such gaps, time waiting behind other deliveries in a busy outbox included, lost its
    /// job or its reports; waiting longer only delays a notification the receiver de-duplicates anyway.
    /// </summary>
    public static PendingDeliveryRules From(WebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var longestBackoff = options.FirstRetryDelay * Math.Pow(2, Math.Max(0, options.Attempts - 2));
        return new PendingDeliveryRules(options.Attempts, 5 * (options.Timeout + longestBackoff));
    }

    /// <summary>The entry after a report of its delivery: null once it was delivered or the delivery service gave up.</summary>
    public static PendingDelivery? AfterReport(PendingDelivery entry, WebhookDelivery report, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(report);
        return report.Status is WebhookDeliveryStatus.Delivered or WebhookDeliveryStatus.Failed
            ? null
            : entry with { Attempts = Math.Max(entry.Attempts, report.Attempts), At = now }; // a late report of an older job counts no attempt twice
    }

    /// <param name="alertKept">Whether the entry's subject is still current (its alert stored, its digest's week the latest sent).</param>
    /// <param name="targetConfigured">Whether the brand's settings still name the entry's webhook (the same URL and format).</param>
    /// <param name="activated">Whether the grain is looking as it activates (the previous activation's outbox is gone).</param>
    public PendingReview Review(PendingDelivery entry, bool alertKept, bool targetConfigured, bool activated, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!alertKept)
        {
            return new(PendingDecision.Forget);
        }

        if (!targetConfigured)
        {
            // The team removed or replaced the webhook (or deleted the brand): its old receiver must not hear more.
            return new(PendingDecision.GiveUp, "webhook no longer configured");
        }

        if (entry.Attempts >= MaxAttempts)
        {
            // The last attempt was made, but its outcome never arrived (the silo died as it reported).
            return new(PendingDecision.GiveUp, $"gave up after {entry.Attempts} attempt(s)");
        }

        return activated || now - entry.At >= StaleAfter ? new(PendingDecision.Resend) : new(PendingDecision.Wait);
    }
}
