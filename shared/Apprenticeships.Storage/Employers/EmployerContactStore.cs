using Apprenticeships.Domain.Employers;

namespace Apprenticeships.Storage.Employers;

/// <summary>Employers' contacts (partition = employer id, row = contact id), kept apart from the employer because they are personal data.</summary>
public sealed class EmployerContactStore(StorageAccount account) : PeopleAtEmployerTable<EmployerContact>(account, "EmployerContacts")
{
    protected override (string EmployerId, string Id) KeyOf(EmployerContact contact) => (contact.EmployerId, contact.Id);

    /// <summary>Whom the hub writes to at the employer: the contact marked primary, else the first; null if none is left.</summary>
    public async Task<EmployerContact?> PrimaryAsync(string employerId, CancellationToken ct = default)
    {
        var contacts = await ListAsync(employerId, ct);
        return contacts.FirstOrDefault(c => c.IsPrimary) ?? contacts.FirstOrDefault();
    }
}
