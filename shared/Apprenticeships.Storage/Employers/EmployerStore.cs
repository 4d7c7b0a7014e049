using Apprenticeships.Domain.Employers;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Storage.Employers;

/// <summary>The hub's employers, one document each.</summary>
public sealed class EmployerStore(StorageAccount account) : DocumentTable<Employer>(account, "Employers");
