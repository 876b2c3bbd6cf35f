using System.Collections.Concurrent;

namespace Pulse.Silo.Auth.SignIn;

/// <summary>The embedded silo's one-time tokens; a restart forgets them (and prints a new link while no account exists).</summary>
public sealed class InMemoryOneTimeTokenStore : IOneTimeTokenStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);

    public Task AddAsync(string hash, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        _expiries[hash] = expiresAt;
        return Task.CompletedTask;
    }

    public Task<bool> TryConsumeAsync(string hash, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        Task.FromResult(_expiries.TryRemove(hash, out var expiresAt) && expiresAt > now);
}
