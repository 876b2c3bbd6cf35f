using System.Collections.Concurrent;

namespace Pulse.Silo.Auth.Users;

/// <summary>The embedded silo's accounts: gone when the process ends, like the rest of its in-memory state.</summary>
public sealed class InMemoryUserStore : IPulseUserStore
{
    private readonly ConcurrentDictionary<string, PulseUser> _byName = new(StringComparer.Ordinal);

    public Task<bool> AddAsync(PulseUser user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Task.FromResult(_byName.TryAdd(user.Name, user));
    }

    public Task<PulseUser?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_byName.GetValueOrDefault(name));

    public Task<IReadOnlyList<PulseUser>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PulseUser>>([.. _byName.Values.OrderBy(u => u.Name, StringComparer.Ordinal)]);

    public Task<bool> AnyAsync(CancellationToken cancellationToken = default) => Task.FromResult(!_byName.IsEmpty);

    public Task<bool> DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_byName.TryRemove(name, out _));

    public Task<SignInFailure?> RecordFailureAsync(string name, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        // Compare-and-swap, so concurrent failures each count and a concurrent delete is never undone.
        while (_byName.TryGetValue(name, out var user))
        {
            var failures = user.FailedSignIns + 1;
            DateTimeOffset? lockedUntil = failures >= UserLockout.MaxFailures ? now + UserLockout.Duration : null;
            var updated = lockedUntil is null ? user with { FailedSignIns = failures } : user with { FailedSignIns = 0, LockedUntil = lockedUntil };
            if (_byName.TryUpdate(name, updated, user))
            {
                return Task.FromResult<SignInFailure?>(new SignInFailure(failures, lockedUntil));
            }
        }

        return Task.FromResult<SignInFailure?>(null);
    }

    public Task RecordSuccessAsync(string name, CancellationToken cancellationToken = default)
    {
        Update(name, user => user with { FailedSignIns = 0, LockedUntil = null });
        return Task.CompletedTask;
    }

    public Task SetPasswordHashAsync(string name, string passwordHash, CancellationToken cancellationToken = default)
    {
        Update(name, user => user with { PasswordHash = passwordHash });
        return Task.CompletedTask;
    }

    private void Update(string name, Func<PulseUser, PulseUser> change)
    {
        while (_byName.TryGetValue(name, out var user) && !_byName.TryUpdate(name, change(user), user))
        {
        }
    }
}
