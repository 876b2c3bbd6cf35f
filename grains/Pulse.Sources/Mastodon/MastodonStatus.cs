using System.Text.Json.Serialization;

namespace Pulse.Sources.Mastodon;

/// <summary>The fields of Mastodon's Status entity that Pulse uses; everything else in the JSON is ignored.</summary>
internal sealed record MastodonStatus
{
    public string? Id { get; init; }

    /// <summary>The ActivityPub id: the same on every instance, hence the mention id.</summary>
    public string? Uri { get; init; }

    /// <summary>The HTML page of the status.</summary>
    public string? Url { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>HTML.</summary>
    public string? Content { get; init; }

    /// <summary>The content warning: plain text.</summary>
    public string? SpoilerText { get; init; }

    public string? Language { get; init; }

    public MastodonAccount? Account { get; init; }

    /// <summary>Set when this status is a boost wrapping another one.</summary>
    public MastodonStatus? Reblog { get; init; }

    public long FavouritesCount { get; init; }

    public long ReblogsCount { get; init; }

    public long RepliesCount { get; init; }
}

internal sealed record MastodonAccount
{
    /// <summary><c>user</c> for the instance's own accounts, <c>user@domain</c> for remote ones.</summary>
    public string? Acct { get; init; }
}

/// <summary>Source-generated (de)serialisation: no reflection on the hot path of a busy federated stream.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(MastodonStatus))]
internal sealed partial class MastodonJson : JsonSerializerContext;
