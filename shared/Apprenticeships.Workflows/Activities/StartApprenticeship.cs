using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Workflows.Orchestrations;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Workflows.Activities;

/// <summary>
/// Creates the candidate's levy commitment on their cohort's start date. The levy side gets the
/// apprentice's age at the start (which decides incentives and co-investment), never the date of
/// birth. Deterministic ids make a retry find its own earlier write.
/// </summary>
public sealed class StartApprenticeship(CandidateStore candidates, CohortStore cohorts, CommitmentRepository commitments, ProgrammeRecords records, TimeProvider clock)
    : TaskActivity<IntakeInput, TrainingInput>
{
    public override async Task<TrainingInput> RunAsync(TaskActivityContext context, IntakeInput input)
    {
        var cohort = await cohorts.GetAsync(input.CohortId) ?? throw new InvalidOperationException($"No cohort '{input.CohortId}'.");
        var candidate = await candidates.GetAsync(input.CandidateId) ?? throw new InvalidOperationException($"No candidate '{input.CandidateId}'.");
        var commitmentId = CommitmentIds.Of(candidate.Id);
        var commitment = new Commitment(commitmentId, cohort.EmployerId, cohort.AgreedPrice, cohort.FundingBandMaximum, cohort.StartDate,
            cohort.PlannedEndDate, ReferralRules.AgeOn(candidate.DateOfBirth, cohort.StartDate), HasEhcPlan: false,
            // Referral by the care-leaver team is the hub's record of care-leaver status.
            IsCareLeaver: candidate.Source == ReferralSource.CareLeaverTeam);
        if (await commitments.AddAsync(commitment) == SaveResult.Conflict)
            throw new InvalidOperationException($"Commitment '{commitmentId}' already exists with different terms.");
        await records.AddAsync(new ProgrammeRecord(candidate.Id, RecordKeys.ApprenticeshipStart, RecordKind.ApprenticeshipStart, clock.GetUtcNow())
        {
            ProgrammeId = cohort.Id, Value = commitmentId, Date = cohort.StartDate,
        });
        return new TrainingInput(candidate.Id, cohort.Id, commitmentId, cohort.StartDate, cohort.PlannedEndDate);
    }
}
