using Apprenticeships.Domain.Programmes;
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

    public Academy? AcademyOf(string? id) => id is not null && Academies.TryGetValue(id, out var a) ? a : null;

    public Cohort? CohortOf(string? id) => id is not null && Cohorts.TryGetValue(id, out var c) ? c : null;

    /// <summary>"Adult Care Academy (Acorn Care)": the academy's name and its employer.</summary>
    public string Academy(string? id) => AcademyOf(id) is { } a ? $"{a.Name} ({a.EmployerName})" : id ?? "an academy";

    /// <summary>"Adult care intake (Adult care worker (level 2))": the cohort's name and its standard.</summary>
    public string Cohort(string? id) => CohortOf(id) is { } c ? $"{c.Name} ({c.StandardName})" : id ?? "a cohort";

    public string Provider(string? id) => id is not null && Providers.TryGetValue(id, out var p) ? p.Name : id ?? "the provider";
}

/// <summary>Reads the <see cref="ProgrammeDirectory"/>: three small tables, read whole.</summary>
public sealed class ProgrammeNames(AcademyStore academies, CohortStore cohorts, ProviderStore providers)
{
    public async Task<ProgrammeDirectory> LoadAsync(CancellationToken ct) => new(
        (await academies.ListAsync(ct)).ToDictionary(a => a.Id),
        (await cohorts.ListAsync(ct)).ToDictionary(c => c.Id),
        (await providers.ListAsync(ct)).ToDictionary(p => p.Id));
}
