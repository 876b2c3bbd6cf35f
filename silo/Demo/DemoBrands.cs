using System.Text.Json;

namespace Pulse.Silo.Demo;

/// <summary>The fictional brands the demo talks about.</summary>
public static class DemoBrands
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Where the build copies <c>Demo/demo-brands.json</c>.</summary>
    public static string DefaultFilePath { get; } = Path.Combine(AppContext.BaseDirectory, "Demo", "demo-brands.json");

    /// <summary>Reads a brand file (see <see cref="ResolvePath"/>).</summary>
    public static IReadOnlyList<DemoBrand> Load(string path)
    {
        var fullPath = ResolvePath(path);
        using var stream = File.OpenRead(fullPath);
        var brands = JsonSerializer.Deserialize<List<DemoBrand>>(stream, JsonOptions)
            ?? throw new InvalidDataException($"Brand file '{fullPath}' is empty.");
        var normalized = brands.ConvertAll(Normalize);
        Validate(normalized, fullPath);
        return normalized;
    }

    /// <summary>A relative path is taken from <see cref="AppContext.BaseDirectory"/>, not the working directory.</summary>
    public static string ResolvePath(string path) => Path.GetFullPath(path, AppContext.BaseDirectory);

    private static void Validate(List<DemoBrand> brands, string fullPath)
    {
        if (brands.Count == 0)
        {
            throw new InvalidDataException($"Brand file '{fullPath}' lists no brands.");
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var brand in brands)
        {
            if (string.IsNullOrWhiteSpace(brand.Id) || string.IsNullOrWhiteSpace(brand.Name) || !ids.Add(brand.Id))
            {
                throw new InvalidDataException($"Brand file '{fullPath}': every brand needs a unique id and a name.");
            }

            if (brand.Keywords.Count + brand.Hashtags.Count + brand.Handles.Count == 0)
            {
                throw new InvalidDataException($"Brand file '{fullPath}': brand '{brand.Id}' has nothing to match on.");
            }
        }
    }

    // JSON may omit lists; the rest of the demo never wants to see null.
    private static DemoBrand Normalize(DemoBrand brand) => brand with
    {
        Keywords = brand.Keywords ?? [],
        Hashtags = brand.Hashtags ?? [],
        Handles = brand.Handles ?? [],
        Exclude = brand.Exclude ?? [],
        ExcludeAuthors = brand.ExcludeAuthors ?? [],
    };
}
