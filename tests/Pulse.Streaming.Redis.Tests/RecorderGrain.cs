using Orleans.Runtime;
using Orleans.Streams;

namespace Pulse.Streaming.Redis.Tests;

public interface IRecorderGrain : IGrainWithStringKey
{
    Task<IReadOnlyList<Received>> ReceivedAsync();
}

[GenerateSerializer, Immutable]
public sealed record Received([property: Id(0)] string Event, [property: Id(1)] RedisEntryId EntryId);

/// <summary>Records what its queue's stream delivers, with the tokens' entry ids.</summary>
[ImplicitStreamSubscription(StreamCluster.Namespace)]
public sealed class RecorderGrain : Grain, IRecorderGrain
{
    private readonly List<Received> _received = [];

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(StreamCluster.Provider).GetStream<string>(StreamId.Create(StreamCluster.Namespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((e, token) =>
        {
            _received.Add(new Received(e, ((RedisStreamSequenceToken)token!).EntryId));
            return Task.CompletedTask;
        });
    }

    public Task<IReadOnlyList<Received>> ReceivedAsync() => Task.FromResult<IReadOnlyList<Received>>([.. _received]);
}
