using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Programmes.Commands;

/// <summary>How a member's academy ended, with the job or apprenticeship offer a successful interview brought.</summary>
public sealed record RecordAcademyOutcome(string? CandidateId, SwapOutcome? Outcome, SwapOffer? Offer, string? Reason);

/// <summary>Records an academy member's outcome once and tells their academy workflow.</summary>
public sealed class AcademyOutcomes(AcademyStore academies, CandidateStore candidates, ProgrammeRecords records, IWorkflows workflows, TimeProvider clock)
{
    public const int LongestReason = InputLimits.Reason;

    public async Task<Result<Recorded<SwapResult>>> RecordAsync(string academyId, RecordAcademyOutcome command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var candidateId = errors.Id("candidateId", command.CandidateId, "Candidate id");
        var outcome = errors.Defined("outcome", errors.Required("outcome", command.Outcome, "Outcome"), "Outcome");
        var offer = errors.Defined("offer", command.Offer, "Offer") ?? SwapOffer.None;
        if (outcome == SwapOutcome.DidNotComplete) errors.Text("reason", command.Reason, "The reason they did not complete", LongestReason);
        else errors.OptionalText("reason", command.Reason, "Reason", LongestReason);
        if (outcome is not null and not SwapOutcome.CompletedSuccessful && offer != SwapOffer.None)
            errors.Add("offer", "Only a successful interview comes with a job or apprenticeship offer.");
        if (errors.Any) return errors.ToProblem();
        if (!InputLimits.IsId(academyId) || await academies.GetAsync(academyId, ct) is null) return Problem.NotFound("id", $"No academy '{academyId}'.");
        var candidate = await candidates.GetAsync(candidateId!, ct);
        if (candidate?.AcademyId != academyId) return Problem.NotFound("candidateId", $"Candidate '{candidateId}' is not a member of academy {academyId}.");
        var key = RecordKeys.SwapOutcome(academyId);
        if (await records.GetAsync(candidate.Id, key, ct) is null)
        {
            if (candidate.Stage != CandidateStage.InSwap)
                return Problem.Conflict("candidateId", $"The candidate is {candidate.Stage.Describe()}, not on the academy.");
            // Refused before anything is written: recorded in the moment before the academy workflow starts, it would never be heard.
            if (!await workflows.IsRunningAsync(WorkflowInstances.Swap(candidate.Id, academyId), ct))
                return Problem.Conflict("candidateId", "The candidate's academy workflow is still starting; try again in a moment.");
        }

        var why = offer != SwapOffer.None ? $"Offer: {offer}" : command.Reason?.Trim() is { Length: > 0 } reason ? reason : null;
        var saved = await records.AddAsync(new ProgrammeRecord(candidate.Id, key, RecordKind.SwapOutcome, clock.GetUtcNow())
        {
            ProgrammeId = academyId, Value = outcome.ToString(), Reason = why,
        }, ct);
        if (saved == SaveResult.Conflict) return Problem.Conflict("outcome", "A different outcome is already recorded for this candidate.");
        var result = new SwapResult(outcome!.Value, offer);
        // Told again on a repeat (the first attempt may have stopped before this); once the workflow has ended there is nobody to tell.
        await workflows.RecordSwapOutcomeAsync(candidate.Id, academyId, result, "outcome", ct);
        return Result<Recorded<SwapResult>>.Ok(new(result, saved), saved == SaveResult.Created);
    }
}
