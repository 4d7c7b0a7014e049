using Apprenticeships.Storage.Vacancies;

namespace Apprenticeships.Application.Vacancies.Commands;

/// <summary>
/// The vacancies an academy is built around, as its create or edit names them: each must exist,
/// and all must be the academy's employer's (an academy is run for one employer).
/// </summary>
public sealed class AcademyVacancies(VacancyStore vacancies)
{
    public const int Most = 20;

    /// <summary>The vacancy ids, distinct, in the order given; or null with the problem under "vacancyIds".</summary>
    public async Task<List<string>?> ReadAsync(FieldErrors errors, IReadOnlyList<string>? vacancyIds, string? academyEmployerId, CancellationToken ct)
    {
        if (vacancyIds is null || vacancyIds.Count == 0) return [];
        if (vacancyIds.Count > Most) { errors.Add("vacancyIds", $"An academy is built around at most {Most} vacancies."); return null; }
        var ids = new List<string>();
        foreach (var id in vacancyIds)
        {
            if (errors.Id("vacancyIds", id, "Each vacancy id") is not { } valid) return null;
            if (!ids.Contains(valid)) ids.Add(valid);
        }
        var employers = new HashSet<string>();
        foreach (var id in ids)
        {
            if (await vacancies.GetAsync(id, ct) is not { } vacancy) { errors.Add("vacancyIds", $"No vacancy '{id}'."); return null; }
            employers.Add(vacancy.EmployerId);
        }
        if (employers.Count > 1 || academyEmployerId is not null && !employers.Contains(academyEmployerId))
        {
            errors.Add("vacancyIds", $"The vacancies must all be the academy's employer's{(academyEmployerId is null ? "" : $" ('{academyEmployerId}')")}.");
            return null;
        }
        return ids;
    }
}
