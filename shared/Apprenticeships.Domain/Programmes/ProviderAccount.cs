namespace Apprenticeships.Domain.Programmes;

/// <summary>A training provider and the hash of its API key (the key itself is shown once, never stored).</summary>
public sealed record ProviderAccount(string Id, string Name, string KeyHash, DateTimeOffset KeyIssuedAt);
