using Apprenticeships.Domain.Programmes;
using Apprenticeships.Domain.Employers;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Programmes;

/// <summary>
/// The hub's academies, cohorts and providers by id, read once for a page, a timeline or an
/// alert, so what people read names them ("Adult Care Academy (Acorn Care)") instead of showing
/// ids. An id nothing is known by any more is shown as it is.
/// </summary>
public sealed record ProgrammeDirectory(
    IReadOnlyDictionary<string, Academy> Academies, IReadOnlyDictionary<string, Cohort> Cohorts, IReadOnlyDictionary<string, ProviderAccount> Providers)
{
    public static readonly ProgrammeDirectory Empty = new(new Dictionary<string, Academy>(), new Dictionary<string, Cohort>(), new Dictionary<string, ProviderAccount>());

    /// <summary>The hub's employers, for a job start's employer (academies already carry their employer's name).</summary>
    public IReadOnlyDictionary<string, Employer> Employers { get; init; } = new Dictionary<string, Employer>();

    /// <summary>The employer's current name; an id nothing is known by is shown as it is.</summary>
    public string Employer(string? id) => id is not null && Employers.TryGetValue(id, out var e) ? e.Name : id ?? "the employer";

    public Academy? AcademyOf(string? id) => id is not null && Academies.TryGetValue(id, out var a) ? a : null;

    public Cohort? CohortOf(string? id) => id is not null && Cohorts.TryGetValue(id, out var c) ? c : null;

    /// <summary>"Adult Care Academy (Acorn Care)": the academy's name and its employer.</summary>
    public string Academy(string? id) => AcademyOf(id) is { } a ? $"{a.Name} ({a.EmployerName ?? Employer(a.EmployerId)})" : id ?? "an academy";

    /// <summary>"Adult care intake (Adult care worker (level 2))": the cohort's name and its standard.</summary>
    public string Cohort(string? id) => CohortOf(id) is { } c ? $"{c.Name} ({c.StandardName})" : id ?? "a cohort";

    public string Provider(string? id) => id is not null && Providers.TryGetValue(id, out var p) ? p.Name : id ?? "the provider";
}

/// <summary>Reads the <see cref="ProgrammeDirectory"/>: four small tables, read whole.</summary>
public sealed class ProgrammeNames(AcademyStore academies, CohortStore cohorts, ProviderStore providers, EmployerStore employers)
{
    public async Task<ProgrammeDirectory> LoadAsync(CancellationToken ct)
    {
        var byId = (await employers.ListAsync(ct)).ToDictionary(e => e.Id);
        return new(
            (await academies.ListAsync(ct)).Select(a => a.ShowingEmployer(a.EmployerId is { } id ? byId.GetValueOrDefault(id) : null)).ToDictionary(a => a.Id),
            (await cohorts.ListAsync(ct)).ToDictionary(c => c.Id),
            (await providers.ListAsync(ct)).ToDictionary(p => p.Id)) { Employers = byId };
    }
}
