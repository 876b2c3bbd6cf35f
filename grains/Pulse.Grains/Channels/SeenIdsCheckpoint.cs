using Pulse.Analytics.Windows;

namespace Pulse.Grains.Channels;

/// <summary>The de-duplication set: <see cref="RecentMentionIdsState"/> in Orleans-serializable fields.</summary>
[GenerateSerializer]
internal sealed record SeenIdsCheckpoint(
    [property: Id(0)] TimeSpan Horizon,
    [property: Id(1)] DateTimeOffset SavedAt,
    [property: Id(2)] TimeSpan IntoGeneration,
    [property: Id(3)] ulong[] Current,
    [property: Id(4)] ulong[] Previous)
{
    /// <summary>Nothing seen: restores to an empty set under any horizon.</summary>
    public static SeenIdsCheckpoint Empty { get; } = new(TimeSpan.Zero, default, TimeSpan.Zero, [], []);

    public static SeenIdsCheckpoint From(RecentMentionIdsState state) =>
        new(state.Horizon, state.SavedAt, state.IntoGeneration, state.Current, state.Previous);
}
