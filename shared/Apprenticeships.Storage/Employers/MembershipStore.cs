using Apprenticeships.Domain.Employers;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Storage.Employers;

/// <summary>Each employer's membership of the hub's scheme, one document per employer (row = employer id).</summary>
public sealed class MembershipStore(StorageAccount account) : DocumentTable<EmployerMembership>(account, "EmployerMemberships");
