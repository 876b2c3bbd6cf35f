using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Pulse.Grains.Webhooks;

/// <summary>A bounded in-memory queue per silo, drained by <see cref="WebhookDeliveryService"/>.</summary>
internal sealed class WebhookOutbox(IOptions<WebhookOptions> options) : IWebhookOutbox
{
    private readonly Channel<WebhookJob> _jobs = Channel.CreateBounded<WebhookJob>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<WebhookJob> Reader => _jobs.Reader;

    public bool TryEnqueue(WebhookJob job) => _jobs.Writer.TryWrite(job);
}
