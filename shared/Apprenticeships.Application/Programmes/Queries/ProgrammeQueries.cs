using Apprenticeships.Application.Candidates.Queries;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Storage.Programmes;
using Apprenticeships.Storage.Vacancies;

namespace Apprenticeships.Application.Programmes.Queries;

/// <summary>A member of an academy or cohort, with how far they have got; names are for staff only.</summary>
public sealed record MemberProgress(string CandidateId, string Name, CandidateStage Stage, DateTimeOffset StageChangedAt, IReadOnlyList<string> Facts);

/// <param name="Provider">The provider's current name.</param>
/// <param name="Vacancies">The employer's vacancies the academy is built around.</param>
public sealed record AcademyDetails(Academy Academy, IReadOnlyList<MemberProgress> Members, string Provider, IReadOnlyList<VacancyLink> Vacancies);

/// <summary>A vacancy an academy is built around.</summary>
public sealed record VacancyLink(string Id, string Role);

/// <param name="Employer">The employer's current name.</param>
/// <param name="Provider">The provider's current name.</param>
public sealed record CohortDetails(Cohort Cohort, DateOnly PlannedEndDate, IReadOnlyList<MemberProgress> Members, string Employer, string Provider);

/// <summary>A programme listed with how many candidates were last assigned to it, and its employer's and provider's current names.</summary>
public sealed record WithMemberCount<T>(T Programme, int Members, string Employer, string Provider);

/// <summary>The hub's academies and cohorts, with their members and what has been recorded about each.</summary>
/// <remarks>Academies come with their employer's current name (<see cref="Academy.ShowingEmployer"/>).</remarks>
public sealed class ProgrammeQueries(AcademyStore academies, CohortStore cohorts, CandidateStore candidates, ProgrammeRecords records, EmployerStore employers,
    VacancyStore vacancies, ProgrammeNames names, TimeProvider clock)
{
    public async Task<List<Academy>> AcademiesAsync(CancellationToken ct)
    {
        var byId = (await employers.ListAsync(ct)).ToDictionary(e => e.Id);
        return (await academies.ListAsync(ct)).Select(a => a.ShowingEmployer(a.EmployerId is { } id ? byId.GetValueOrDefault(id) : null)).OrderBy(a => a.Starts).ToList();
    }

    public async Task<List<Cohort>> CohortsAsync(CancellationToken ct) => (await cohorts.ListAsync(ct)).OrderBy(c => c.StartDate).ToList();

    public async Task<List<WithMemberCount<Academy>>> AcademiesWithMembersAsync(CancellationToken ct)
    {
        var all = await candidates.ListAsync(null, null, ct);
        var directory = await names.LoadAsync(ct);
        // The directory's academies already show their employer's current name.
        return directory.Academies.Values.OrderBy(a => a.Starts).Select(a => new WithMemberCount<Academy>(a, all.Count(c => c.AcademyId == a.Id),
            a.EmployerName ?? directory.Employer(a.EmployerId), directory.Provider(a.ProviderId))).ToList();
    }

    public async Task<List<WithMemberCount<Cohort>>> CohortsWithMembersAsync(CancellationToken ct)
    {
        var all = await candidates.ListAsync(null, null, ct);
        var directory = await names.LoadAsync(ct);
        return directory.Cohorts.Values.OrderBy(k => k.StartDate).Select(k => new WithMemberCount<Cohort>(k, all.Count(c => c.CohortId == k.Id),
            directory.Employer(k.EmployerId), directory.Provider(k.ProviderId))).ToList();
    }

    /// <summary>Academies still running and cohorts not yet started: what an engaged candidate can be assigned to.</summary>
    public async Task<(List<Academy> Academies, List<Cohort> Cohorts)> OpenAsync(CancellationToken ct)
    {
        var today = clock.Today();
        return ((await AcademiesAsync(ct)).Where(a => a.Ends >= today).ToList(), (await CohortsAsync(ct)).Where(k => k.StartDate >= today).ToList());
    }

    /// <summary>The academy as stored (an edit form's starting values); null for an id no academy can have.</summary>
    public async Task<Academy?> AcademyRecordAsync(string id, CancellationToken ct) => InputLimits.IsId(id) ? await academies.GetAsync(id, ct) : null;

    /// <summary>The cohort as stored (an edit form's starting values); null for an id no cohort can have.</summary>
    public async Task<Cohort?> CohortRecordAsync(string id, CancellationToken ct) => InputLimits.IsId(id) ? await cohorts.GetAsync(id, ct) : null;

    public async Task<Result<AcademyDetails>> AcademyAsync(string id, CancellationToken ct)
    {
        if (!InputLimits.IsId(id)) return Problem.NotFound("id", $"No academy '{id}'.");
        var directory = await names.LoadAsync(ct);
        if (directory.AcademyOf(id) is not { } academy) return Problem.NotFound("id", $"No academy '{id}'.");
        var members = await ProgressOfAsync(await candidates.InProgrammeAsync(id, null, ct),
            r => r.ProgrammeId == id || r.Kind == RecordKind.Attendance && r.Key.Contains(id), directory, ct);
        var builtAround = new List<VacancyLink>();
        foreach (var vacancyId in academy.VacancyIds)
            if (await vacancies.GetAsync(vacancyId, ct) is { } vacancy) builtAround.Add(new(vacancy.Id, vacancy.Role));
        return Result<AcademyDetails>.Ok(new(academy, members, directory.Provider(academy.ProviderId), builtAround));
    }

    public async Task<Result<CohortDetails>> CohortAsync(string id, CancellationToken ct)
    {
        if (!InputLimits.IsId(id)) return Problem.NotFound("id", $"No cohort '{id}'.");
        var directory = await names.LoadAsync(ct);
        if (directory.CohortOf(id) is not { } cohort) return Problem.NotFound("id", $"No cohort '{id}'.");
        var members = await ProgressOfAsync(await candidates.InProgrammeAsync(null, id, ct),
            r => r.Kind is RecordKind.ApprenticeshipStart or RecordKind.Confirmation or RecordKind.Achievement, directory, ct);
        return Result<CohortDetails>.Ok(new(cohort, cohort.PlannedEndDate, members, directory.Employer(cohort.EmployerId), directory.Provider(cohort.ProviderId)));
    }

    private async Task<List<MemberProgress>> ProgressOfAsync(List<Candidate> members, Func<ProgrammeRecord, bool> relevant, ProgrammeDirectory directory, CancellationToken ct)
    {
        var progress = new List<MemberProgress>();
        foreach (var c in members)
        {
            // In the timeline's words, so a member list and a timeline never describe one fact two ways.
            var facts = (await records.ForCandidateAsync(c.Id, ct)).Where(relevant).OrderBy(r => r.At).Select(r => CandidateHistory.Describe(r, directory)).ToList();
            progress.Add(new MemberProgress(c.Id, $"{c.GivenName} {c.FamilyName}", c.Stage, c.StageChangedAt, facts));
        }
        return progress;
    }
}
