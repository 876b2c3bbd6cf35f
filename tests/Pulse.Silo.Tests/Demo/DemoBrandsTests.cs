using Pulse.Silo.Demo;
using static Pulse.Silo.Tests.Demo.DemoFixture;

namespace Pulse.Silo.Tests.Demo;

public class DemoBrandsTests
{
    [Fact]
    public void BrandFileListsFiveOrSixBrandsWithUniqueIds()
    {
        Assert.InRange(DemoFixture.Brands.Count, 5, 6);
        Assert.Equal(DemoFixture.Brands.Count, DemoFixture.Brands.Select(b => b.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void AtLeastTwoBrandsAreGerman()
    {
        var german = DemoFixture.Brands.Where(b => DemoBrandProfiles.For(b).Language == "de").Select(b => b.Id);

        Assert.Equal(GermanBrandIds.Order(), german.Order());
    }

    [Fact]
    public void EveryBrandHasAHandcraftedProfileWithItsOwnCrisis()
    {
        var hashtags = DemoFixture.Brands.Select(b => DemoBrandProfiles.For(b).CrisisHashtag).ToList();

        Assert.All(DemoFixture.Brands, b => Assert.NotEqual(DemoBrandProfiles.Fallback(b), DemoBrandProfiles.For(b)));
        Assert.Equal(hashtags.Count, hashtags.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void LumenPhonesIsNotMatchedByThePhysicsUnitAlone()
    {
        var lumen = Brand("lumen-phones");

        Assert.DoesNotContain("lumen", lumen.Keywords, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("lumen phones", lumen.Keywords, StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void DefaultFilePathPointsAtTheCopiedBrandFile()
    {
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "Demo", "demo-brands.json"), DemoBrands.DefaultFilePath);
        Assert.True(File.Exists(DemoBrands.DefaultFilePath), "the build should copy Demo/demo-brands.json next to the binaries");
    }

    [Fact]
    public void LoadingFillsOmittedListsWithEmptyOnes()
    {
        var path = WriteTemp("""[{ "id": "acme", "name": "Acme", "keywords": ["acme"] }]""");

        var brand = Assert.Single(DemoBrands.Load(path));

        Assert.Equal(["acme"], brand.Keywords);
        Assert.Empty(brand.Hashtags);
        Assert.Empty(brand.Exclude);
        Assert.Empty(brand.ExcludeAuthors);
        Assert.Null(brand.Query);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""[{ "id": "a", "name": "A", "keywords": ["a"] }, { "id": "A", "name": "B", "keywords": ["b"] }]""")]
    [InlineData("""[{ "id": "a", "name": "A" }]""")]
    public void LoadingRejectsEmptyDuplicateOrUnmatchableBrands(string json)
    {
        Assert.Throws<InvalidDataException>(() => DemoBrands.Load(WriteTemp(json)));
    }

    private static string WriteTemp(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pulse-demo-brands-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }
}
