using Apprenticeships.Domain.Programmes;

namespace Apprenticeships.Storage.Programmes;

public sealed class AcademyStore(StorageAccount account) : DocumentTable<Academy>(account, "Academies");

public sealed class CohortStore(StorageAccount account) : DocumentTable<Cohort>(account, "Cohorts");

public sealed class ProviderStore(StorageAccount account) : DocumentTable<ProviderAccount>(account, "Providers");
