using Apprenticeships.Durable;
using Apprenticeships.Functions.Activities;

namespace Apprenticeships.Functions.Orchestrations;

/// <summary>The activity calls every programme workflow makes, named for what they do.</summary>
public static class JourneySteps
{
    public static async Task MoveAsync(this TaskOrchestrationContext context, StageChange change, string? detail = null)
    {
        await context.CallActivityAsync<bool>(nameof(RecordCandidateStage), change);
        context.SetCustomStatus(new JourneyStatus(change.Stage, context.CurrentUtcDateTime, detail));
    }

    public static Task EmailAsync(this TaskOrchestrationContext context, string candidateId, string template, Dictionary<string, string>? details = null) =>
        context.CallActivityAsync<object?>(nameof(SendCandidateEmail), new CandidateEmail(candidateId, template, details));

    public static Task AlertAsync(this TaskOrchestrationContext context, string candidateId, string reason) =>
        context.CallActivityAsync<bool>(nameof(AlertAdvisor), new AdvisorAlert(candidateId, reason));
}
