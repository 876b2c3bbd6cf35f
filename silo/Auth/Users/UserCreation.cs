namespace Pulse.Silo.Auth.Users;

/// <summary>The outcome of creating an account: created, refused naming the field, the name taken, or beyond the creator's team.</summary>
public abstract record UserCreation
{
    private UserCreation()
    {
    }

    public sealed record Created(PulseUser User) : UserCreation;

    public sealed record Invalid(string Field, string Message) : UserCreation;

    public sealed record Taken(string Name) : UserCreation;

    /// <summary>Brands (every brand included) outside <see cref="Grantor"/>, the creator's own team.</summary>
    public sealed record BeyondTeam(Pulse.Dashboard.Teams.BrandScope Grantor) : UserCreation;
}
