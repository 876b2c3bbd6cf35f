using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Silo.Auth.SignIn;
using Pulse.Silo.Cli.Users;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Auth.SignIn;

/// <summary>`pulse users add` against a real redis-server, then a cluster host of that Redis signs the person in over HTTP.</summary>
public sealed class UsersCommandTests : IAsyncLifetime
{
    private const string Password = "piped through stdin";

    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Trait("Category", "Slow")]
    [Fact]
    public async Task An_account_added_in_redis_signs_in_on_a_cluster_host()
    {
        var (code, stdout, stderr) = await RunAsync(Password + "\n", "add", "Vera", "--role", "admin", "--brands", "acme,globex", "--redis", _redis.Endpoint, "--cluster-id", "cli-users");
        Assert.True(code == UsersCommand.Ok, stderr);
        Assert.Contains("created 'vera'", stdout, StringComparison.Ordinal);

        await using var host = await RunningHost.StartAsync(
        [
            "--redis", _redis.Endpoint, "--cluster-id", "cli-users",
            "--silo-port", FreePort.Next().ToString(CultureInfo.InvariantCulture), "--gateway-port", FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ]);
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.BaseAddress };
        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsJsonAsync(SignInApi.Login, new { name = "vera", password = Password })).StatusCode);
        var me = await browser.GetFromJsonAsync<JsonElement>(SignInApi.Me);
        Assert.Equal(("vera", "admin"), (me.GetProperty("name").GetString(), me.GetProperty("role").GetString()));
        Assert.Equal(["acme", "globex"], me.GetProperty("brands").EnumerateArray().Select(b => b.GetString()));

        // The command and the host wrote to one audit log, the cluster's Redis stream.
        var audit = (await host.Http.GetFromJsonAsync<JsonElement>("/api/audit?target=vera")).GetProperty("entries").EnumerateArray()
            .Select(e => (e.GetProperty("action").GetString(), e.GetProperty("who").GetProperty("kind").GetString())).ToArray();
        Assert.Equal([("sign-in", "user"), ("user-create", "cli")], audit);

        var again = await RunAsync(Password + "\n", "add", "vera", "--role", "viewer", "--redis", _redis.Endpoint, "--cluster-id", "cli-users");
        Assert.Equal(UsersCommand.Failed, again.Code);
        Assert.Contains("exists", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_file_is_read_without_its_trailing_newline_and_a_short_password_is_refused()
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, "short\n");
            var refused = await RunAsync(string.Empty, "add", "walt", "--role", "viewer", "--password-file", file, "--redis", _redis.Endpoint, "--cluster-id", "cli-file");
            Assert.Equal(UsersCommand.BadInput, refused.Code);
            Assert.Contains("password", refused.Stderr, StringComparison.Ordinal);

            await File.WriteAllTextAsync(file, "twelve chars or more\n");
            Assert.Equal(UsersCommand.Ok, (await RunAsync(string.Empty, "add", "walt", "--role", "viewer", "--password-file", file, "--redis", _redis.Endpoint, "--cluster-id", "cli-file")).Code);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Without_redis_it_explains_the_one_time_link()
    {
        var (code, _, stderr) = await RunAsync(Password + "\n", "add", "xena", "--role", "admin");

        Assert.Equal(UsersCommand.BadInput, code);
        Assert.Contains("/auth/once", stderr, StringComparison.Ordinal);
        Assert.Contains("embedded", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_on_the_command_line_is_refused()
    {
        var (code, _, stderr) = await RunAsync(string.Empty, "add", "yuri", "--role", "admin", "--password", "visible in ps", "--redis", _redis.Endpoint);

        Assert.Equal(UsersCommand.BadInput, code);
        Assert.Contains("process list", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await UsersCommand.RunAsync(args, input, stdout, stderr, interactive: false);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
