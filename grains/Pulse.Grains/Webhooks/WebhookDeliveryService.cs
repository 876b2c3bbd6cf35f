using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Grains.Alerts;
using Pulse.Grains.Digests;
using Pulse.Grains.Outbound;
using Pulse.Grains.Telemetry;

namespace Pulse.Grains.Webhooks;

/// <summary>
/// Drains the outbox: POSTs each notification (an alert's change or a digest) with retries and exponential backoff, and
/// records every attempt's outcome with the grain that queued it (so dashboards show "retrying" and "failed" as they
/// happen, and the grain knows what is still pending). Every request carries the job's idempotency key, the same on every attempt.
/// A plain loop rather than a resilience pipeline: each attempt must be reported, and the policy is five lines.
/// </summary>
internal sealed partial class WebhookDeliveryService(
    WebhookOutbox outbox,
    IHttpClientFactory http,
    IGrainFactory grains,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    PulseMetrics metrics,
    ILogger<WebhookDeliveryService> logger) : BackgroundService
{
    public const string HttpClientName = "pulse-webhooks";

    private static readonly MediaTypeHeaderValue JsonType = new("application/json") { CharSet = "utf-8" };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.Value.MaxConcurrency);
        try
        {
            await foreach (var job in outbox.Reader.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await DeliverAsync(job, stoppingToken);
                    }
                    finally
                    {
                        slots.Release();
                    }
                }, CancellationToken.None);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: queued notifications leave with the process, but stay pending in their grains' state; each
            // grain's next look re-sends them (PendingDeliveryRules).
        }

        // Let in-flight deliveries see the cancellation and finish before the semaphore goes away.
        for (var i = 0; i < options.Value.MaxConcurrency; i++)
        {
            await slots.WaitAsync(CancellationToken.None);
        }
    }

    private async Task DeliverAsync(WebhookJob job, CancellationToken stop)
    {
        var settings = options.Value;
        var body = WebhookPayloads.For(job, settings.DashboardUrl);
        var client = http.CreateClient(HttpClientName);
        // A re-sent delivery continues the backoff where its reported attempts left it.
        var delay = settings.FirstRetryDelay * Math.Pow(2, job.FirstAttempt - 1);
        for (var attempt = job.FirstAttempt; attempt <= settings.Attempts; attempt++)
        {
            int? status = null;
            string? error;
            var permanent = false;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
                timeout.CancelAfter(settings.Timeout);
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(job.Target.Url)) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = JsonType;
                request.Headers.Add(WebhookIdempotency.Header, job.Key);
                using var response = await client.SendAsync(request, timeout.Token);
                status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    await RecordAsync(job, WebhookDeliveryStatus.Delivered, attempt, status, null);
                    return;
                }

                error = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
                if (status is >= 300 and < 400)
                {
                    // Not followed (a 307 would re-POST the body to a place nobody configured), and asking again gets the same answer.
                    error += " (redirects are not followed: give the final URL)";
                    permanent = true;
                }
                else
                {
                    permanent = status is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException)
            {
                error = $"no answer within {settings.Timeout.TotalSeconds:0.#} s";
            }
            catch (HttpRequestException ex) when (ex.InnerException is AddressRefusedException refused)
            {
                error = refused.Message;
                permanent = true;
            }
            catch (HttpRequestException ex)
            {
                error = ex.Message;
            }

            var last = permanent || attempt == settings.Attempts;
            await RecordAsync(job, last ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Retrying, attempt, status, error);
            if (last)
            {
                LogFailed(logger, job.Message.Subject, job.Message.Event, job.Target.Redacted(), attempt, error);
                return;
            }

            try
            {
                await Task.Delay(delay, clock, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay *= 2;
        }
    }

    private async Task RecordAsync(WebhookJob job, string status, int attempts, int? statusCode, string? error)
    {
        metrics.WebhookDelivery(status);
        var delivery = new WebhookDelivery(job.Target.Redacted(), job.Target.Format, job.Message.Event, status, attempts, statusCode, error, clock.GetUtcNow());
        try
        {
            await (job.Message switch
            {
                AlertMessage a => grains.GetGrain<IBrandAlertsGrain>(a.Alert.BrandId).RecordDeliveryAsync(a.Alert.Id, job.Key, delivery),
                DigestMessage d => grains.GetGrain<IBrandDigestGrain>(d.Digest.BrandId).RecordDeliveryAsync(job.Key, delivery),
                _ => Task.CompletedTask,
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotRecorded(logger, ex, job.Message.Subject);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook for {Subject} ({Event}) to {Target} failed after {Attempts} attempt(s): {Error}")]
    private static partial void LogFailed(ILogger logger, string subject, string @event, string target, int attempts, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record a webhook delivery on {Subject}")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string subject);
}
