using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Pulse.Dashboard.Api;

/// <summary>The problem+json answers every Pulse API shares, so clients see one shape for one kind of mistake.</summary>
public static class ApiProblems
{
    /// <summary>400 naming the bad parameter or field in <c>parameter</c>.</summary>
    public static ProblemHttpResult Invalid(string parameter, string message) =>
        TypedResults.Problem(
            title: $"Invalid '{parameter}'",
            detail: message,
            statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    public static ProblemHttpResult BrandNotFound(string id) =>
        TypedResults.Problem(
            title: $"Brand '{id}' not found",
            detail: $"No brand with id '{id}' is configured. GET /api/brands lists them.",
            statusCode: StatusCodes.Status404NotFound);
}
