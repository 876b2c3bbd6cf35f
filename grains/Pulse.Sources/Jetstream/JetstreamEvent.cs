using Pulse.Grains.Mentions;

namespace Pulse.Sources.Jetstream;

/// <summary>
/// One parsed Jetstream event: its network time, the v2 sequence when the server sent one, a key that identifies the
/// event across a replay (for de-duplication), the mention when it was a new post, and the engagement it puts on other
/// posts (a like or repost; a reply or quote post, which is also a mention of its own).
/// </summary>
internal readonly record struct JetstreamEvent(long TimeUs, long? Seq, string Key, Mention? Mention, PostEngagement[]? Engagements = null);
