namespace Pulse.Testing;

/// <summary>A Redis 6+ ACL user with every permission; the server then turns its default user off, so only this one gets in.</summary>
public sealed record RedisAclUser(string Name, string Password);
