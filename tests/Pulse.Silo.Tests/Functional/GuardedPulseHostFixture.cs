namespace Pulse.Silo.Tests.Functional;

/// <summary>A second real host with the shipped webhook setting: private networks not allowed.</summary>
public sealed class GuardedPulseHostFixture() : PulseHostFixture(allowPrivateNetworks: false);
