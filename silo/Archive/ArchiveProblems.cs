using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Pulse.Silo.Archive;

/// <summary>The answers every archive endpoint shares when the archive is off or cannot be reached.</summary>
internal static class ArchiveProblems
{
    /// <summary>
    /// 501: this server lacks what the request needs (RFC 9110 15.6.2), which starting it with the archive would give.
    /// Not 404, which says the brand (or annotation) asked about does not exist.
    /// </summary>
    public static ProblemHttpResult Off(string what) => TypedResults.Problem(
        title: "The archive is off",
        detail: $"{what} live in the mention archive in PostgreSQL: start pulse with --postgres CONNECTION (or set Pulse:Archive:ConnectionString).",
        statusCode: StatusCodes.Status501NotImplemented);

    public static ProblemHttpResult Unavailable(NpgsqlException e) => TypedResults.Problem(
        title: "The archive is unavailable",
        detail: e is PostgresException pg ? $"PostgreSQL answered {pg.SqlState}: {pg.MessageText}" : "PostgreSQL cannot be reached; try again shortly.",
        statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>Runs a read, answering 503 when PostgreSQL fails it.</summary>
    public static async Task<Results<Ok<T>, ProblemHttpResult>> GuardAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return TypedResults.Ok(await read());
        }
        catch (NpgsqlException e)
        {
            return Unavailable(e);
        }
    }
}
