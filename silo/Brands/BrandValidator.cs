using System.Text.RegularExpressions;
using Pulse.Analytics.Matching;
using Pulse.Grains.Brands;

namespace Pulse.Silo.Brands;

/// <summary>Checks a brand before it is stored: id shape, name, and a query that parses and can match something.</summary>
internal static partial class BrandValidator
{
    /// <summary>Longest brand id; also the cap on the brand tag of an ingested mention.</summary>
    public const int MaxIdLength = 64;

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex IdPattern();

    /// <summary>Whether <paramref name="id"/> is a well-formed brand id (also checked for a user's brand list).</summary>
    public static bool IsValidId(string id) => id.Length <= MaxIdLength && IdPattern().IsMatch(id);

    public static List<string> Validate(BrandDefinition brand)
    {
        var errors = new List<string>();
        if (!IsValidId(brand.Id))
        {
            errors.Add($"id '{brand.Id}' must be 1-{MaxIdLength} characters of lower-case letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }

        errors.AddRange(BrandQueryParser.Validate(brand.ToQuery()));
        return errors;
    }
}
