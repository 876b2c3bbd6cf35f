using System.Net;
using System.Net.Http.Json;
using Pulse.Silo.Tests.Auth;

namespace Pulse.Silo.Tests.Functional;

/// <summary>The embedded default runs without the archive: its endpoints say so and how to turn it on.</summary>
[Collection(PulseHostCollection.Name)]
public sealed class ArchiveOffTests(PulseHostFixture host)
{
    [Fact]
    public async Task Search_annotations_and_the_digest_answer_501_naming_the_flag_that_turns_the_archive_on()
    {
        (await host.Http.PutAsJsonAsync("/api/brands/no-archive", new { name = "no-archive", keywords = new[] { "noarchive" } })).EnsureSuccessStatusCode();

        foreach (var response in (HttpResponseMessage[])[
            await host.Http.GetAsync("/api/mentions/search?q=anything"),
            await host.Http.GetAsync("/api/brands/no-archive/annotations"),
            await host.Http.PostAsJsonAsync("/api/brands/no-archive/annotations", new { title = "x", at = DateTimeOffset.UtcNow }),
            await host.Http.GetAsync("/api/brands/no-archive/digest"),
            await host.Http.PostAsync("/api/brands/no-archive/digest/send", null)])
        {
            var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.NotImplemented);
            Assert.Contains("--postgres", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        // A brand that does not exist is still a 404, archive or not.
        await ProblemAssert.IsAsync(await host.Http.GetAsync("/api/brands/no-such-brand/annotations"), HttpStatusCode.NotFound);
    }
}
