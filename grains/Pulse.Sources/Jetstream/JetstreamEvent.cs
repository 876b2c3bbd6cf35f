using Pulse.Grains.Mentions;

namespace Pulse.Sources.Jetstream;

/// <summary>
/// One parsed Jetstream event: its network time, the v2 sequence when the server sent one, a key that identifies the
/// event across a replay (for de-duplication), and the mention when it was a new post.
/// </summary>
internal readonly record struct JetstreamEvent(long TimeUs, long? Seq, string Key, Mention? Mention);
