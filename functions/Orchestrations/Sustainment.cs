using Apprenticeships.Durable;
using static Apprenticeships.Functions.Orchestrations.WorkingDay;

namespace Apprenticeships.Functions.Orchestrations;

/// <summary>
/// After a job start: checks at 13 and 26 weeks (DWP's sustainment measures). The candidate gets
/// an email; the advisor records whether they are still in work, chased after a fortnight.
/// Returns whether they were in work at 26 weeks.
/// </summary>
public sealed class Sustainment : TaskOrchestrator<SustainmentInput, bool>
{
    public override async Task<bool> RunAsync(TaskOrchestrationContext context, SustainmentInput input)
    {
        foreach (var week in Domain.Programmes.SustainmentChecks.CheckWeeks)
        {
            var due = Morning(input.JobStart.AddDays(7 * week));
            if (due > context.CurrentUtcDateTime) await context.CreateTimer(due, CancellationToken.None);
            await context.EmailAsync(input.CandidateId, "sustainment-check", new() { ["week"] = week.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            context.SetCustomStatus(new { check = week, since = context.CurrentUtcDateTime });
            var answer = await context.EventChasedAtAsync<SustainmentAnswer>(WorkflowEvents.Sustainment(week), due.AddDays(PipelinePolicy.SustainmentChaseDays),
                () => context.AlertAsync(input.CandidateId, $"needs their {week}-week sustainment check recorded."));
            if (!answer.InWork) return false;
        }
        return true;
    }
}
