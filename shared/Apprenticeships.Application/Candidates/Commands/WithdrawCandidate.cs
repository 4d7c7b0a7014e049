using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Levy;

namespace Apprenticeships.Application.Candidates.Commands;

/// <summary>An advisor takes a candidate off the programme, giving the reason.</summary>
public sealed record WithdrawCandidate(string? Reason);

/// <summary>
/// Takes a candidate off the programme, by their advisor or through their own link: their running
/// workflows stopped, a withdrawal on the levy commitment if they were in training (so
/// instalments stop), then the stage, the reason and a timeline entry.
/// <para>
/// Every step can be done again without doing it twice, and the stage is written last: a crash
/// part-way leaves a candidate who is not yet withdrawn, and the advisor's retry finishes the
/// job. Withdrawing a withdrawn candidate again does the remaining steps and changes nothing
/// else (200, the first reason kept); however many requests race, there is one Withdrawn entry.
/// </para>
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
        if (candidate.Stage.IsClosed() && candidate.Stage != CandidateStage.Withdrawn)
            return Problem.Conflict("id", $"The candidate is already closed ({candidate.Stage.Describe()}).");
        return Result<Candidate>.Ok(await WithdrawAsync(candidate, reason, stored => $"Withdrawn by their advisor: {stored}", ct));
    }

    /// <summary>The reason recorded when a candidate leaves through the session reminder's link.</summary>
    public const string LeftReason = "Left at their own request";

    /// <summary>
    /// The candidate withdrew through their own link (<see cref="LinkAnswerRules"/> decides when): the same crash-safe
    /// steps as an advisor's withdrawal, with the candidate's reason. Again on a candidate already withdrawn, it finishes
    /// whatever a crash left undone; a candidate closed another way is left as they are. Returns the candidate as stored.
    /// </summary>
    internal async Task<Candidate> ByCandidateAsync(Candidate candidate, string reason, string what, CancellationToken ct) =>
        candidate.Stage.IsClosed() && candidate.Stage != CandidateStage.Withdrawn
            ? candidate
            : await WithdrawAsync(candidate, reason, _ => what, ct);

    private async Task<Candidate> WithdrawAsync(Candidate candidate, string reason, Func<string?, string> describe, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Workflows first: once the stage says Withdrawn nothing may still send reminders.
        await workflows.StopAllAsync(candidate.Id, candidate.AcademyId, "withdrawn", ct);
        if (await commitments.FindAsync(CommitmentIds.Of(candidate.Id), ct) is { } record &&
            !record.Events.Any(e => e.Kind is CommitmentEventKind.Completion or CommitmentEventKind.Withdrawal))
        {
            await commitments.AddEventAsync(record.Commitment, new CommitmentEvent(CommitmentEventKind.Withdrawal, DateOnly.FromDateTime(now.UtcDateTime)), ct);
        }
        var moved = await candidates.MoveToAsync(candidate.Id, CandidateStage.Withdrawn, now, reason, ct) ?? candidate;
        if (moved.Stage == CandidateStage.Withdrawn)
        {
            // The stored change's time and reason: every racer and every retry writes the same row.
            await timeline.AddAsync(candidate.Id, "withdrawn", new TimelineEntry(moved.StageChangedAt, CandidateStage.Withdrawn, describe(moved.WithdrawalReason)), ct);
        }
        return moved;
    }
}
