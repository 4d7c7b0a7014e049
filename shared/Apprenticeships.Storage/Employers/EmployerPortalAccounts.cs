using Apprenticeships.Domain.Employers;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Storage.Employers;

/// <summary>The hashes of employers' portal keys, apart from the employer record (which the employer's own pages edit).</summary>
public sealed class EmployerPortalAccounts(StorageAccount account) : DocumentTable<EmployerPortalAccount>(account, "EmployerPortalKeys");
