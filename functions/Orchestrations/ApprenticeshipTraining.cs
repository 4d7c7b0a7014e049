using Apprenticeships.Durable;
using Apprenticeships.Functions.Activities;
using static Apprenticeships.Functions.Orchestrations.WorkingDay;

namespace Apprenticeships.Functions.Orchestrations;

/// <summary>
/// Levy-funded training, by commitment: a progress-review reminder each month (and an advisor
/// alert when the provider has confirmed nothing for over six weeks); provider confirmations of
/// milestones, off-the-job hours and the gateway; the end-point assessment, whose pass posts the
/// completion to the levy account. A break in learning stops the levy instalments and the
/// reminders. Returns the grade achieved. Withdrawal ends the workflow from outside.
/// </summary>
public sealed class ApprenticeshipTraining : TaskOrchestrator<TrainingInput, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, TrainingInput input)
    {
        var review = input.StartDate.AddMonths(1);
        var lastHeard = input.StartDate;
        var onBreak = false;
        var gateway = false;
        while (true)
        {
            var confirmation = onBreak
                ? await context.WaitForExternalEvent<TrainingConfirmation>(WorkflowEvents.Confirmation)
                : await context.EventBeforeAsync<TrainingConfirmation>(WorkflowEvents.Confirmation, Morning(review));
            if (confirmation is null)
            {
                await context.EmailAsync(input.CandidateId, "progress-review", new() { ["cohortId"] = input.CohortId, ["dueDate"] = review.AddDays(7).ToString("O") });
                if (review.DayNumber - lastHeard.DayNumber > PipelinePolicy.ConfirmationOverdueDays)
                    await context.AlertAsync(input.CandidateId, $"has had no provider confirmation since {lastHeard:yyyy-MM-dd} (commitment {input.CommitmentId}).");
                review = review.AddMonths(1);
                continue;
            }

            lastHeard = confirmation.Date > lastHeard ? confirmation.Date : lastHeard;
            switch (confirmation.Kind)
            {
                case ConfirmationKind.Gateway:
                    gateway = true;
                    break;
                case ConfirmationKind.EpaResult when confirmation.Grade is not (null or EpaGrade.Fail):
                    await context.CallActivityAsync<bool>(nameof(EndTraining), new TrainingEnd(input.CandidateId, input.CommitmentId, ConfirmationKind.EpaResult, confirmation.Date, confirmation.Grade));
                    await context.EmailAsync(input.CandidateId, "completion", new() { ["cohortId"] = input.CohortId });
                    return confirmation.Grade!.Value.ToString();
                case ConfirmationKind.EpaResult:
                    await context.AlertAsync(input.CandidateId, "did not pass the end-point assessment: arrange a resit with the provider.");
                    break;
                case ConfirmationKind.BreakInLearning when !onBreak:
                    await context.CallActivityAsync<bool>(nameof(EndTraining), new TrainingEnd(input.CandidateId, input.CommitmentId, ConfirmationKind.BreakInLearning, confirmation.Date, null));
                    await context.AlertAsync(input.CandidateId, $"is on a break in learning from {confirmation.Date:yyyy-MM-dd}; levy instalments have stopped.");
                    onBreak = true;
                    break;
            }
            context.SetCustomStatus(new { commitment = input.CommitmentId, gateway, onBreak, lastConfirmation = lastHeard });
        }
    }
}
