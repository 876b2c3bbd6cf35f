namespace Pulse.Silo.Brands;

/// <summary>Section "Pulse:Brands". Brands from the file are added at start when their id is not configured yet.</summary>
public sealed class BrandsOptions
{
    public const string Section = "Pulse:Brands";

    /// <summary>Path of a JSON brands file (relative paths resolve against the working directory, then the app folder).</summary>
    public string? File { get; set; }
}
