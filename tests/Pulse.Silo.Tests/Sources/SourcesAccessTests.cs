using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Sources;

/// <summary>
/// Who may do what on /api/sources: reading is open (the dashboard's panel), changing a source takes the engineers'
/// policy (loopback without a password; HTTP Basic once Pulse:Engineers:Password is set).
/// </summary>
public sealed class SourcesAccessTests
{
    private static readonly object DeadFeed = new { kind = "rss", url = "http://127.0.0.1:1/feed.xml" };

    [Fact]
    public async Task From_another_address_sources_can_be_read_but_not_changed()
    {
        await using var host = await StartOnAsync(LocalAddresses.NonLoopback().ToString());

        var list = await host.Http.GetAsync("/api/sources");
        var put = await host.Http.PutAsJsonAsync("/api/sources/feed", DeadFeed);
        var delete = await host.Http.DeleteAsync("/api/sources/feed");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
    }

    [Fact]
    public async Task From_loopback_without_a_password_sources_can_be_changed()
    {
        await using var host = await StartOnAsync("127.0.0.1");

        Assert.Equal(HttpStatusCode.Created, (await host.Http.PutAsJsonAsync("/api/sources/feed", DeadFeed)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Http.DeleteAsync("/api/sources/feed")).StatusCode);
    }

    [Fact]
    public async Task With_a_password_changes_need_the_engineers_credentials_and_reads_do_not()
    {
        await using var host = await StartOnAsync("127.0.0.1", "--Pulse:Engineers:Password=s3cret");

        var anonymous = await host.Http.PutAsJsonAsync("/api/sources/feed", DeadFeed);
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/sources/feed") { Content = JsonContent.Create(DeadFeed) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("engineer:s3cret")));
        var signedIn = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Created, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/api/sources/feed")).StatusCode);
    }

    private static Task<RunningHost> StartOnAsync(string bindTo, params string[] args) => RunningHost.StartAsync(
        [$"--silo-port={FreePort.Next()}", $"--gateway-port={FreePort.Next()}", .. args], host: bindTo);
}
