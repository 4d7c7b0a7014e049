using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Storage.Candidates;

namespace Apprenticeships.Application.Candidates.Commands;

/// <summary>
/// Finishes enrolments cut short between storing the candidate and starting their journey: a
/// candidate still at Referred a minute after enrolment has no journey moving them (its first
/// step moves them on within seconds), so their journey is started now. Starting is
/// idempotent, so a journey that is merely slow is left alone.
/// </summary>
public sealed class ReferralRecovery(CandidateStore candidates, IWorkflows workflows, TimeProvider clock)
{
    public static readonly TimeSpan Grace = TimeSpan.FromMinutes(1);

    /// <summary>Starts the journeys that are missing; returns the candidates it started them for.</summary>
    public async Task<IReadOnlyList<string>> RecoverAsync(CancellationToken ct)
    {
        var cutOff = clock.GetUtcNow() - Grace;
        var started = new List<string>();
        foreach (var candidate in await candidates.ListAsync(CandidateStage.Referred, null, ct))
        {
            if (candidate.EnrolledAt > cutOff) continue;
            if (await workflows.StartJourneyAsync(candidate.Id, ct)) started.Add(candidate.Id);
        }
        return started;
    }
}
