namespace Pulse.Silo.Brands;

/// <summary>
/// Section "Pulse:Brands". Brands from the file are added at start when their id is not configured yet; imports
/// (<c>POST /api/brands:import</c>) are bounded by <see cref="MaxImportItems"/> and <see cref="MaxImportBytes"/>.
/// </summary>
public sealed class BrandsOptions
{
    public const string Section = "Pulse:Brands";

    /// <summary>Path of a JSON brands file (relative paths resolve against the working directory, then the app folder).</summary>
    public string? File { get; set; }

    /// <summary>Most brands one <c>POST /api/brands:import</c> may carry (array elements or non-blank NDJSON lines).</summary>
    public int MaxImportItems { get; set; } = 100_000;

    /// <summary>Largest import body in bytes (100 000 brands of a few keywords each take some 15 MB); enforced while reading.</summary>
    public int MaxImportBytes { get; set; } = 32 * 1024 * 1024;
}
