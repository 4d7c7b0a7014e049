using Apprenticeships.Domain.Candidates;
using Apprenticeships.Durable;
using Apprenticeships.Functions.Activities;
using Apprenticeships.Functions.Models;

namespace Apprenticeships.Functions.Orchestrations;

/// <summary>
/// A candidate's journey from referral, by candidate id. So far: the welcome email, then up to
/// 14 days for the candidate to confirm interest through their link, with nudges at 2 and 5 days,
/// an advisor alert at 7 and the case closed as "no response" at 14. Academy, placement, cohort
/// and training stages follow in later work.
/// </summary>
public sealed class CandidateJourney : TaskOrchestrator<string, string>
{
    public const string InterestEvent = "Interest";
    public static string InstanceId(string candidateId) => $"journey-{candidateId}";

    private static readonly (int Day, string Step)[] InterestChasers = [(2, "nudge"), (5, "nudge"), (7, "alert"), (14, "close")];

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string candidateId)
    {
        var referred = context.CurrentUtcDateTime;
        await context.CallActivityAsync<object?>(nameof(SendCandidateEmail), new CandidateEmail(candidateId, "welcome"));
        await MoveAsync(context, new StageChange(candidateId, CandidateStage.AwaitingInterest, "Welcome email sent; waiting for the candidate to confirm interest."));

        foreach (var (day, step) in InterestChasers)
        {
            try
            {
                var answer = await context.WaitForExternalEvent<string>(InterestEvent, referred.AddDays(day) - context.CurrentUtcDateTime);
                if (answer == "declined")
                {
                    await MoveAsync(context, new StageChange(candidateId, CandidateStage.Withdrawn, "The candidate said they do not want to take part.", "declined"));
                    return "declined";
                }
                await MoveAsync(context, new StageChange(candidateId, CandidateStage.Engaged, "The candidate confirmed their interest."));
                return "engaged";
            }
            catch (TaskCanceledException)
            {
                switch (step)
                {
                    case "nudge":
                        await context.CallActivityAsync<object?>(nameof(SendCandidateEmail), new CandidateEmail(candidateId, "confirm-interest-nudge"));
                        break;
                    case "alert":
                        await context.CallActivityAsync<bool>(nameof(AlertAdvisor), new AdvisorAlert(candidateId, $"has not confirmed interest {day} days after referral."));
                        break;
                    default:
                        await MoveAsync(context, new StageChange(candidateId, CandidateStage.NoResponse, $"Closed: no response {day} days after referral."));
                        return "no response";
                }
            }
        }
        return "no response";
    }

    private static async Task MoveAsync(TaskOrchestrationContext context, StageChange change)
    {
        await context.CallActivityAsync<bool>(nameof(RecordCandidateStage), change);
        context.SetCustomStatus(new JourneyStatus(change.Stage, context.CurrentUtcDateTime));
    }
}
