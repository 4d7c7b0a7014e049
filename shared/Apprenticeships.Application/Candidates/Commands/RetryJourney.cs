using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Storage.Candidates;

namespace Apprenticeships.Application.Candidates.Commands;

/// <summary>
/// Staff put right what stopped a candidate's journey (say, an academy that was deleted) and run
/// it again from the step that failed; what it did before stays done.
/// </summary>
public sealed class JourneyRetry(CandidateStore candidates, IWorkflows workflows)
{
    public async Task<Result<Candidate>> RetryAsync(string candidateId, CancellationToken ct)
    {
        if (await candidates.GetAsync(candidateId, ct) is not { } candidate)
            return Problem.NotFound("id", $"No candidate '{candidateId}'.");
        if (await workflows.RetryJourneyAsync(candidateId, "Retried by staff.", ct) == SignalResult.NotRunning)
            return Problem.Conflict("id", "Only a journey that stopped on an error can be retried.");
        return Result<Candidate>.Ok(candidate);
    }
}
