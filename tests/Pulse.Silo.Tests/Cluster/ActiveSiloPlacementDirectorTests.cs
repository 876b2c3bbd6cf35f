using System.Collections.Immutable;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime.Placement;
using Pulse.Silo.Cluster.Placement;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>
/// The placement that keeps grains placeable when Orleans' cluster manifest lists no silo for their type (the stall of
/// issue 11): the default's choice otherwise, the active members then.
/// </summary>
public sealed class ActiveSiloPlacementDirectorTests
{
    private static readonly SiloAddress Local = SiloAddress.New(IPAddress.Loopback, 11111, 1);
    private static readonly SiloAddress Other = SiloAddress.New(IPAddress.Loopback, 11112, 1);
    private static readonly SiloAddress Dead = SiloAddress.New(IPAddress.Loopback, 11113, 1);

    private static readonly PlacementTarget Target = new(
        GrainId.Create("brandchannel", "acme/x"), [], GrainInterfaceType.Create("Pulse.Grains.Channels.IBrandChannelGrain"), 0);

    [Fact]
    public async Task Uses_the_silos_the_manifest_lists_when_there_are_any()
    {
        var inner = new RecordingDirector();
        var director = Director(inner);

        var placed = await director.OnAddActivation(new ActiveSiloPlacement(), Target, new ManifestContext(() => [Other]));

        Assert.Equal(Other, placed);
        Assert.Equal([Other], inner.Offered!);
    }

    [Fact]
    public async Task Falls_back_to_the_active_members_when_the_manifest_lists_none()
    {
        var inner = new RecordingDirector();
        var director = Director(inner);
        var context = new ManifestContext(() => throw new OrleansException(
            "No active nodes are compatible with grain brandchannel and interface Pulse.Grains.Channels.IBrandChannelGrain version 0. Known nodes with grain type: none."));

        var placed = await director.OnAddActivation(new ActiveSiloPlacement(), Target, context);

        Assert.Equal([Local, Other], inner.Offered!.Order());
        Assert.Contains(placed, new[] { Local, Other });
    }

    [Fact]
    public async Task An_empty_manifest_list_falls_back_too()
    {
        var inner = new RecordingDirector();

        await Director(inner).OnAddActivation(new ActiveSiloPlacement(), Target, new ManifestContext(() => []));

        Assert.Equal([Local, Other], inner.Offered!.Order());
    }

    [Fact]
    public async Task Other_placement_errors_are_not_hidden()
    {
        var director = Director(new RecordingDirector());
        var context = new ManifestContext(() => throw new OrleansException("the silo is stopping"));

        await Assert.ThrowsAsync<OrleansException>(() => director.OnAddActivation(new ActiveSiloPlacement(), Target, context));
    }

    private static ActiveSiloPlacementDirector Director(IPlacementDirector inner) =>
        new(inner, new Membership(), NullLogger<ActiveSiloPlacementDirector>.Instance);

    /// <summary>Stands in for Orleans' resource-optimized director: takes the first silo it is offered.</summary>
    private sealed class RecordingDirector : IPlacementDirector
    {
        public SiloAddress[]? Offered { get; private set; }

        public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
        {
            Offered = context.GetCompatibleSilos(target);
            return Task.FromResult(Offered[0]);
        }
    }

    private sealed class ManifestContext(Func<SiloAddress[]> compatible) : IPlacementContext
    {
        public SiloAddress LocalSilo => Local;

        public SiloStatus LocalSiloStatus => SiloStatus.Active;

        public SiloAddress[] GetCompatibleSilos(PlacementTarget target) => compatible();

        public IReadOnlyDictionary<ushort, SiloAddress[]> GetCompatibleSilosWithVersions(PlacementTarget target) => throw new NotSupportedException();
    }

    /// <summary>Two active silos and one the cluster declared dead.</summary>
    private sealed class Membership : IClusterMembershipService
    {
        public ClusterMembershipSnapshot CurrentSnapshot { get; } = new(
            ImmutableDictionary.CreateRange(new[]
            {
                KeyValuePair.Create(Local, new ClusterMember(Local, SiloStatus.Active, "a")),
                KeyValuePair.Create(Other, new ClusterMember(Other, SiloStatus.Active, "b")),
                KeyValuePair.Create(Dead, new ClusterMember(Dead, SiloStatus.Dead, "c")),
            }),
            new MembershipVersion(7));

        public IAsyncEnumerable<ClusterMembershipSnapshot> MembershipUpdates => throw new NotSupportedException();

        public ValueTask Refresh(MembershipVersion minimumVersion = default, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public Task<bool> TryKill(SiloAddress siloAddress) => Task.FromResult(false);
    }
}
