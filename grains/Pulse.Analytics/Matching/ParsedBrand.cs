namespace Pulse.Analytics.Matching;

/// <summary>
/// A brand as <see cref="BrandQueryValidator"/> parsed it while checking: its keywords, hashtags and handles (in that
/// order), its query and its exclusions, ready to compile.
/// </summary>
internal sealed record ParsedBrand(BrandQuery Brand, List<TermPattern> AnyOf, QueryNode? Query, List<TermPattern> NoneOf);
