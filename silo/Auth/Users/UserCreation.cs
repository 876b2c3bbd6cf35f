namespace Pulse.Silo.Auth.Users;

/// <summary>The outcome of creating an account: created, refused naming the field, or the name taken.</summary>
public abstract record UserCreation
{
    private UserCreation()
    {
    }

    public sealed record Created(PulseUser User) : UserCreation;

    public sealed record Invalid(string Field, string Message) : UserCreation;

    public sealed record Taken(string Name) : UserCreation;
}
