using Apprenticeships.Domain.Staff;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Storage.Staff;

/// <summary>The advisor directory: one row per advisor, by staff id.</summary>
public sealed class AdvisorStore(StorageAccount account) : DocumentTable<Advisor>(account, "Advisors");
