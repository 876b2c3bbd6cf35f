namespace Pulse.Silo.Brands.Import;

/// <summary>
/// A body read as brands: each item that is a JSON object (<see cref="Items"/>) and each that is not (<see cref="Rejected"/>),
/// or, past <see cref="Failure"/> other than none, nothing (the body is not an import, or too large a one).
/// </summary>
internal sealed record BrandImportParse(
    IReadOnlyList<BrandImportItem> Items,
    IReadOnlyList<BrandImportRejection> Rejected,
    BrandImportFailure Failure = BrandImportFailure.None,
    string? FailureDetail = null);

/// <summary>A fault that rejects a whole import, so that none of its brands is stored.</summary>
internal enum BrandImportFailure
{
    /// <summary>Items were judged one by one.</summary>
    None,

    /// <summary>A JSON body is not valid JSON, or neither an object nor an array.</summary>
    MalformedBody,

    /// <summary>More items than <see cref="BrandsOptions.MaxImportItems"/>.</summary>
    TooManyItems,
}
