namespace Apprenticeships.Domain.Employers;

/// <summary>
/// An employer the hub works with: the one record that academies, job starts, cohorts,
/// apprenticeships, vacancies and the levy account refer to by id. Holds no personal data
/// (contacts are kept apart, so they can be erased without touching the employer).
/// </summary>
public sealed record Employer(string Id, string Name, string Sector, bool IsLevyPayer, bool IsSme)
{
    /// <summary>Where the employer's staff work (care homes, offices); vacancies name one.</summary>
    public IReadOnlyList<EmployerSite> Sites { get; init; } = [];
}

/// <summary>One of an employer's workplaces, by an id unique within the employer.</summary>
public sealed record EmployerSite(string Id, string Name, string Postcode);

/// <summary>
/// A person at an employer the hub deals with. Personal data: kept apart from the employer,
/// erasable, and referred to by id only in workflows, logs and queues.
/// </summary>
public sealed record EmployerContact(string Id, string EmployerId, string Name, string Role, string Email, string? Phone, bool IsPrimary);
