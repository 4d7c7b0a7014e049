using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Durable.Client;
using Apprenticeships.Functions.Models;
using Apprenticeships.Functions.Orchestrations;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Functions.Candidates;

public enum AssignOutcome { Assigned, NoCandidate, NotReady, AlreadyTookPart }

/// <summary>
/// Puts an engaged candidate on their next step: an academy, a cohort or a job. The candidate
/// row is claimed first (stage and programme, under its ETag), so two advisors cannot assign the
/// same candidate twice; then the fact is recorded and the journey told. Re-posting the same
/// assignment after a crash finds the claim and finishes the rest; the event id keeps it one event.
/// </summary>
public sealed class CandidateAssignments(CandidateStore candidates, ProgrammeRecords records, DurableTaskClient workflows, TimeProvider clock)
{
    public async Task<(AssignOutcome Outcome, Candidate? Candidate)> AssignAsync(string candidateId, Assignment assignment, decimal costPerPlace, string? employer, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var target = assignment.Kind switch
        {
            AssignmentKind.Academy => CandidateStage.InSwap,
            AssignmentKind.Cohort => CandidateStage.AwaitingCohort,
            _ => CandidateStage.InWork,
        };
        if (assignment.Kind == AssignmentKind.Academy &&
            await records.GetAsync(candidateId, SwapOutcomeKey(assignment.ProgrammeId!), ct) is not null)
            return (AssignOutcome.AlreadyTookPart, null);

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
        if (stored is null) return (AssignOutcome.NoCandidate, null);
        if (!Claimed(stored)) return (AssignOutcome.NotReady, stored);

        if (assignment.Kind == AssignmentKind.Academy)
            await records.AddAsync(new ProgrammeRecord(candidateId, $"swap-start-{assignment.ProgrammeId}", RecordKind.SwapStart, now)
            {
                ProgrammeId = assignment.ProgrammeId, Amount = costPerPlace,
            }, ct);
        if (assignment.Kind == AssignmentKind.Job)
        {
            var viaSwap = (await records.ForCandidateAsync(candidateId, ct)).Any(r => r.Kind == RecordKind.SwapOutcome && r.Value == nameof(SwapOutcome.CompletedSuccessful));
            await records.AddAsync(new ProgrammeRecord(candidateId, "job-start", RecordKind.JobStart, now)
            {
                Date = assignment.StartDate, Value = viaSwap ? JobRoute.ViaSwap : JobRoute.Direct, Reason = employer,
            }, ct);
        }
        await workflows.RaiseEventAsync(Instances.Journey(candidateId), Events.Assigned, assignment,
            eventId: $"assigned-{assignment.Kind}-{assignment.ProgrammeId}", ct);
        return (AssignOutcome.Assigned, stored);
    }

    public static string SwapOutcomeKey(string academyId) => $"swap-outcome-{academyId}";
}
