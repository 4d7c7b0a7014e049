using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Workflows.Activities;

public sealed class GetCohortPlan(CohortStore cohorts) : TaskActivity<string, CohortPlan>
{
    public override async Task<CohortPlan> RunAsync(TaskActivityContext context, string cohortId)
    {
        var cohort = await cohorts.GetAsync(cohortId) ?? throw new InvalidOperationException($"No cohort '{cohortId}'.");
        return new CohortPlan(cohort.StartDate, cohort.PlannedEndDate);
    }
}
