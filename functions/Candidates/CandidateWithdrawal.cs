using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Durable;
using Apprenticeships.Durable.Client;
using Apprenticeships.Functions.Orchestrations;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Levy;

namespace Apprenticeships.Functions.Candidates;

/// <summary>
/// Takes a candidate off the programme, by their advisor or through their own link: the stage
/// and reason, a timeline entry, their running workflows stopped, and — if they were in training
/// — a withdrawal on the levy commitment, so instalments stop.
/// </summary>
public sealed class CandidateWithdrawal(CandidateStore candidates, CandidateTimeline timeline, CommitmentRepository commitments,
    DurableTaskClient workflows, TimeProvider clock)
{
    public async Task<Candidate?> WithdrawAsync(Candidate candidate, string reason, string what, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var moved = await candidates.MoveToAsync(candidate.Id, CandidateStage.Withdrawn, now, reason, ct);
        await timeline.AddAsync(candidate.Id, "withdrawn", new TimelineEntry(now, CandidateStage.Withdrawn, what), ct);
        foreach (var instance in Instances.All(candidate.Id, candidate.AcademyId))
        {
            var status = await workflows.GetInstanceAsync(instance, getInputsAndOutputs: false, ct);
            if (status is { IsRunning: true }) await workflows.TerminateInstanceAsync(instance, "withdrawn", ct);
        }
        if (await commitments.FindAsync(Instances.Commitment(candidate.Id), ct) is { } record &&
            !record.Events.Any(e => e.Kind is CommitmentEventKind.Completion or CommitmentEventKind.Withdrawal))
        {
            await commitments.AddEventAsync(record.Commitment, new CommitmentEvent(CommitmentEventKind.Withdrawal, DateOnly.FromDateTime(now.UtcDateTime)), ct);
        }
        return moved;
    }
}
