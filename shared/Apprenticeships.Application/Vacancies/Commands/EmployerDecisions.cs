using Apprenticeships.Application.Candidates.Commands;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Domain.Vacancies;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Storage.Programmes;
using Apprenticeships.Storage.Vacancies;

namespace Apprenticeships.Application.Vacancies.Commands;

/// <summary>The employer's decision about someone put forward; a reason when not selected, the start date when the offer is accepted.</summary>
public sealed record RecordDecision(string? CandidateId, EmployerDecision? Decision, string? Reason, string? StartDate);

/// <summary>A decision as recorded, and for an accepted offer what became of the position and the job start.</summary>
public sealed record DecisionRecorded(PutForward PutForward, FilledPosition? Filled, string? JobStartProblem);

/// <summary>
/// Records employers' decisions (hub staff for any vacancy, an employer for their own), in order
/// (<see cref="PutForwardRules"/>). Repeating the decision recorded changes nothing. An accepted
/// offer fills a position, counted as direct or through an academy, and starts the candidate's job
/// through the job-start command, so their sustainment checks follow. Each of those steps is
/// idempotent, so sending the acceptance again after a failure finishes what was left.
/// </summary>
public sealed class EmployerDecisions(PutForwardStore putForwards, VacancyStore vacancies, AcademyStore academies,
    ProgrammeRecords records, CandidateAssignments assignments, TimeProvider clock)
{
    public async Task<Result<DecisionRecorded>> RecordAsync(string vacancyId, RecordDecision command, Actor actor, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var candidateId = errors.Id("candidateId", command.CandidateId, "Candidate id");
        var decision = errors.Defined("decision", errors.Required("decision", command.Decision, "Decision"), "Decision");
        var reason = decision == EmployerDecision.NotSelected
            ? errors.Text("reason", command.Reason, "Reason", InputLimits.Reason)
            : errors.OptionalText("reason", command.Reason, "Reason", InputLimits.Reason);
        DateOnly? start = null;
        if (decision == EmployerDecision.OfferAccepted)
        {
            start = errors.Date("startDate", command.StartDate, "Start date");
            var today = clock.Today();
            if (start is { } s && (s < today.AddDays(-CandidateAssignments.JobStartWindowDays) || s > today.AddDays(CandidateAssignments.JobStartWindowDays)))
                errors.Add("startDate", $"The start date must be within {CandidateAssignments.JobStartWindowDays} days of today.");
        }
        if (errors.Any) return errors.ToProblem();
        if (!InputLimits.IsId(vacancyId) || await vacancies.GetAsync(vacancyId, ct) is not { } vacancy || !actor.CanSee(vacancy))
            return Problem.NotFound("id", $"No vacancy '{vacancyId}'.");
        if (await putForwards.GetAsync(vacancyId, candidateId!, ct) is not { } putForward)
            return Problem.NotFound("candidateId", "This candidate has not been put forward to this vacancy.");

        var next = decision!.Value;
        if (putForward.Decision == next && next != EmployerDecision.OfferAccepted) return Result<DecisionRecorded>.Ok(new DecisionRecorded(putForward, null, null));
        if (putForward.Decision != next && !PutForwardRules.Allows(putForward.Decision, next))
            return Problem.Conflict("decision", putForward.Decision is { } current
                ? $"The decision recorded is {Said(current)}, which cannot be followed by {Said(next)}."
                : "An offer must be made before it can be accepted.");
        if (next == EmployerDecision.OfferAccepted) return await AcceptAsync(vacancy, putForward, start!.Value, reason, actor, ct);

        var saved = await putForwards.ChangeAsync(vacancyId, putForward.CandidateId, p => Decided(p, next, reason, null, actor), ct);
        return Result<DecisionRecorded>.Ok(new DecisionRecorded(saved!, null, null), created: true);
    }

    private async Task<Result<DecisionRecorded>> AcceptAsync(Vacancy vacancy, PutForward putForward, DateOnly start, string? reason, Actor actor, CancellationToken ct)
    {
        var repeat = putForward.Decision == EmployerDecision.OfferAccepted;
        if (repeat) start = putForward.StartDate ?? start;
        // The position first: if the last one went to someone else meanwhile, nothing is recorded.
        var position = new FilledPosition(putForward.CandidateId, FillRoute.Direct, start, await ViaAcademyAsync(vacancy, putForward.CandidateId, ct));
        if (position.AcademyId is not null) position = position with { Route = FillRoute.ViaAcademy };
        var filled = await vacancies.ChangeAsync(vacancy.Id, v =>
        {
            if (v.Filled.Any(f => f.CandidateId == position.CandidateId) || v.Filled.Count >= v.Positions) return v;
            var positions = v.Filled.Append(position).ToList();
            return v with { Filled = positions, Status = positions.Count >= v.Positions ? VacancyStatus.Filled : v.Status };
        }, ct);
        var mine = filled?.Filled.FirstOrDefault(f => f.CandidateId == putForward.CandidateId);
        if (mine is null) return Problem.Conflict("decision", $"All {vacancy.Positions} positions of this vacancy are filled.");

        var saved = repeat ? putForward : await putForwards.ChangeAsync(vacancy.Id, putForward.CandidateId, p => Decided(p, EmployerDecision.OfferAccepted, reason, mine.StartDate, actor), ct);
        var jobStart = await assignments.RecordJobStartAsync(putForward.CandidateId, new RecordJobStart(mine.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), vacancy.EmployerId), ct);
        return Result<DecisionRecorded>.Ok(new DecisionRecorded(saved!, mine, jobStart.Problem?.Detail), created: !repeat);
    }

    /// <summary>The academy the candidate came through, if they took part in one built around this vacancy or this employer (<see cref="VacancyMatching.ViaAcademy"/>).</summary>
    private async Task<string?> ViaAcademyAsync(Vacancy vacancy, string candidateId, CancellationToken ct)
    {
        var started = (await records.ForCandidateAsync(candidateId, ct)).Where(r => r.Kind == RecordKind.SwapStart).Select(r => r.ProgrammeId).ToHashSet();
        if (started.Count == 0) return null;
        var takenPart = (await academies.ListAsync(ct)).Where(a => started.Contains(a.Id)).ToList();
        var employersVacancies = (await vacancies.ListAsync(ct)).Where(v => v.EmployerId == vacancy.EmployerId).Select(v => v.Id).ToHashSet();
        bool ForEmployer(Academy a) => a.EmployerId == vacancy.EmployerId || a.VacancyIds.Any(employersVacancies.Contains);
        return VacancyMatching.ViaAcademy(vacancy, takenPart, ForEmployer)?.Id;
    }

    private PutForward Decided(PutForward p, EmployerDecision decision, string? reason, DateOnly? start, Actor actor) =>
        p with { Decision = decision, Reason = reason, StartDate = start, DecidedAt = clock.GetUtcNow(), DecidedBy = actor.Source };

    private static string Said(EmployerDecision decision) => decision switch
    {
        EmployerDecision.NotSelected => "not selected",
        EmployerDecision.OfferAccepted => "offer accepted",
        _ => decision.ToString().ToLowerInvariant(),
    };
}
