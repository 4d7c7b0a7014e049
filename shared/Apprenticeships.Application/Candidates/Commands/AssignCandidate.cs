using Apprenticeships.Application.Programmes;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Candidates.Commands;

/// <summary>Adds an engaged candidate to an academy or cohort.</summary>
public sealed record AddMember(string? CandidateId);

/// <summary>An engaged candidate has started a job (direct, or after an academy) with an employer the hub has a record of, by id.</summary>
public sealed record RecordJobStart(string? StartDate, string? EmployerId);

/// <summary>
/// Puts an engaged candidate on their next step: an academy, a cohort or a job. The candidate
/// row is claimed first (stage and programme, under its ETag), so two advisors cannot assign the
/// same candidate twice; then the fact is recorded and the journey told. Re-posting the same
/// assignment after a crash finds the claim and finishes the rest; the reference keeps it one signal.
/// </summary>
public sealed class CandidateAssignments(CandidateStore candidates, AcademyStore academies, CohortStore cohorts,
    ProgrammeRecords records, EmployerStore employers, IWorkflows workflows, TimeProvider clock,
    Progression.Commands.ProgressionParticipants progression)
{
    /// <summary>A job start is recorded when it is known: up to three months either side of today.</summary>
    public const int JobStartWindowDays = 92;

    public async Task<Result<Candidate>> AddToAcademyAsync(string academyId, AddMember command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var candidateId = errors.Id("candidateId", command.CandidateId, "Candidate id");
        if (errors.Any) return errors.ToProblem();
        if (!InputLimits.IsId(academyId) || await academies.GetAsync(academyId, ct) is not { } academy) return Problem.NotFound("id", $"No academy '{academyId}'.");
        if (await records.GetAsync(candidateId!, RecordKeys.SwapOutcome(academy.Id), ct) is not null)
            return Problem.Conflict("candidateId", "The candidate has already taken part in this academy.");
        return await AssignAsync(candidateId!, new Assignment(AssignmentKind.Academy, academy.Id, null), ct, academy.CostPerPlace);
    }

    public async Task<Result<Candidate>> AddToCohortAsync(string cohortId, AddMember command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var candidateId = errors.Id("candidateId", command.CandidateId, "Candidate id");
        if (errors.Any) return errors.ToProblem();
        if (!InputLimits.IsId(cohortId) || await cohorts.GetAsync(cohortId, ct) is null) return Problem.NotFound("id", $"No cohort '{cohortId}'.");
        return await AssignAsync(candidateId!, new Assignment(AssignmentKind.Cohort, cohortId, null), ct);
    }

    public async Task<Result<Candidate>> RecordJobStartAsync(string candidateId, RecordJobStart command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var start = errors.Date("startDate", command.StartDate, "Start date");
        var employer = errors.Id("employerId", command.EmployerId, "Employer");
        var today = clock.Today();
        if (start is { } s && (s < today.AddDays(-JobStartWindowDays) || s > today.AddDays(JobStartWindowDays)))
            errors.Add("startDate", $"The start date must be within {JobStartWindowDays} days of today.");
        if (errors.Any) return errors.ToProblem();
        if (await employers.GetAsync(employer!, ct) is null) return Problem.NotFound("employerId", $"No employer '{employer}' (add it under /api/employers).");
        var assigned = await AssignAsync(candidateId, new Assignment(AssignmentKind.Job, null, start), ct, employerId: employer, missingField: "id");
        // In-work progression follows them at the employer from the job start.
        if (assigned.Succeeded) await progression.JobStartedAsync(candidateId, employer!, start!.Value, ct);
        return assigned;
    }

    private async Task<Result<Candidate>> AssignAsync(string candidateId, Assignment assignment, CancellationToken ct,
        decimal costPerPlace = 0, string? employerId = null, string missingField = "candidateId")
    {
        if (!InputLimits.IsId(candidateId)) return Problem.NotFound(missingField, $"No candidate '{candidateId}'.");
        var now = clock.GetUtcNow();
        var target = assignment.Kind switch
        {
            AssignmentKind.Academy => CandidateStage.InSwap,
            AssignmentKind.Cohort => CandidateStage.AwaitingCohort,
            _ => CandidateStage.InWork,
        };
        bool Claimed(Candidate c) => c.Stage == target && assignment.Kind switch
        {
            AssignmentKind.Academy => c.AcademyId == assignment.ProgrammeId,
            AssignmentKind.Cohort => c.CohortId == assignment.ProgrammeId,
            _ => true,
        };
        var stored = await candidates.ChangeAsync(candidateId, c => c.Stage != CandidateStage.Engaged ? null : c with
        {
            Stage = target,
            StageChangedAt = now,
            AcademyId = assignment.Kind == AssignmentKind.Academy ? assignment.ProgrammeId : c.AcademyId,
            CohortId = assignment.Kind == AssignmentKind.Cohort ? assignment.ProgrammeId : c.CohortId,
        }, ct);
        if (stored is null) return Problem.NotFound(missingField, $"No candidate '{candidateId}'.");
        if (!Claimed(stored))
            return Problem.Conflict("candidateId", stored.Stage == CandidateStage.Engaged
                ? "The candidate is already assigned."
                : $"Only engaged candidates can be assigned; this one is {stored.Stage.Describe()}.");

        if (assignment.Kind == AssignmentKind.Academy)
            await records.AddAsync(new ProgrammeRecord(candidateId, RecordKeys.SwapStart(assignment.ProgrammeId!), RecordKind.SwapStart, now)
            {
                ProgrammeId = assignment.ProgrammeId, Amount = costPerPlace,
            }, ct);
        if (assignment.Kind == AssignmentKind.Job)
        {
            var viaSwap = (await records.ForCandidateAsync(candidateId, ct)).Any(r => r.Kind == RecordKind.SwapOutcome && r.Value == nameof(SwapOutcome.CompletedSuccessful));
            await records.AddAsync(new ProgrammeRecord(candidateId, RecordKeys.JobStart, RecordKind.JobStart, now)
            {
                Date = assignment.StartDate, Value = viaSwap ? JobRoute.ViaSwap : JobRoute.Direct, ProgrammeId = employerId,
            }, ct);
        }
        await workflows.AssignAsync(candidateId, assignment, $"assigned-{assignment.Kind}-{assignment.ProgrammeId}", ct);
        return Result<Candidate>.Ok(stored, created: true);
    }
}
