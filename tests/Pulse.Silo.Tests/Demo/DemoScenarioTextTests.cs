using Pulse.Silo.Demo;
using Pulse.Synthetic;
using static Pulse.Silo.Tests.Demo.DemoFixture;

namespace Pulse.Silo.Tests.Demo;

public class DemoScenarioTextTests
{
    // Function words no English template uses: a crude but independent language check.
    private static readonly string[] GermanWords =
    [
        "von", "und", "ist", "der", "die", "das", "mit", "bei", "nicht", "wieder", "für", "über",
        "nach", "wie", "was", "warum", "schon", "gerade", "zu", "eine", "heute", "auf", "wird", "gibt",
    ];

    private static readonly List<DemoGeneratedMention> Minute =
        Scenario().GenerateTagged(Start, Start + TimeSpan.FromMinutes(1));

    [Fact]
    public void EveryPostNamesItsBrandByKeywordHashtagOrHandle()
    {
        Assert.All(Minute, m => Assert.Contains(
            Terms(Brand(m.BrandId)),
            term => m.Mention.Text.Contains(term, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void EveryBrandIsTalkedAboutOnEveryChannel()
    {
        var pairs = Minute.Select(m => (m.BrandId, m.Mention.Channel)).Distinct().Count();

        Assert.Equal(DemoFixture.Brands.Count * 8, pairs);
    }

    [Theory]
    [InlineData("nordtakt")]
    [InlineData("alpenhof-milch")]
    [InlineData("kaffeehaus-berg")]
    public void GermanBrandsAreDiscussedMostlyInGerman(string brandId)
    {
        Assert.InRange(GermanShare(brandId), 0.7, 0.95);
    }

    [Theory]
    [InlineData("voltra-motors")]
    [InlineData("lumen-phones")]
    [InlineData("quillon-bank")]
    public void OtherBrandsAreDiscussedMostlyInEnglishWithSomeGerman(string brandId)
    {
        Assert.InRange(GermanShare(brandId), 0.05, 0.3);
    }

    [Fact]
    public void LanguageTagsAreUsuallyRightSometimesMissingAndOccasionallyWrong()
    {
        var german = Minute.Where(m => m.Kind != DemoMentionKind.Decoy && IsGerman(m.Mention.Text)).ToList();

        var tags = german.GroupBy(m => m.Mention.Lang ?? "none").ToDictionary(g => g.Key, g => g.Count() / (double)german.Count);

        Assert.InRange(tags["de"], 0.75, 0.95);
        Assert.InRange(tags["none"], 0.02, 0.2);
        Assert.InRange(tags["en"], 0.01, 0.1);
    }

    [Fact]
    public void PostsArePositiveNeutralAndNegative()
    {
        var regular = Minute.Where(m => m.Kind == DemoMentionKind.Regular).ToList();

        Assert.All(Enum.GetValues<DemoTone>(), tone => Assert.True(regular.Count(m => m.Tone == tone) > regular.Count / 10, $"{tone} too rare"));
    }

    [Fact]
    public void PostsAboutTheBrandAvoidItsExclusions()
    {
        var onTopic = Minute.Where(m => m.Kind != DemoMentionKind.Decoy).ToList();

        Assert.All(onTopic, m =>
        {
            var brand = Brand(m.BrandId);
            Assert.DoesNotContain(brand.Exclude, term => ContainsWord(m.Mention.Text, term));
            Assert.DoesNotContain(m.Mention.Author, brand.ExcludeAuthors);
        });
    }

    [Fact]
    public void DecoysNameABrandButHitOneOfItsExclusions()
    {
        var decoys = Scenario().GenerateTagged(Start, Start + TimeSpan.FromMinutes(5))
            .Where(m => m.Kind == DemoMentionKind.Decoy).ToList();

        Assert.Equal(["alpenhof-milch", "lumen-phones", "nordtakt"], decoys.Select(m => m.BrandId).Distinct().Order());
        Assert.All(decoys, m =>
        {
            var brand = Brand(m.BrandId);
            Assert.True(
                brand.Exclude.Any(term => ContainsWord(m.Mention.Text, term)) || brand.ExcludeAuthors.Contains(m.Mention.Author),
                $"decoy not excluded: {m.Mention.Author}: {m.Mention.Text}");
        });
        Assert.InRange(decoys.Count / (double)Scenario().Generate(Start, Start + TimeSpan.FromMinutes(5)).Count, 0.001, 0.03);
    }

    [Fact]
    public void AuthorsVary()
    {
        Assert.True(Minute.Select(m => m.Mention.Author).Distinct().Count() > 500);
    }

    private static double GermanShare(string brandId)
    {
        var posts = Minute.Where(m => m.BrandId == brandId && m.Kind != DemoMentionKind.Decoy).ToList();
        return posts.Count(m => IsGerman(m.Mention.Text)) / (double)posts.Count;
    }

    private static bool IsGerman(string text) => GermanWords.Any(word => ContainsWord(text, word));
}
