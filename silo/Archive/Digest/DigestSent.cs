using Pulse.Grains.Digests;
using Pulse.Grains.Webhooks;

namespace Pulse.Silo.Archive.Digest;

/// <summary>What <c>POST /api/brands/{id}/digest/send</c> answers: the week sent and each webhook's delivery as queued (redacted).</summary>
public sealed record DigestSent(DigestWeek Week, WebhookDelivery[] Webhooks);
