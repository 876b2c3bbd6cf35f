using Pulse.Synthetic;

namespace Pulse.Silo.Demo;

/// <summary>
/// What the generator knows about a brand beyond matching: its home language, how loud
/// and how grumpy its audience is, what people talk about, and what its crisis looks like.
/// </summary>
internal sealed record DemoBrandProfile(
    string Language,
    double Weight,
    double PositiveShare,
    double NegativeShare,
    IReadOnlyList<string> ProductsEn,
    IReadOnlyList<string> ProductsDe,
    string CrisisHashtag,
    IReadOnlyList<string> CrisisTermsEn,
    IReadOnlyList<string> CrisisTermsDe,
    IReadOnlyList<DemoDecoy> Decoys)
{
    public IReadOnlyList<string> Products(string language) => language == DemoLanguages.German ? ProductsDe : ProductsEn;

    public IReadOnlyList<string> CrisisTerms(string language) => language == DemoLanguages.German ? CrisisTermsDe : CrisisTermsEn;
}
