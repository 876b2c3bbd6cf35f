namespace Pulse.Silo.Archive.Search;

/// <summary>
/// Where a mention stands in a result list, best first: newest (or most engaged, then newest), then by mention id and
/// brand, so the order is total and a cursor (<see cref="SearchCursor"/>) resumes exactly after its row.
/// </summary>
internal readonly record struct SearchKey(long Engagement, long Ticks, string MentionId, string BrandId)
{
    public static SearchKey Of(SearchCursor cursor) => new(cursor.Engagement, cursor.PublishedAt.Ticks, cursor.MentionId, cursor.BrandId);

    /// <summary>Positive when <paramref name="a"/> comes before <paramref name="b"/> in the results.</summary>
    public static int Rank(MentionSearchSort sort, in SearchKey a, in SearchKey b)
    {
        var order = sort == MentionSearchSort.Engagement ? a.Engagement.CompareTo(b.Engagement) : 0;
        if (order == 0)
        {
            order = a.Ticks.CompareTo(b.Ticks);
        }

        if (order == 0)
        {
            order = string.CompareOrdinal(a.MentionId, b.MentionId);
        }

        return order != 0 ? order : string.CompareOrdinal(a.BrandId, b.BrandId);
    }
}
