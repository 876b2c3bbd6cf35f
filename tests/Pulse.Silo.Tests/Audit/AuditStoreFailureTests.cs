using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pulse.Silo.Audit;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Audit;

/// <summary>An audit log that fails (Redis away, say) costs the log entry, never the change the user made.</summary>
public sealed class AuditStoreFailureTests
{
    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_change_succeeds_when_the_audit_log_cannot_take_its_entry()
    {
        await using var host = await RunningHost.StartAsync(
            [$"--silo-port={FreePort.Next()}", $"--gateway-port={FreePort.Next()}"],
            builder => builder.Services.Replace(ServiceDescriptor.Singleton<IAuditLog, FailingAuditLog>()));

        var put = await host.Http.PutAsJsonAsync("/api/brands/audit-down", new { name = "Down", keywords = new[] { "auditdown" } });

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/api/brands/audit-down")).StatusCode);
    }

    private sealed class FailingAuditLog : IAuditLog
    {
        public Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The audit log is down.");

        public Task<AuditPage> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("The audit log is down.");
    }
}
