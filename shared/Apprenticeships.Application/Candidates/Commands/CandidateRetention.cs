using Apprenticeships.Domain.Candidates;
using Apprenticeships.Storage.Candidates;

namespace Apprenticeships.Application.Candidates.Commands;

/// <summary>How long a closed candidate's personal data is kept (setting Retention__ClosedCandidateDays).</summary>
public sealed record RetentionPolicy(TimeSpan ClosedFor)
{
    /// <summary>Six years after the candidate's record closed, the period hubs keep programme records for audit.</summary>
    public static readonly RetentionPolicy Default = new(TimeSpan.FromDays(6 * 365));
}

/// <summary>Erases candidates whose record closed (withdrawn, no response, completed) longer ago than the retention policy allows.</summary>
public sealed class CandidateRetention(CandidateStore candidates, CandidateErasure erasure, RetentionPolicy policy, TimeProvider clock)
{
    public const string Reason = "Retention period ended";

    /// <summary>Erases the expired candidates; returns their ids.</summary>
    public async Task<IReadOnlyList<string>> EraseExpiredAsync(CancellationToken ct)
    {
        var cutOff = clock.GetUtcNow() - policy.ClosedFor;
        var erased = new List<string>();
        foreach (var stage in Enum.GetValues<CandidateStage>().Where(s => s.IsClosed()))
        {
            foreach (var candidate in await candidates.ListAsync(stage, null, ct))
            {
                if (candidate.StageChangedAt > cutOff) continue;
                _ = (await erasure.EraseAsync(candidate.Id, new EraseCandidate(Reason), "retention", ct)).Done;
                erased.Add(candidate.Id);
            }
        }
        return erased;
    }
}
