using Pulse.Grains.Brands;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Tests.Brands;

public sealed class CompiledBrandsTests
{
    [Fact]
    public void A_stored_brand_that_breaks_a_newer_rule_is_left_out_of_matching_alone()
    {
        // Saved before the nesting limit existed: 40 levels deep.
        var deep = new string('(', 40) + "quux" + new string(')', 40);
        var compiled = CompiledBrands.Compile(7,
        [
            new BrandDefinition("good", "Good", ["zorblat"], [], []),
            new BrandDefinition("old", "Old", [], [], [], Query: deep),
        ]);

        Assert.Contains("depth", Assert.Single(compiled.Skipped, s => s.Key == "old").Value, StringComparison.OrdinalIgnoreCase);
        var found = new List<string>();
        compiled.Match(new Mention("m1", "x", "zorblat and quux", DateTimeOffset.UtcNow), found);
        Assert.Equal(["good"], found);
        found.Clear();
        compiled.Match(new Mention("m2", "x", "tagged", DateTimeOffset.UtcNow, Brand: "OLD"), found);
        Assert.Equal(["old"], found); // a tag still reaches it
    }
}
