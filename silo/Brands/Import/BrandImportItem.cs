namespace Pulse.Silo.Brands.Import;

/// <summary>One brand of an import as sent, with where it was: its NDJSON line, or its 1-based position in the array.</summary>
internal sealed record BrandImportItem(int Line, BrandRequest Brand);
