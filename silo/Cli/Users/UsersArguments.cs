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
    private static readonly HashSet<string> ValueFlags = new(StringComparer.Ordinal)
    {
        "--role", "--brands", "--password-file", "--redis", "--cluster-id", "--redis-password-file", "--redis-tls-ca",
    };

    /// <summary>Null with a null <paramref name="error"/> means help was asked for.</summary>
    public static UsersArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        if (args.Count == 0 || args[0] is "-h" or "--help")
        {
            return null;
        }

        if (args[0] != "add")
        {
            error = $"unknown command 'users {args[0]}'";
            return null;
        }

        string? name = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var tls = false;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help")
            {
                return null;
            }

            if (arg == "--redis-tls")
            {
                tls = true;
            }
            else if (arg == "--password")
            {
                error = "--password would show the password in the process list; use --password-file, stdin or the prompt";
                return null;
            }
            else if (ValueFlags.Contains(arg))
            {
                if (i + 1 >= args.Count)
                {
                    error = $"{arg} needs a value";
                    return null;
                }

                values[arg] = args[++i];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) || name is not null)
            {
                error = $"unknown argument '{arg}'";
                return null;
            }
            else
            {
                name = arg;
            }
        }

        if (name is null || !values.TryGetValue("--role", out var role))
        {
            error = "give a NAME and --role";
            return null;
        }

        var brands = values.TryGetValue("--brands", out var list)
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        return new UsersArguments(
            name,
            role,
            brands,
            values.GetValueOrDefault("--password-file"),
            values.GetValueOrDefault("--redis"),
            values.GetValueOrDefault("--cluster-id") ?? "pulse",
            values.GetValueOrDefault("--redis-password-file"),
            tls,
            values.GetValueOrDefault("--redis-tls-ca"));
    }
}
