using Pulse.CommandLine;
using Pulse.Silo.Audit;
using Pulse.Silo.Auth;
using Pulse.Silo.Auth.Users;
using Pulse.Silo.Cluster;
using StackExchange.Redis;

namespace Pulse.Silo.Cli.Users;

/// <summary>
/// <c>pulse users add NAME --role ROLE [--brands A,B] [--password-file F] --redis HOST:PORT [--cluster-id ID]</c>: creates
/// an account in a cluster's Redis, by the rules of <c>POST /api/users</c>. The password comes from a file, from stdin
/// when it is not a terminal, or from a prompt without echo; never from the command line (the process list shows it).
/// An embedded silo keeps its accounts in its own memory, out of reach of another process: there the one-time link
/// printed at start, then <c>POST /api/users</c>, is the way.
/// </summary>
public static class UsersCommand
{
    public const int Ok = ToolExit.Ok;
    public const int Failed = ToolExit.Failed;
    public const int BadInput = ToolExit.BadInput;

    /// <summary>Runs <c>users ...</c> arguments (without the leading <c>pulse</c>), as `pulse users ...` does.</summary>
    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = ToolCommandLine.Root("pulse", "Pulse");
        root.Subcommands.Add(Command(stdin, stdout, stderr, interactive));
        return ToolCommandLine.InvokeAsync(root, ["users", .. args], stdout, stderr);
    }

    /// <summary>The <c>users</c> command of `pulse`.</summary>
    public static System.CommandLine.Command Command(TextReader stdin, TextWriter stdout, TextWriter stderr, bool interactive) =>
        UsersArguments.Command((arguments, _) => AddAsync(arguments, stdin, stdout, stderr, interactive), stdout);

    private static async Task<int> AddAsync(UsersArguments arguments, TextReader stdin, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (arguments.Redis is null)
        {
            await stderr.WriteLineAsync(
                "pulse users: without --redis, accounts live inside the running `pulse` process (embedded mode) and no other " +
                "process can add to them. Open the one-time link `pulse` printed at start (\"Sign in: http://…/auth/once?token=…\"; " +
                "restart it for a new one while no account exists), then create accounts with POST /api/users. " +
                "In cluster mode, pass the cluster's --redis HOST:PORT.").ConfigureAwait(false);
            return BadInput;
        }

        var password = await ReadPasswordAsync(arguments.PasswordFile, stdin, stderr, interactive).ConfigureAwait(false);
        if (password is null)
        {
            return BadInput;
        }

        var redis = new RedisClusterOptions
        {
            Endpoint = arguments.Redis,
            ClusterId = arguments.ClusterId,
            PasswordFile = arguments.RedisPasswordFile,
            Password = Environment.GetEnvironmentVariable("Pulse__Redis__Password"),
            User = Environment.GetEnvironmentVariable("Pulse__Redis__User"),
            Tls = arguments.RedisTls,
            TlsCaFile = arguments.RedisTlsCaFile,
        };
        try
        {
            var options = redis.ToConfigurationOptions();
            options.AbortOnConnectFail = true; // a tool run should fail at once, not wait for Redis to appear
            await using var connection = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);
            var accounts = new UserAccounts(new RedisUserStore(connection, redis), new UserPasswords(), TimeProvider.System);
            var request = new NewUserRequest(arguments.Name, password, arguments.Role, arguments.Brands);
            switch (await accounts.CreateAsync(request).ConfigureAwait(false))
            {
                case UserCreation.Created created:
                    await RecordAsync(connection, redis, created.User, stderr).ConfigureAwait(false);
                    await stdout.WriteLineAsync($"pulse users: created '{created.User.Name}' ({arguments.Role.Trim().ToLowerInvariant()}) in cluster '{redis.ClusterId}'; sign in at /auth/login or the dashboard.").ConfigureAwait(false);
                    return Ok;
                case UserCreation.Invalid invalid:
                    await stderr.WriteLineAsync($"pulse users: {invalid.Field}: {invalid.Message}").ConfigureAwait(false);
                    return BadInput;
                default:
                    await stderr.WriteLineAsync($"pulse users: '{UserNames.Normalize(arguments.Name)}' exists; delete it first (DELETE /api/users/NAME).").ConfigureAwait(false);
                    return Failed;
            }
        }
        catch (Exception ex) when (ex is RedisException or InvalidOperationException)
        {
            await stderr.WriteLineAsync($"pulse users: cannot reach Redis at {arguments.Redis}: {ex.Message}").ConfigureAwait(false);
            return Failed;
        }
    }

    /// <summary>
    /// Into the cluster's audit log, as <c>POST /api/users</c> records it; a failure only warns, since the account exists
    /// and failing now would send the operator to create it again.
    /// </summary>
    private static async Task RecordAsync(IConnectionMultiplexer connection, RedisClusterOptions redis, PulseUser user, TextWriter stderr)
    {
        try
        {
            await new RedisAuditLog(connection, redis)
                .AppendAsync(new AuditRecord(AuditActor.Cli(), AuditAction.UserCreate, user.Name, PulseRoleNames.Of(user.Role), null))
                .ConfigureAwait(false);
        }
        catch (RedisException ex)
        {
            await stderr.WriteLineAsync($"pulse users: the account exists, but the audit log did not take the entry: {ex.Message}").ConfigureAwait(false);
        }
    }

    private static async Task<string?> ReadPasswordAsync(string? file, TextReader stdin, TextWriter stderr, bool interactive)
    {
        if (file is not null)
        {
            try
            {
                return (await File.ReadAllTextAsync(file).ConfigureAwait(false)).TrimEnd('\r', '\n');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"pulse users: cannot read --password-file '{file}': {ex.Message}").ConfigureAwait(false);
                return null;
            }
        }

        if (!interactive)
        {
            return await stdin.ReadLineAsync().ConfigureAwait(false) ?? string.Empty;
        }

        var first = PasswordPrompt.Read("Password: ");
        var second = PasswordPrompt.Read("Again: ");
        if (first == second)
        {
            return first;
        }

        await stderr.WriteLineAsync("pulse users: the passwords differ.").ConfigureAwait(false);
        return null;
    }
}
