using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Providers.Queries;

/// <summary>A provider's learner; the name is for the provider, who trains them.</summary>
public sealed record ProviderLearner(string CandidateId, string Name, CandidateStage Stage, string? AcademyId, string? CohortId);

/// <summary>A provider's current learners: members of their academies and cohorts who have not finished or left.</summary>
public sealed class ProviderLearners(CandidateStore candidates, AcademyStore academies, CohortStore cohorts)
{
    public async Task<List<ProviderLearner>> OfAsync(string providerId, CancellationToken ct)
    {
        var academyIds = (await academies.ListAsync(ct)).Where(a => a.ProviderId == providerId).Select(a => a.Id).ToHashSet();
        var cohortIds = (await cohorts.ListAsync(ct)).Where(c => c.ProviderId == providerId).Select(c => c.Id).ToHashSet();
        return (await candidates.ListAsync(null, null, ct))
            .Where(c => !c.Stage.IsClosed() && (c.AcademyId is { } a && academyIds.Contains(a) || c.CohortId is { } k && cohortIds.Contains(k)))
            .Select(c => new ProviderLearner(c.Id, $"{c.GivenName} {c.FamilyName}", c.Stage, c.AcademyId, c.CohortId))
            .ToList();
    }
}
