using Pulse.Grains.Mentions;

namespace Pulse.Sources.Rss;

/// <summary>
/// One item of a feed document: its key (guid/id, else link, else a hash of its text: what "the same item" means
/// across polls) and the mention it becomes, or null when it has nothing to say (skipped, but still remembered).
/// </summary>
internal sealed record FeedEntry(string Key, Mention? Mention);
