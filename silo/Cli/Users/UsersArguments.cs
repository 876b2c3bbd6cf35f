using System.CommandLine;

namespace Pulse.Silo.Cli.Users;

/// <summary><c>pulse users add</c>'s arguments.</summary>
internal sealed record UsersArguments(
    string Name,
    string Role,
    IReadOnlyList<string> Brands,
    string? PasswordFile,
    string? Redis,
    string ClusterId,
    string? RedisPasswordFile,
    bool RedisTls,
    string? RedisTlsCaFile = null)
{
    /// <summary><c>users</c> with its <c>add</c> command, whose action gets the parsed arguments.</summary>
    public static Command Command(Func<UsersArguments, CancellationToken, Task<int>> add, TextWriter stdout)
    {
        var name = new Argument<string>("NAME") { Description = "The account's name (sign-in name)" };
        var role = new Option<string>("--role") { Description = "viewer, responder or admin", HelpName = "viewer|responder|admin", Required = true };
        var brands = new Option<string>("--brands") { Description = "Limit the account to these brands", HelpName = "ID,ID" };
        var passwordFile = new Option<string>("--password-file") { Description = "A file holding the password (trailing newline ignored); else stdin when piped, else a prompt", HelpName = "FILE" };
        var password = new Option<string>("--password") { Hidden = true };
        password.Validators.Add(r => r.AddError("--password would show the password in the process list; use --password-file, stdin or the prompt"));
        var redis = new Option<string>("--redis") { Description = "The cluster's Redis (accounts of an embedded silo live in its own process)", HelpName = "HOST:PORT" };
        var clusterId = new Option<string>("--cluster-id") { Description = "The cluster's id in Redis", DefaultValueFactory = _ => "pulse" };
        var redisPasswordFile = new Option<string>("--redis-password-file") { Description = "A file holding the Redis password (or Pulse__Redis__Password; an ACL user: Pulse__Redis__User)", HelpName = "FILE" };
        var redisTls = new Option<bool>("--redis-tls") { Description = "Reach Redis over TLS" };
        var redisTlsCa = new Option<string>("--redis-tls-ca") { Description = "The CA that signed Redis's certificate", HelpName = "CA.pem" };

        var addCommand = new Command("add", "Creates a dashboard account in a cluster's Redis, by the rules of POST /api/users.")
        {
            name, role, brands, passwordFile, password, redis, clusterId, redisPasswordFile, redisTls, redisTlsCa,
        };
        addCommand.SetAction((parsed, cancellationToken) => add(
            new UsersArguments(
                parsed.GetRequiredValue(name),
                parsed.GetRequiredValue(role),
                parsed.GetValue(brands)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [],
                parsed.GetValue(passwordFile),
                parsed.GetValue(redis),
                parsed.GetValue(clusterId) ?? "pulse",
                parsed.GetValue(redisPasswordFile),
                parsed.GetValue(redisTls),
                parsed.GetValue(redisTlsCa)),
            cancellationToken));

        var users = new Command("users", """
            Dashboard accounts of a cluster (in its Redis). An embedded silo keeps its accounts in its own memory: there, open
            the one-time link it prints at start, then use POST /api/users.
            """) { addCommand };
        // `pulse users` alone shows what it can do.
        users.SetAction(parsed => parsed.RootCommandResult.Command.Parse(["users", "--help"]).Invoke(new InvocationConfiguration { Output = stdout }));
        return users;
    }
}
