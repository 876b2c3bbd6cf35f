using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Tests.Webhooks;

public sealed class WebhookUrlsTests
{
    [Theory]
    [InlineData("https://hooks.slack.com/services/T000/B000/XXX")]
    [InlineData("http://8.8.8.8:8080/hook")]
    [InlineData("https://[2001:4860:4860::8888]/hook")]
    [InlineData("http://localhost:5000/hook")]
    [InlineData("https://internal.example.com/hook")]
    public void Public_addresses_and_host_names_are_accepted(string url)
    {
        Assert.True(WebhookUrls.TryAccept(url, allowPrivateNetworks: false, out var accepted, out _));
        Assert.Equal(new Uri(url), accepted);
    }

    [Theory]
    [InlineData("http://127.0.0.1/hook", "loopback")]
    [InlineData("http://2130706433/hook", "loopback")]
    [InlineData("http://0x7f.1/hook", "loopback")]
    [InlineData("http://[::1]:8080/hook", "loopback")]
    [InlineData("http://[::ffff:127.0.0.1]/hook", "loopback")]
    [InlineData("http://10.0.0.5/hook", "private")]
    [InlineData("http://[fd00::5]/hook", "private")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://100.64.1.1/hook", "carrier-grade NAT")]
    [InlineData("http://0.0.0.0:80/hook", "unspecified")]
    [InlineData("http://198.18.0.1/hook", "special-purpose")]
    [InlineData("http://[::ffff:198.18.0.1]/hook", "special-purpose")]
    [InlineData("http://203.0.113.9/hook", "documentation")]
    [InlineData("http://[2001::1]/hook", "Teredo")]
    public void Literal_internal_addresses_are_refused_with_their_range(string url, string reason)
    {
        Assert.False(WebhookUrls.TryAccept(url, allowPrivateNetworks: false, out _, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
        Assert.Contains("AllowPrivateNetworks", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1/hook")]
    [InlineData("http://10.0.0.5/hook")]
    [InlineData("http://[::1]/hook")]
    public void Internal_addresses_are_accepted_when_private_networks_are_allowed(string url)
    {
        Assert.True(WebhookUrls.TryAccept(url, allowPrivateNetworks: true, out _, out _));
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/", "link-local")]
    [InlineData("http://[fe80::1]/hook", "link-local")]
    [InlineData("http://[::ffff:169.254.169.254]/hook", "link-local")]
    [InlineData("http://192.0.0.8/hook", "special-purpose")]
    public void Link_local_and_special_purpose_addresses_are_refused_even_when_private_networks_are_allowed(string url, string reason)
    {
        Assert.False(WebhookUrls.TryAccept(url, allowPrivateNetworks: true, out _, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://hooks.slack.com/…")]
    [InlineData("https://hooks.slack.com/%E2%80%A6")]
    public void A_redacted_target_sent_back_as_a_url_is_refused(string url)
    {
        Assert.False(WebhookUrls.TryAccept(url, allowPrivateNetworks: false, out _, out var problem));
        Assert.Contains("leave url out", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://hooks.slack.com/services/T000/B000/XXX", "https://hooks.slack.com/…")]
    [InlineData("https://example.com/?token=secret", "https://example.com/…")]
    [InlineData("https://example.com:8443/", "https://example.com:8443")]
    [InlineData("http://[2001:4860::8888]:81/hook", "http://[2001:4860::8888]:81/…")]
    public void A_target_shows_scheme_host_and_port_only(string url, string redacted)
    {
        Assert.Equal(redacted, new WebhookTarget(url, WebhookFormats.Json).Redacted());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hooks.example.com/x")]
    [InlineData("/relative/path")]
    [InlineData("ftp://example.com/x")]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://example.com/")]
    public void Only_absolute_http_and_https_urls_are_accepted(string? url)
    {
        Assert.False(WebhookUrls.TryAccept(url, allowPrivateNetworks: true, out _, out var problem));
        Assert.Equal("Give an absolute http or https URL.", problem);
    }

    [Theory]
    [InlineData("https://user:secret@hooks.example.com/x")]
    [InlineData("https://token@hooks.example.com/x")]
    public void Credentials_in_the_url_are_refused_even_on_private_networks(string url)
    {
        Assert.False(WebhookUrls.TryAccept(url, allowPrivateNetworks: true, out _, out var problem));
        Assert.Contains("credentials", problem, StringComparison.Ordinal);
    }
}
