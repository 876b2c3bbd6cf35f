using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Pulse.Silo.Brands.Import;

/// <summary>The problem+json answers of <c>POST /api/brands:import</c> when nothing was imported.</summary>
internal static class BrandImportProblems
{
    /// <summary>400: every item was rejected (or there was none); <c>rejected</c> lists each with its line and errors.</summary>
    public static ProblemHttpResult NoneValid(IReadOnlyList<BrandImportRejection> rejected) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: rejected.Count == 0 ? "No brands to import" : "No brand was imported",
            detail: rejected.Count == 0
                ? "The body holds no brands: send a JSON array of brands, or NDJSON with one brand per line."
                : string.Create(CultureInfo.InvariantCulture, $"All {rejected.Count} brand(s) are invalid; none was imported. See 'rejected'."),
            extensions: new Dictionary<string, object?> { ["rejected"] = rejected });

    /// <summary>400: the body is not JSON, or not an array (or object) of brands; nothing was imported.</summary>
    public static ProblemHttpResult Malformed(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed request body", detail: detail);

    /// <summary>413: more brands than one import may carry.</summary>
    public static ProblemHttpResult TooManyItems(string detail, int limit) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Too many brands",
            detail: detail,
            extensions: new Dictionary<string, object?> { ["limit"] = limit });
}
