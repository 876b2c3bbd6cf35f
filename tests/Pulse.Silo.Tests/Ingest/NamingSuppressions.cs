using System.Diagnostics.CodeAnalysis;

// Test names are sentences (underscored) so they read as specifications; scoped to this folder's namespace.
[assembly: SuppressMessage("Naming", "CA1707:Identifiers should not contain underscores",
    Scope = "namespaceanddescendants", Target = "~N:Pulse.Silo.Tests.Ingest")]
