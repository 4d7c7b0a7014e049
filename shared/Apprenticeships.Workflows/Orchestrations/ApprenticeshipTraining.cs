using Apprenticeships.Workflows.Activities;
using Apprenticeships.Workflows.Running;
using static Apprenticeships.Workflows.Orchestrations.WorkingDay;

namespace Apprenticeships.Workflows.Orchestrations;

/// <summary>
/// Levy-funded training, by commitment: a progress-review reminder each month (and an advisor
/// alert when the provider has confirmed nothing for over six weeks); provider confirmations of
/// milestones, off-the-job hours and the gateway; the end-point assessment, whose pass posts the
/// completion to the levy account. A break in learning stops the levy instalments and the
/// reminders. Returns the grade achieved. Withdrawal ends the workflow from outside.
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
        context.SetCustomStatus(new { commitment = input.CommitmentId, progress.Gateway, progress.OnBreak, lastConfirmation = progress.LastHeard });
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
            }
        }
        context.ContinueAsNew(next with { Taken = [.. run.Taken] });
        return "";
    }
}
