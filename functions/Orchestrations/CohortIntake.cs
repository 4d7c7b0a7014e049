using Apprenticeships.Durable;
using Apprenticeships.Functions.Activities;
using static Apprenticeships.Functions.Orchestrations.WorkingDay;

namespace Apprenticeships.Functions.Orchestrations;

/// <summary>
/// A candidate accepted for an apprenticeship cohort waits (durably, months if need be) for its
/// start date, hears a week before, and on the day their levy commitment is created.
/// </summary>
public sealed class CohortIntake : TaskOrchestrator<IntakeInput, TrainingInput>
{
    public override async Task<TrainingInput> RunAsync(TaskOrchestrationContext context, IntakeInput input)
    {
        var plan = await context.CallActivityAsync<CohortPlan>(nameof(GetCohortPlan), input.CohortId);
        var notice = Morning(plan.StartDate.AddDays(-PipelinePolicy.CohortNoticeDays));
        if (notice > context.CurrentUtcDateTime) await context.CreateTimer(notice, CancellationToken.None);
        await context.EmailAsync(input.CandidateId, "cohort-start", new() { ["cohortId"] = input.CohortId });
        var start = Morning(plan.StartDate);
        if (start > context.CurrentUtcDateTime) await context.CreateTimer(start, CancellationToken.None);
        return await context.CallActivityAsync<TrainingInput>(nameof(StartApprenticeship), input);
    }
}
