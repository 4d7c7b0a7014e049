using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Providers.Queries;

/// <summary>A provider's learner; the name is for the provider, who trains them.</summary>
public sealed record ProviderLearner(string CandidateId, string Name, CandidateStage Stage, string? AcademyId, string? CohortId);

/// <summary>
/// The programme a provider's current learner is on with them, as the provider portal shows it: the
/// academy's session dates, or the cohort's start.
/// </summary>
public sealed record LearnerProgramme(string Id, string Name, bool IsAcademy, IReadOnlyList<DateOnly> Sessions, DateOnly Starts);

/// <summary>A provider's current learner with the programme they are on with that provider.</summary>
public sealed record CurrentLearner(ProviderLearner Learner, LearnerProgramme Programme);

/// <summary>
/// A provider's current learners: members of their academies still on the academy, and members of
/// their cohorts waiting for the start or in training. Someone who has finished (completed the
/// apprenticeship, left the academy for a job or another programme) or left (withdrawn, no
/// response) is no longer theirs to see.
/// </summary>
public sealed class ProviderLearners(CandidateStore candidates, AcademyStore academies, CohortStore cohorts)
{
    public async Task<List<ProviderLearner>> OfAsync(string providerId, CancellationToken ct) =>
        (await CurrentAsync(providerId, ct)).Select(c => c.Learner).ToList();

    public async Task<List<CurrentLearner>> CurrentAsync(string providerId, CancellationToken ct)
    {
        var academiesOf = (await academies.ListAsync(ct)).Where(a => a.ProviderId == providerId).ToDictionary(a => a.Id);
        var cohortsOf = (await cohorts.ListAsync(ct)).Where(c => c.ProviderId == providerId).ToDictionary(c => c.Id);
        var current = new List<CurrentLearner>();
        foreach (var c in (await candidates.ListAsync(null, null, ct)).OrderBy(c => c.FamilyName, StringComparer.CurrentCultureIgnoreCase).ThenBy(c => c.GivenName, StringComparer.CurrentCultureIgnoreCase))
        {
            LearnerProgramme? programme = c.Stage switch
            {
                CandidateStage.InSwap when c.AcademyId is { } a && academiesOf.TryGetValue(a, out var academy) =>
                    new(academy.Id, academy.Name, IsAcademy: true, academy.Sessions.Order().ToList(), academy.Starts),
                CandidateStage.AwaitingCohort or CandidateStage.InTraining when c.CohortId is { } k && cohortsOf.TryGetValue(k, out var cohort) =>
                    new(cohort.Id, cohort.Name, IsAcademy: false, [], cohort.StartDate),
                _ => null,
            };
            if (programme is not null)
                current.Add(new(new ProviderLearner(c.Id, $"{c.GivenName} {c.FamilyName}", c.Stage, c.AcademyId, c.CohortId), programme));
        }
        return current;
    }
}
