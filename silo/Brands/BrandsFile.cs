using System.Text.Json;
using Pulse.Grains.Brands;

namespace Pulse.Silo.Brands;

/// <summary>Reads a brands file: a JSON array of brands in the API's format.</summary>
internal static class BrandsFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static BrandDefinition[] Load(string path)
    {
        var requests = JsonSerializer.Deserialize<BrandRequest[]>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"Brands file '{path}' is empty.");
        var brands = new BrandDefinition[requests.Length];
        for (var i = 0; i < requests.Length; i++)
        {
            var id = requests[i].Id ?? throw new InvalidDataException($"Brands file '{path}': brand #{i + 1} has no id.");
            brands[i] = requests[i].ToDefinition(id);
            var errors = BrandValidator.Validate(brands[i]);
            if (errors.Count > 0)
            {
                throw new InvalidDataException($"Brands file '{path}': brand '{id}': {string.Join(" ", errors)}");
            }
        }

        return brands;
    }
}
