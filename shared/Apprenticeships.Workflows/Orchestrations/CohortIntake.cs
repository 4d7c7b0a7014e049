using Apprenticeships.Workflows.Activities;
using Apprenticeships.Workflows.Running;
using static Apprenticeships.Workflows.Orchestrations.WorkingDay;

namespace Apprenticeships.Workflows.Orchestrations;

/// <summary>
/// A candidate accepted for an apprenticeship cohort waits (durably, months if need be) for its
/// start date, hears a week before, and on the day their levy commitment is created.
/// </summary>
public sealed class CohortIntake : TaskOrchestrator<IntakeInput, TrainingInput>
{
    public override async Task<TrainingInput> RunAsync(TaskOrchestrationContext context, IntakeInput input)
    {
        var run = await OrchestrationRun.StartAsync(context);
        var plan = await run.CallAsync<CohortPlan>(nameof(GetCohortPlan), input.CohortId);
        var notice = Morning(plan.StartDate.AddDays(-PipelinePolicy.CohortNoticeDays));
        await run.UntilAsync(notice);
        await run.EmailAsync(input.CandidateId, "cohort-start", new() { ["cohortId"] = input.CohortId });
        var start = Morning(plan.StartDate);
        await run.UntilAsync(start);
        return await run.CallAsync<TrainingInput>(nameof(StartApprenticeship), input);
    }
}
