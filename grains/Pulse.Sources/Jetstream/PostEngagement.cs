namespace Pulse.Sources.Jetstream;

/// <summary>What a Jetstream record does to another post.</summary>
internal enum EngagementKind
{
    Like,
    Repost,
    Reply,
    Quote,
}

/// <summary>
/// Engagement a record puts on the post at <paramref name="Subject"/> (an at-uri, untrusted: only ever looked up).
/// <paramref name="Id"/> is the engagement's own identity: the like's or repost's at-uri, or a reply's or quote's post
/// at-uri with <c>#reply</c> / <c>#quote</c>, so it never collides with that post's own mention id.
/// </summary>
internal readonly record struct PostEngagement(string Id, string Subject, EngagementKind Kind);
