namespace Pulse.Silo.Demo;

/// <summary>One scheduled spike: from <see cref="Start"/> the brand's volume ramps up for <see cref="End"/> − <see cref="Start"/>.</summary>
public sealed record DemoCrisis(long Number, string BrandId, string BrandName, string Hashtag, DateTimeOffset Start, DateTimeOffset End);
