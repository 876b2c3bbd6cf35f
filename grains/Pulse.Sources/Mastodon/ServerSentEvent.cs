namespace Pulse.Sources.Mastodon;

/// <summary>One server-sent event: its <c>event:</c> type and its <c>data:</c> lines joined; <see cref="Oversized"/> events carry no data.</summary>
internal sealed record ServerSentEvent(string Type, string Data, bool Oversized = false);
