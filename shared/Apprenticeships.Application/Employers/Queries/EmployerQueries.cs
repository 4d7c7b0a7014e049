using Apprenticeships.Domain.Employers;
using Apprenticeships.Storage.Employers;

namespace Apprenticeships.Application.Employers.Queries;

/// <summary>An employer in a list: its record and where it stands in the scheme.</summary>
public sealed record EmployerSummary(string Id, string Name, string Sector, bool IsLevyPayer, bool IsSme, int Sites, bool IsMember, DateOnly? MemberSince);

/// <summary>One employer with its contacts and its membership history.</summary>
public sealed record EmployerDetails(Employer Employer, IReadOnlyList<EmployerContact> Contacts, EmployerMembership Membership);

/// <summary>The hub's employers as staff look them up.</summary>
public sealed class EmployerQueries(EmployerStore employers, EmployerContactStore contacts, MembershipStore memberships)
{
    public async Task<List<EmployerSummary>> ListAsync(CancellationToken ct)
    {
        var all = await employers.ListAsync(ct);
        var members = (await memberships.ListAsync(ct)).ToDictionary(m => m.EmployerId);
        return all.OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).ThenBy(e => e.Id, StringComparer.Ordinal).Select(e =>
        {
            var current = members.GetValueOrDefault(e.Id)?.Current;
            return new EmployerSummary(e.Id, e.Name, e.Sector, e.IsLevyPayer, e.IsSme, e.Sites.Count, current is not null, current?.Joined);
        }).ToList();
    }

    /// <summary>Every employer by id: what a page or an email needs to name them.</summary>
    public async Task<Dictionary<string, Employer>> ByIdAsync(CancellationToken ct) => (await employers.ListAsync(ct)).ToDictionary(e => e.Id);

    /// <summary>The employer as stored (an edit form's starting values); null for an id no employer can have.</summary>
    public async Task<Employer?> RecordAsync(string employerId, CancellationToken ct) => InputLimits.IsId(employerId) ? await employers.GetAsync(employerId, ct) : null;

    public async Task<Result<EmployerDetails>> DetailsAsync(string employerId, CancellationToken ct)
    {
        if (await RecordAsync(employerId, ct) is not { } employer) return Problem.NotFound("employerId", $"No employer '{employerId}'.");
        var people = (await contacts.ListAsync(employerId, ct)).OrderByDescending(c => c.IsPrimary).ThenBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
        return Result<EmployerDetails>.Ok(new(employer, people, await memberships.GetAsync(employerId, ct) ?? new EmployerMembership(employerId)));
    }
}
