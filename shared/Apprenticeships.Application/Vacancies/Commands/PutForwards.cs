using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Vacancies;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Programmes;
using Apprenticeships.Storage.Vacancies;

namespace Apprenticeships.Application.Vacancies.Commands;

/// <summary>An advisor puts a candidate forward to a vacancy, with a note for the employer (optional).</summary>
public sealed record PutCandidateForward(string? CandidateId, string? Note);

/// <summary>
/// Puts candidates forward to vacancies: once per candidate and vacancy (the same again answers
/// with the first, unchanged), only while the vacancy is open, and only candidates whose stage
/// fits (<see cref="VacancyMatching.StageFits"/>).
/// </summary>
public sealed class PutForwards(PutForwardStore putForwards, VacancyStore vacancies, CandidateStore candidates, AcademyStore academies, TimeProvider clock)
{
    public async Task<Result<PutForward>> PutForwardAsync(string vacancyId, PutCandidateForward command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var candidateId = errors.Id("candidateId", command.CandidateId, "Candidate id");
        var note = errors.OptionalText("note", command.Note, "Note", InputLimits.Reason);
        if (errors.Any) return errors.ToProblem();
        if (!InputLimits.IsId(vacancyId) || await vacancies.GetAsync(vacancyId, ct) is not { } vacancy) return Problem.NotFound("id", $"No vacancy '{vacancyId}'.");
        if (await putForwards.GetAsync(vacancyId, candidateId!, ct) is { } already) return Result<PutForward>.Ok(already);

        var today = clock.Today();
        if (!vacancy.TakesPutForwardsOn(today))
            return Problem.Conflict("id", vacancy.StatusOn(today) switch
            {
                VacancyStatus.Filled => "Every position of this vacancy is filled.",
                _ when vacancy.Status == VacancyStatus.Open => $"The vacancy closed on {vacancy.ClosingDate:d MMMM yyyy}: nobody more can be put forward.",
                _ => "The vacancy is closed: nobody more can be put forward.",
            });
        if (await candidates.GetAsync(candidateId!, ct) is not { } candidate) return Problem.NotFound("candidateId", $"No candidate '{candidateId}'.");
        var forVacancy = (await academies.ListAsync(ct)).Where(a => a.VacancyIds.Contains(vacancyId)).Select(a => a.Id).ToList();
        if (!VacancyMatching.StageFits(candidate, forVacancy))
            return Problem.Conflict("candidateId", $"Only engaged candidates (or those on an academy built for this vacancy) can be put forward; this one is {candidate.Stage.Describe()}.");

        var putForward = new PutForward(vacancyId, candidate.Id, clock.GetUtcNow(), note);
        if (await putForwards.AddAsync(putForward, ct)) return Result<PutForward>.Ok(putForward, created: true);
        // Put forward at the same moment by someone else: theirs is the one.
        return Result<PutForward>.Ok((await putForwards.GetAsync(vacancyId, candidate.Id, ct))!);
    }
}
