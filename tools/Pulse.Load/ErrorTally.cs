namespace Pulse.Load;

/// <summary>Failed requests of one kind and the mentions they carried that were not accepted.</summary>
internal readonly record struct ErrorTally(long Requests, long Mentions);
