using System.Text.Json;

namespace Pulse.Sources.Mastodon;

internal sealed partial class MastodonRun
{
    /// <summary>
    /// Reads the open stream until the server ends it. <c>update</c> carries a new status; <c>delete</c> and
    /// <c>status.update</c> (an edit) are counted as received and change nothing: counts are taken once, when a post is new.
    /// </summary>
    private async Task ReadStreamAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new ServerSentEventReader(body, options.MaxEventBytes, options.IdleTimeout, clock, cancellationToken);
        while (await reader.ReadAsync().ConfigureAwait(false) is { } e)
        {
            if (e.Oversized)
            {
                LogSkipped(source.Id, Oversized, e.Type);
                sink.Skipped(1, Oversized);
                continue;
            }

            if (e.Type != "update")
            {
                sink.Received(1, null);
                continue;
            }

            if (Parse(e.Data) is not { } status)
            {
                LogSkipped(source.Id, Malformed, e.Type);
                sink.Skipped(1, Malformed);
                continue;
            }

            sink.Received(1, NewestCreatedAt([status]));
            await ApplyAsync([status], cancellationToken).ConfigureAwait(false);
        }
    }

    private static MastodonStatus? Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, MastodonJson.Default.MastodonStatus);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
