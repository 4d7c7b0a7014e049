using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Vacancies;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Storage.Programmes;
using Apprenticeships.Storage.Vacancies;

namespace Apprenticeships.Application.Vacancies.Queries;

/// <summary>A vacancy with its employer's and site's names, and its status today (past its closing date is closed).</summary>
public sealed record VacancyView(Vacancy Vacancy, string EmployerName, string? SiteName, VacancyStatus Status);

/// <summary>
/// Someone put forward, as the vacancy's pages show them: their name and the hub's note, never their
/// contact details (the employer portal shows this too).
/// </summary>
public sealed record PutForwardView(string CandidateId, string Name, string? Note, DateTimeOffset At,
    EmployerDecision? Decision, string? Reason, DateOnly? StartDate, DateTimeOffset? DecidedAt, DecisionSource? DecidedBy);

/// <summary>An academy built around the vacancy.</summary>
public sealed record AcademyLink(string Id, string Name);

public sealed record VacancyDetails(VacancyView View, IReadOnlyList<AcademyLink> Academies, IReadOnlyList<PutForwardView> PutForwards);

/// <summary>A candidate who could be put forward: their stage fits and they are interested in the vacancy's sector.</summary>
public sealed record VacancyMatch(string CandidateId, string Name, CandidateStage Stage, IReadOnlyList<string> SectorInterests, string? AcademyId);

/// <summary>Vacancies as hub staff and employers see them (an employer only their own), and the candidates who match one.</summary>
public sealed class VacancyQueries(VacancyStore vacancies, EmployerStore employers, AcademyStore academies, PutForwardStore putForwards,
    CandidateStore candidates, ProgrammeRecords records, TimeProvider clock)
{
    /// <summary>Whether the candidate's job start is recorded (an accepted offer records it when they are free to start).</summary>
    public async Task<bool> JobStartRecordedAsync(string candidateId, CancellationToken ct) =>
        await records.GetAsync(candidateId, Programmes.RecordKeys.JobStart, ct) is not null;

    /// <summary>Shown for someone put forward whose record has since been erased.</summary>
    public const string ErasedName = "(erased)";

    /// <summary>Vacancies, newest first: only open ones if <paramref name="openOnly"/>, only one employer's if <paramref name="employerId"/> is given.</summary>
    public async Task<Result<List<VacancyView>>> ListAsync(bool openOnly, string? employerId, Actor actor, CancellationToken ct)
    {
        if (employerId is not null && !InputLimits.IsId(employerId)) return Problem.Invalid("employerId", $"Employer id must be 1 to {InputLimits.Id} letters, digits, '-' or '_'.");
        var today = clock.Today();
        var names = (await employers.ListAsync(ct)).ToDictionary(e => e.Id);
        return Result<List<VacancyView>>.Ok((await vacancies.ListAsync(ct))
            .Where(v => actor.CanSee(v) && (employerId is null || v.EmployerId == employerId) && (!openOnly || v.StatusOn(today) == VacancyStatus.Open))
            .OrderByDescending(v => v.PostedOn).ThenBy(v => v.Role)
            .Select(v => View(v, names.GetValueOrDefault(v.EmployerId), today)).ToList());
    }

    public async Task<Result<VacancyDetails>> DetailsAsync(string id, Actor actor, CancellationToken ct)
    {
        if (await FindAsync(id, actor, ct) is not { } vacancy) return Problem.NotFound("id", $"No vacancy '{id}'.");
        var employer = await employers.GetAsync(vacancy.EmployerId, ct);
        var built = (await academies.ListAsync(ct)).Where(a => a.VacancyIds.Contains(id)).OrderBy(a => a.Starts).Select(a => new AcademyLink(a.Id, a.Name)).ToList();
        var people = new List<PutForwardView>();
        foreach (var p in await putForwards.ForVacancyAsync(id, ct))
        {
            var candidate = await candidates.GetAsync(p.CandidateId, ct);
            people.Add(new PutForwardView(p.CandidateId, candidate is null ? ErasedName : $"{candidate.GivenName} {candidate.FamilyName}", p.Note, p.At,
                p.Decision, p.Reason, p.StartDate, p.DecidedAt, p.DecidedBy));
        }
        return Result<VacancyDetails>.Ok(new VacancyDetails(View(vacancy, employer, clock.Today()), built, people));
    }

    /// <summary>The vacancy as stored, if the actor may see it (an edit form's starting values).</summary>
    public async Task<Vacancy?> FindAsync(string id, Actor actor, CancellationToken ct) =>
        InputLimits.IsId(id) && await vacancies.GetAsync(id, ct) is { } v && actor.CanSee(v) ? v : null;

    /// <summary>
    /// Candidates who could be put forward to the vacancy and have not been (<see cref="VacancyMatching.Matches"/>).
    /// Erased candidates have no record, so never match.
    /// </summary>
    public async Task<Result<List<VacancyMatch>>> MatchesAsync(string id, CancellationToken ct)
    {
        if (await FindAsync(id, Actor.Hub, ct) is not { } vacancy) return Problem.NotFound("id", $"No vacancy '{id}'.");
        var forVacancy = (await academies.ListAsync(ct)).Where(a => a.VacancyIds.Contains(id)).Select(a => a.Id).ToList();
        var already = (await putForwards.ForVacancyAsync(id, ct)).Select(p => p.CandidateId).ToHashSet();
        var looking = (await candidates.ListAsync(CandidateStage.Engaged, null, ct)).Concat(await candidates.ListAsync(CandidateStage.InSwap, null, ct));
        return Result<List<VacancyMatch>>.Ok(looking
            .Where(c => !already.Contains(c.Id) && VacancyMatching.Matches(c, vacancy, forVacancy))
            .OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName)
            .Select(c => new VacancyMatch(c.Id, $"{c.GivenName} {c.FamilyName}", c.Stage, c.SectorInterests, c.AcademyId)).ToList());
    }

    /// <summary>Sectors already in use (employers' and vacancies'), for choosing a candidate's interests.</summary>
    public async Task<List<string>> KnownSectorsAsync(CancellationToken ct) =>
        (await employers.ListAsync(ct)).Select(e => e.Sector).Concat((await vacancies.ListAsync(ct)).Select(v => v.Sector))
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();

    private static VacancyView View(Vacancy v, Domain.Employers.Employer? employer, DateOnly today) =>
        new(v, employer?.Name ?? v.EmployerId, employer?.Sites.FirstOrDefault(s => s.Id == v.SiteId)?.Name, v.StatusOn(today));
}
