using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Levy;

namespace Apprenticeships.Application.Candidates.Commands;

/// <summary>An advisor takes a candidate off the programme, giving the reason.</summary>
public sealed record WithdrawCandidate(string? Reason);

/// <summary>
/// Takes a candidate off the programme, by their advisor or through their own link: the stage
/// and reason, a timeline entry, their running workflows stopped, and, if they were in training,
/// a withdrawal on the levy commitment, so instalments stop.
/// </summary>
public sealed class CandidateWithdrawal(CandidateStore candidates, CandidateTimeline timeline, CommitmentRepository commitments,
    IWorkflows workflows, TimeProvider clock)
{
    public const int LongestReason = InputLimits.Reason;

    public async Task<Result<Candidate>> WithdrawAsync(string candidateId, WithdrawCandidate command, CancellationToken ct)
    {
        var reason = command.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > LongestReason)
            return Problem.Invalid("reason", $"Give the reason for withdrawal (up to {LongestReason} characters).");
        if (InputLimits.BadCharacterAt(reason) is not null)
            return Problem.Invalid("reason", "The reason must not contain control characters such as tabs or line breaks.");
        var candidate = InputLimits.IsId(candidateId) ? await candidates.GetAsync(candidateId, ct) : null;
        if (candidate is null) return Problem.NotFound("id", $"No candidate '{candidateId}'.");
        if (candidate.Stage.IsClosed()) return Problem.Conflict("id", $"The candidate is already closed ({candidate.Stage.Describe()}).");
        return Result<Candidate>.Ok(await WithdrawAsync(candidate, reason, $"Withdrawn by their advisor: {reason}", ct));
    }

    /// <summary>The candidate left through their own link.</summary>
    internal async Task LeaveAsync(Candidate candidate, CancellationToken ct)
    {
        if (!candidate.Stage.IsClosed())
            await WithdrawAsync(candidate, "Left at their own request", "The candidate left the programme through their email link.", ct);
    }

    private async Task<Candidate> WithdrawAsync(Candidate candidate, string reason, string what, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var moved = await candidates.MoveToAsync(candidate.Id, CandidateStage.Withdrawn, now, reason, ct);
        await timeline.AddAsync(candidate.Id, "withdrawn", new TimelineEntry(now, CandidateStage.Withdrawn, what), ct);
        await workflows.StopAllAsync(candidate.Id, candidate.AcademyId, "withdrawn", ct);
        if (await commitments.FindAsync(CommitmentIds.Of(candidate.Id), ct) is { } record &&
            !record.Events.Any(e => e.Kind is CommitmentEventKind.Completion or CommitmentEventKind.Withdrawal))
        {
            await commitments.AddEventAsync(record.Commitment, new CommitmentEvent(CommitmentEventKind.Withdrawal, DateOnly.FromDateTime(now.UtcDateTime)), ct);
        }
        return moved!;
    }
}
