using Apprenticeships.Domain.Programmes;

namespace Apprenticeships.Storage.Programmes;

public sealed class AcademyStore(StorageAccount account) : DocumentTable<Academy>(account, "Academies");

public sealed class CohortStore(StorageAccount account) : DocumentTable<Cohort>(account, "Cohorts");

/// <summary>A training provider and the hash of its API key (the key itself is shown once, never stored).</summary>
public sealed record ProviderAccount(string Id, string Name, string KeyHash, DateTimeOffset KeyIssuedAt);

public sealed class ProviderStore(StorageAccount account) : DocumentTable<ProviderAccount>(account, "Providers");
