using Pulse.Silo.Auth.Users;

namespace Pulse.Silo.Tests.Auth.SignIn;

public sealed class InMemoryUserStoreTests : UserStoreContract
{
    protected override IPulseUserStore Store { get; } = new InMemoryUserStore();
}
