using Pulse.Grains.Ingest.Durable;

namespace Pulse.Grains.Channels;

/// <summary>What a (brand, channel) grain did with a batch (<see cref="IBrandChannelGrain.RecordAsync"/>).</summary>
/// <param name="AppliedBefore">The batch's partition's last applied position before it (null: none yet, or no origin).</param>
/// <param name="Duplicates">Indexes into the batch of the mentions skipped as seen before (null: none).</param>
[GenerateSerializer, Immutable]
public sealed record RecordOutcome([property: Id(0)] LogPosition? AppliedBefore, [property: Id(1)] int[]? Duplicates = null);
