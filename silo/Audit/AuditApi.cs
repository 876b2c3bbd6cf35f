using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Pulse.Dashboard.Api;
using Pulse.Silo.Auth;
using Pulse.Streaming.Redis;

namespace Pulse.Silo.Audit;

/// <summary>
/// <c>GET /api/audit</c>, admin only: the audit log newest first, a page at a time. <c>before</c> takes the previous page's
/// <c>next</c> (or an ISO 8601 time), <c>limit</c> 1 to 500 (100), <c>action</c> one action's name, <c>target</c> one exact target.
/// </summary>
public static class AuditApi
{
    public const string Route = "/api/audit";

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Route, ReadAsync).WithTags("Audit").WithName("ReadAudit").RequireAuthorization(PulsePolicies.Admin, PulsePolicies.EveryBrand);
        return app;
    }

    private static async Task<Results<Ok<AuditPageView>, ProblemHttpResult>> ReadAsync(
        IAuditLog log, CancellationToken cancellationToken, string? before = null, string? limit = null, string? action = null, string? target = null)
    {
        RedisEntryId? from = null;
        if (before is not null)
        {
            if (RedisEntryId.TryParse(before, out var cursor))
            {
                from = cursor;
            }
            else if (DateTimeOffset.TryParse(before, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
            {
                from = AuditEntry.PositionAt(time);
            }
            else
            {
                return ApiProblems.Invalid("before", $"'{before}' is neither a page's 'next' cursor (\"1767225600000-0\") nor an ISO 8601 time (\"2026-01-01T00:00:00Z\").");
            }
        }

        var count = AuditQuery.DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > AuditQuery.MaxLimit))
        {
            return ApiProblems.Invalid("limit", $"Give a whole number from 1 to {AuditQuery.MaxLimit} (default {AuditQuery.DefaultLimit}).");
        }

        AuditAction? only = null;
        if (action is not null)
        {
            if (!AuditNames.Action.TryParse(action.Trim().ToLowerInvariant(), out var known))
            {
                return ApiProblems.Invalid("action", $"Unknown action '{action}'. Use one of: {AuditNames.Action.Known}.");
            }

            only = known;
        }

        var page = await log.ReadAsync(new AuditQuery(from, count, only, string.IsNullOrEmpty(target) ? null : target), cancellationToken);
        return TypedResults.Ok(new AuditPageView([.. page.Entries.Select(AuditEntryView.Of)], page.Next?.ToString()));
    }
}
