using Microsoft.Extensions.Logging.Abstractions;
using Pulse.Silo.Auth;
using Pulse.Silo.Auth.Users;

namespace Pulse.Silo.Tests.Auth.SignIn;

/// <summary>
/// What every user store must do, run against memory and a real Redis: create, find, verify through
/// <see cref="PasswordSignIn"/>, lock after 5 consecutive failures for 15 minutes, reset on success, delete.
/// </summary>
public abstract class UserStoreContract
{
    protected const string Password = "correct horse battery";

    private readonly ManualClock _clock = new(DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000));

    protected abstract IPulseUserStore Store { get; }

    private UserAccounts Accounts => new(Store, Passwords, _clock);

    private PasswordSignIn SignIn => new(Store, Passwords, _clock, NullLogger<PasswordSignIn>.Instance);

    private static UserPasswords Passwords { get; } = new();

    [Fact]
    public async Task An_account_is_created_found_listed_and_deleted()
    {
        Assert.False(await Store.AnyAsync());
        var created = Assert.IsType<UserCreation.Created>(await Accounts.CreateAsync(new NewUserRequest(" Alice ", Password, "Responder", ["acme", "globex"])));

        var found = await Store.FindAsync("alice");
        Assert.NotNull(found);
        Assert.Equal(("alice", PulseRole.Responder, created.User.CreatedAt), (found.Name, found.Role, found.CreatedAt));
        Assert.Equal(["acme", "globex"], found.Brands);
        Assert.NotEqual(Password, found.PasswordHash);
        Assert.True(await Store.AnyAsync());
        Assert.Equal(["alice"], (await Store.ListAsync()).Select(u => u.Name));
        Assert.IsType<UserCreation.Taken>(await Accounts.CreateAsync(new NewUserRequest("ALICE", Password, "viewer", null)));

        Assert.True(await Store.DeleteAsync("alice"));
        Assert.False(await Store.DeleteAsync("alice"));
        Assert.Null(await Store.FindAsync("alice"));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task The_right_password_signs_in_and_a_wrong_one_or_unknown_name_fails_alike()
    {
        await CreateAsync("bob");

        Assert.Equal("bob", Assert.IsType<SignInCheck.Succeeded>(await SignIn.CheckAsync("Bob", Password)).User.Name);
        Assert.IsType<SignInCheck.Failed>(await SignIn.CheckAsync("bob", Password + "!"));
        Assert.IsType<SignInCheck.Failed>(await SignIn.CheckAsync("nobody", Password));
        Assert.IsType<SignInCheck.Failed>(await SignIn.CheckAsync(null, null));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Five_failures_in_a_row_lock_the_account_for_15_minutes_even_against_the_right_password()
    {
        await CreateAsync("carol");
        for (var i = 1; i < UserLockout.MaxFailures; i++)
        {
            Assert.IsType<SignInCheck.Failed>(await SignIn.CheckAsync("carol", "wrong password " + i));
            Assert.Equal(i, (await Store.FindAsync("carol"))!.FailedSignIns);
        }

        var locked = Assert.IsType<SignInCheck.LockedOut>(await SignIn.CheckAsync("carol", "wrong password 5"));
        Assert.Equal(_clock.Now + UserLockout.Duration, locked.Until);
        Assert.IsType<SignInCheck.LockedOut>(await SignIn.CheckAsync("carol", Password));

        _clock.Now += UserLockout.Duration - TimeSpan.FromSeconds(1);
        Assert.IsType<SignInCheck.LockedOut>(await SignIn.CheckAsync("carol", Password));
        _clock.Now += TimeSpan.FromSeconds(1);
        Assert.IsType<SignInCheck.Succeeded>(await SignIn.CheckAsync("carol", Password));
        var after = (await Store.FindAsync("carol"))!;
        Assert.Equal((0, null), (after.FailedSignIns, after.LockedUntil));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_success_resets_the_count_so_only_consecutive_failures_lock()
    {
        await CreateAsync("dave");
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < UserLockout.MaxFailures - 1; i++)
            {
                Assert.IsType<SignInCheck.Failed>(await SignIn.CheckAsync("dave", "not it at all"));
            }

            Assert.IsType<SignInCheck.Succeeded>(await SignIn.CheckAsync("dave", Password));
            Assert.Equal(0, (await Store.FindAsync("dave"))!.FailedSignIns);
        }
    }

    [Fact]
    public async Task Concurrent_failures_all_count()
    {
        await CreateAsync("erin");

        var failures = await Task.WhenAll(Enumerable.Range(0, UserLockout.MaxFailures).Select(_ => Store.RecordFailureAsync("erin", _clock.Now)));

        Assert.Single(failures, f => f!.LockedUntil is not null);
        Assert.Equal([1, 2, 3, 4, 5], failures.Select(f => f!.Failures).Order());
        Assert.Null(await Store.RecordFailureAsync("nobody", _clock.Now));
    }

    [Theory]
    [InlineData("name", "", Password, "viewer")]
    [InlineData("name", "setup", Password, "admin")]
    [InlineData("name", "bad name", Password, "viewer")]
    [InlineData("role", "frank", Password, "ingest")]
    [InlineData("role", "frank", Password, "root")]
    [InlineData("password", "frank", "elevenchars", "viewer")]
    public async Task Invalid_requests_name_the_field(string field, string name, string password, string role)
    {
        var invalid = Assert.IsType<UserCreation.Invalid>(await Accounts.CreateAsync(new NewUserRequest(name, password, role, null)));

        Assert.Equal(field, invalid.Field);
        Assert.False(await Store.AnyAsync());
    }

    [Fact]
    public async Task Passwords_longer_than_1024_characters_and_bad_brand_ids_are_refused()
    {
        Assert.Equal("password", Assert.IsType<UserCreation.Invalid>(await Accounts.CreateAsync(new NewUserRequest("gina", new string('x', 1025), "viewer", null))).Field);
        Assert.Equal("brands", Assert.IsType<UserCreation.Invalid>(await Accounts.CreateAsync(new NewUserRequest("gina", Password, "viewer", ["<script>"]))).Field);
        Assert.IsType<UserCreation.Created>(await Accounts.CreateAsync(new NewUserRequest("gina", new string('x', 1024), "viewer", null)));
    }

    protected async Task CreateAsync(string name) =>
        Assert.IsType<UserCreation.Created>(await Accounts.CreateAsync(new NewUserRequest(name, Password, "admin", null)));
}
