using System.Text.Json;

namespace Pulse.Sources.Mastodon;

internal sealed partial class MastodonRun
{
    private const int MaxPageBytes = 16 << 20;
    private TimeSpan _pace;

    /// <summary>
    /// Fills the gap since the cursor from the REST timeline: pages of statuses immediately newer than <c>min_id</c>,
    /// applied oldest first, until a page is empty. The next <c>min_id</c> is the newest id of the page rather than the
    /// Link header's URL, so the token is never sent to a URL the server chose.
    /// </summary>
    private async Task BackfillAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        for (var page = 0; page < options.MaxBackfillPages; page++)
        {
            if (_pace > TimeSpan.Zero)
            {
                LogPacing(source.Id, _pace);
                await Task.Delay(_pace, clock, cancellationToken).ConfigureAwait(false);
            }

            var before = _cursor!;
            using var request = Get(endpoints.TimelinePage(before, options.PageSize), "application/json");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            _pace = RateLimit.Pace(response.Headers, clock.GetUtcNow());
            if (_pace > options.MaxRateLimitWait)
            {
                _pace = options.MaxRateLimitWait;
            }

            await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
            var statuses = await ReadPageAsync(response.Content, cancellationToken).ConfigureAwait(false);
            if (statuses.Count == 0)
            {
                break;
            }

            // Mastodon answers newest first; ingest wants event order.
            statuses.Sort((a, b) => StatusId.Compare(a.Id, b.Id));
            total += statuses.Count;
            sink.Received(statuses.Count, NewestCreatedAt(statuses));
            await ApplyAsync(statuses, cancellationToken).ConfigureAwait(false);
            if (StatusId.Compare(_cursor, before) <= 0)
            {
                break; // no progress (the server ignored min_id, or the page was all repeats): stop rather than loop
            }

            if (page == options.MaxBackfillPages - 1)
            {
                LogBackfillCut(source.Id, total, _cursor);
            }
        }

        LogBackfilled(source.Id, total, _cursor);
    }

    /// <summary>A timeline page: a JSON array of statuses; each malformed element is skipped and counted alone.</summary>
    private async Task<List<MastodonStatus>> ReadPageAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxPageBytes)
        {
            throw new InvalidDataException($"A timeline page of {content.Headers.ContentLength} bytes is beyond the {MaxPageBytes} accepted.");
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // The bound holds when the length is not announced, too.
            var bytes = new MemoryStream();
            var buffer = new byte[81_920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (bytes.Length + read > MaxPageBytes)
                {
                    throw new InvalidDataException($"A timeline page beyond the {MaxPageBytes} bytes accepted.");
                }

                bytes.Write(buffer, 0, read);
            }

            using var json = JsonDocument.Parse(bytes.GetBuffer().AsMemory(0, (int)bytes.Length));
            if (json.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("A timeline page that is not a JSON array.");
            }

            var statuses = new List<MastodonStatus>(json.RootElement.GetArrayLength());
            foreach (var element in json.RootElement.EnumerateArray())
            {
                if (Parse(element) is { } status)
                {
                    statuses.Add(status);
                }
                else
                {
                    sink.Skipped(1, Malformed);
                }
            }

            return statuses;
        }
    }

    private static MastodonStatus? Parse(JsonElement element)
    {
        try
        {
            return element.ValueKind == JsonValueKind.Object ? element.Deserialize(MastodonJson.Default.MastodonStatus) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private DateTimeOffset? NewestCreatedAt(IEnumerable<MastodonStatus> statuses)
    {
        var newest = statuses.Max(s => s.CreatedAt);
        var now = clock.GetUtcNow();
        return newest > now ? now : newest;
    }
}
