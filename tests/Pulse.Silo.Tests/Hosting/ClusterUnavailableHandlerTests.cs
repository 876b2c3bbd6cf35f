using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Pulse.Silo.Hosting;

namespace Pulse.Silo.Tests.Hosting;

public sealed class ClusterUnavailableHandlerTests
{
    [Theory]
    [MemberData(nameof(ClusterChanges))]
    public async Task A_grain_call_that_failed_because_a_silo_left_answers_503_problem_with_retry_after(Exception exception)
    {
        var (handler, context) = Create();

        Assert.True(await handler.TryHandleAsync(context, exception, CancellationToken.None));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        Assert.StartsWith("application/problem+json", context.Response.ContentType);
        context.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal(503, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("Retry after 5 s", problem.RootElement.GetProperty("detail").GetString());
    }

    public static TheoryData<Exception> ClusterChanges() => new()
    {
        new SiloUnavailableException("The target silo became unavailable"),
        new TimeoutException("Response did not arrive on time"),
        new AggregateException(new TimeoutException("inner")),
        new OperationCanceledException("placement expired"),
    };

    [Fact]
    public async Task Any_other_failure_is_left_to_the_default_handler()
    {
        var (handler, context) = Create();

        Assert.False(await handler.TryHandleAsync(context, new InvalidOperationException("a bug"), CancellationToken.None));
        Assert.False(await handler.TryHandleAsync(context, new AggregateException(new TimeoutException(), new InvalidOperationException()), CancellationToken.None));
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    [Fact]
    public async Task A_request_the_client_aborted_is_not_answered_as_a_cluster_change()
    {
        var (handler, context) = Create();
        using var aborted = new CancellationTokenSource();
        context.RequestAborted = aborted.Token;
        await aborted.CancelAsync();

        Assert.False(await handler.TryHandleAsync(context, new OperationCanceledException(aborted.Token), CancellationToken.None));
    }

    private static (ClusterUnavailableHandler Handler, DefaultHttpContext Context) Create()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var handler = new ClusterUnavailableHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<ClusterUnavailableHandler>.Instance);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        return (handler, context);
    }
}
