using Pulse.Silo.Cli;
using Pulse.Silo.Cluster;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>A Redis that requires a password: given by file or environment-style configuration, never on the command line.</summary>
public sealed class RedisPasswordTests
{
    private const string Password = "correct horse battery staple";

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_silo_reads_its_redis_password_from_a_file_and_keeps_brands_in_that_redis()
    {
        await using var redis = await RedisServer.StartAsync(dataDirectory: Path.Combine(Path.GetTempPath(), $"pulse-redis-{Guid.NewGuid():N}"), password: Password);
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, Password + "\n"); // as `echo` and most secret mounts write it
            await using var silo = await new ClusterHosts(redis, "password").StartSiloAsync("--redis-password-file", file);

            await ClusterHosts.AddBrandAsync(silo, "pwbrand", "pwkeyword");

            Assert.True((await silo.Http.GetAsync("/api/brands/pwbrand")).IsSuccessStatusCode);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("--redis-password", "hunter2")]
    [InlineData("--redis-password=hunter2")]
    public void A_password_on_the_command_line_is_refused_with_the_ways_that_keep_it_private(params string[] args)
    {
        var refused = Assert.Throws<ArgumentException>(() => ServeArguments.ToConfiguration(["--redis", "127.0.0.1:6379", .. args]));

        Assert.Contains("Pulse__Redis__Password", refused.Message, StringComparison.Ordinal);
        Assert.Contains("--redis-password-file", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Password_and_password_file_together_are_an_error_and_an_unreadable_file_names_itself()
    {
        Assert.Throws<InvalidOperationException>(() => new RedisClusterOptions { Password = "a", PasswordFile = "/tmp/x" }.ResolvePassword());
        var missing = Assert.Throws<InvalidOperationException>(() => new RedisClusterOptions { PasswordFile = "/nonexistent/pulse-pw" }.ResolvePassword());
        Assert.Contains("/nonexistent/pulse-pw", missing.Message, StringComparison.Ordinal);
        Assert.Equal("pw", new RedisClusterOptions { Password = "pw" }.ResolvePassword());
    }
}
