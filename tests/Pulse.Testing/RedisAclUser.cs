namespace Pulse.Testing;

/// <summary>
/// A Redis 6+ ACL user with the command <paramref name="Permissions"/> given (space-separated ACL rules, all commands by
/// default) on every key and channel; the server then turns its default user off, so only this one gets in.
/// </summary>
public sealed record RedisAclUser(string Name, string Password, string Permissions = "+@all");
