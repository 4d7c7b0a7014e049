using Apprenticeships.Workflows.Running;
using static Apprenticeships.Workflows.Orchestrations.WorkingDay;

namespace Apprenticeships.Workflows.Orchestrations;

/// <summary>
/// After a job start: checks at 13 and 26 weeks (DWP's sustainment measures). The candidate gets
/// an email; the advisor records whether they are still in work, chased after a fortnight.
/// Returns whether they were in work at 26 weeks.
/// </summary>
public sealed class Sustainment : TaskOrchestrator<SustainmentInput, bool>
{
    public override async Task<bool> RunAsync(TaskOrchestrationContext context, SustainmentInput input)
    {
        var run = await OrchestrationRun.StartAsync(context);
        foreach (var week in Domain.Programmes.SustainmentChecks.CheckWeeks)
        {
            var due = Morning(input.JobStart.AddDays(7 * week));
            await run.UntilAsync(due);
            await run.EmailAsync(input.CandidateId, "sustainment-check", new() { ["week"] = week.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            run.Context.SetCustomStatus(new { check = week, since = run.Now });
            var answer = await run.SignalChasedAtAsync<SustainmentAnswer>(WorkflowEvents.Sustainment(week), due.AddDays(PipelinePolicy.SustainmentChaseDays),
                () => run.AlertAsync(input.CandidateId, AttentionKind.SustainmentOverdue, (AttentionFacts.Week, RunSteps.Fact(week))));
            if (!answer.InWork) return false;
        }
        return true;
    }
}
