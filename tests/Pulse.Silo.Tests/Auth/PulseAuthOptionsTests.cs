using Pulse.Silo.Auth;
using Pulse.Silo.Auth.Keys;

namespace Pulse.Silo.Tests.Auth;

/// <summary>Pulse:Auth:AdminKey is checked at start, and a key's use is written at most once a minute.</summary>
public sealed class PulseAuthOptionsTests
{
    [Theory]
    [InlineData("short-key")]
    [InlineData("0123456789abcdef 0123456789abcdef")]
    public void A_weak_or_mangled_admin_key_fails_validation_naming_the_setting(string key)
    {
        var result = new PulseAuthOptionsValidator().Validate(null, new PulseAuthOptions { AdminKey = key });

        Assert.True(result.Failed);
        Assert.Contains("Pulse:Auth:AdminKey", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void No_admin_key_or_a_generated_one_is_valid()
    {
        Assert.True(new PulseAuthOptionsValidator().Validate(null, new PulseAuthOptions()).Succeeded);
        Assert.True(new PulseAuthOptionsValidator().Validate(null, new PulseAuthOptions { AdminKey = ApiKeySecret.New() }).Succeeded);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_host_with_a_short_admin_key_does_not_start()
    {
        var failure = await HostStart.FailsAsync("--Pulse:Auth:AdminKey=letmein");

        Assert.Contains("Pulse:Auth:AdminKey", failure.Message, StringComparison.Ordinal);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_host_with_the_retired_engineers_password_does_not_start()
    {
        var failure = await HostStart.FailsAsync("--Pulse:Engineers:Password=s3cret");

        Assert.Contains("Pulse:Engineers", failure.Message, StringComparison.Ordinal);
        Assert.Contains("admin", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_use_is_recorded_first_and_then_once_a_minute()
    {
        var now = DateTimeOffset.UnixEpoch.AddDays(1);
        var key = new StoredApiKey("k", "n", PulseRole.Viewer, "h", DateTimeOffset.UnixEpoch);

        Assert.True(ApiKeyUsage.ShouldRecord(key, now));
        Assert.False(ApiKeyUsage.ShouldRecord(key with { LastUsedAt = now.AddSeconds(-59) }, now));
        Assert.True(ApiKeyUsage.ShouldRecord(key with { LastUsedAt = now.AddMinutes(-1) }, now));
    }
}
