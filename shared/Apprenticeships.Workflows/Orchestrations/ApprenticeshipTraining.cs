using Apprenticeships.Workflows.Activities;
using Apprenticeships.Workflows.Running;
using static Apprenticeships.Workflows.Orchestrations.WorkingDay;

namespace Apprenticeships.Workflows.Orchestrations;

/// <summary>
/// Levy-funded training, by commitment: a progress-review reminder each month (and an advisor
/// alert when the provider has confirmed nothing for over six weeks); provider confirmations of
/// milestones, off-the-job hours and the gateway; the end-point assessment, whose pass posts the
/// completion to the levy account. A break in learning stops the levy instalments and the
/// reminders: while on it the workflow waits only for confirmations. The provider's return posts
/// the return to the levy account (the rest of the instalments re-spread to the new planned end),
/// tells the advisor, and the reviews start again a month after the return; a later break and
/// return go the same way. Returns the grade achieved. Withdrawal ends the workflow from outside.
/// <para>
/// Training lasts years, so each review or confirmation is one generation that continues as new
/// with its progress: the history stays a few dozen events however long the apprenticeship runs.
/// </para>
/// </summary>
public sealed class ApprenticeshipTraining : TaskOrchestrator<TrainingProgress, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, TrainingProgress progress)
    {
        var run = await OrchestrationRun.StartAsync(context, progress.Generation, progress.Taken);
        var input = progress.Training;
        context.SetCustomStatus(new { commitment = input.CommitmentId, progress.Gateway, progress.OnBreak, lastConfirmation = progress.LastHeard, plannedEnd = input.PlannedEndDate });
        var confirmation = progress.OnBreak
            ? await run.SignalAsync<TrainingConfirmation>(WorkflowEvents.Confirmation)
            : await run.SignalBeforeAsync<TrainingConfirmation>(WorkflowEvents.Confirmation, Morning(progress.Review));
        var next = progress with { Generation = progress.Generation + 1 };
        if (confirmation is null)
        {
            await run.EmailAsync(input.CandidateId, "progress-review", new() { ["cohortId"] = input.CohortId, ["dueDate"] = progress.Review.AddDays(7).ToString("O") });
            if (progress.Review.DayNumber - progress.LastHeard.DayNumber > PipelinePolicy.ConfirmationOverdueDays)
                await run.AlertAsync(input.CandidateId, AttentionKind.ConfirmationOverdue,
                    (AttentionFacts.CommitmentId, input.CommitmentId), (AttentionFacts.Since, RunSteps.Fact(progress.LastHeard)));
            next = next with { Review = progress.Review.AddMonths(1) };
        }
        else
        {
            next = next with { LastHeard = confirmation.Date > progress.LastHeard ? confirmation.Date : progress.LastHeard };
            switch (confirmation.Kind)
            {
                case ConfirmationKind.Gateway:
                    next = next with { Gateway = true };
                    break;
                case ConfirmationKind.EpaResult when confirmation.Grade is not (null or EpaGrade.Fail):
                    await run.CallAsync<bool>(nameof(EndTraining), new TrainingEnd(input.CandidateId, input.CommitmentId, ConfirmationKind.EpaResult, confirmation.Date, confirmation.Grade));
                    await run.EmailAsync(input.CandidateId, "completion", new() { ["cohortId"] = input.CohortId });
                    return confirmation.Grade!.Value.ToString();
                case ConfirmationKind.EpaResult:
                    await run.AlertAsync(input.CandidateId, AttentionKind.FailedAssessment,
                        (AttentionFacts.CommitmentId, input.CommitmentId), (AttentionFacts.Date, RunSteps.Fact(confirmation.Date)));
                    break;
                case ConfirmationKind.BreakInLearning when !progress.OnBreak:
                    await run.CallAsync<bool>(nameof(EndTraining), new TrainingEnd(input.CandidateId, input.CommitmentId, ConfirmationKind.BreakInLearning, confirmation.Date, null));
                    await run.AlertAsync(input.CandidateId, AttentionKind.BreakInLearning,
                        (AttentionFacts.CommitmentId, input.CommitmentId), (AttentionFacts.From, RunSteps.Fact(confirmation.Date)));
                    next = next with { OnBreak = true };
                    break;
                // Only from a break this workflow is on: a repeat under a new reference, or one arriving after
                // the return was taken, changes nothing and posts nothing.
                case ConfirmationKind.ReturnFromBreak when progress.OnBreak && confirmation.NewPlannedEnd is { } newEnd:
                    var posted = await run.CallAsync<ReturnPosted>(nameof(PostReturnFromBreak), new TrainingReturn(input.CommitmentId, confirmation.Date, newEnd));
                    if (posted.Recorded)
                        await run.AlertAsync(input.CandidateId, AttentionKind.BackFromBreak, (AttentionFacts.CommitmentId, input.CommitmentId),
                            (AttentionFacts.From, RunSteps.Fact(confirmation.Date)), (AttentionFacts.NewEnd, RunSteps.Fact(newEnd)));
                    else
                        await run.AlertAsync(input.CandidateId, AttentionKind.ReturnNotRecorded, (AttentionFacts.CommitmentId, input.CommitmentId),
                            (AttentionFacts.From, RunSteps.Fact(confirmation.Date)), (AttentionFacts.Reason, posted.Refusal ?? ""));
                    next = next with { OnBreak = false, Review = MonthlyAfter(confirmation.Date, DateOnly.FromDateTime(run.Now)), Training = input with { PlannedEndDate = newEnd } };
                    break;
            }
        }
        context.ContinueAsNew(next with { Taken = [.. run.Taken] });
        return "";
    }

    /// <summary>The first monthly review counted from <paramref name="from"/> that is not already past (a return confirmed late is not chased for the months gone).</summary>
    private static DateOnly MonthlyAfter(DateOnly from, DateOnly today)
    {
        var months = 1;
        while (from.AddMonths(months) < today) months++;
        return from.AddMonths(months);
    }
}
