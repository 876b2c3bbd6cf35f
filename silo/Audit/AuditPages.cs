namespace Pulse.Silo.Audit;

/// <summary>How both logs cut a page: they look for one entry more than asked, so a page knows whether another follows.</summary>
internal static class AuditPages
{
    public static AuditPage Of(List<AuditEntry> newestFirst, int limit)
    {
        if (newestFirst.Count <= limit)
        {
            return new AuditPage(newestFirst, null);
        }

        newestFirst.RemoveRange(limit, newestFirst.Count - limit);
        return new AuditPage(newestFirst, newestFirst[^1].Position);
    }
}
