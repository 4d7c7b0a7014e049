using Apprenticeships.Workflows.Activities;
using Apprenticeships.Workflows.Running;

namespace Apprenticeships.Workflows.Orchestrations;

/// <summary>
/// One alert to the advisors' mailbox that the application asks for outside a running journey
/// (a candidate's link answered after their record closed, or a stop they asked for that needs a
/// person): the same activity, key and retries as a journey's alerts, so a SendGrid outage
/// delays it rather than losing it. The input is the candidate's id and a reason of ids and dates.
/// </summary>
public sealed class CandidateAlert : TaskOrchestrator<AdvisorAlert, bool>
{
    public override Task<bool> RunAsync(TaskOrchestrationContext context, AdvisorAlert alert) =>
        context.CallActivityAsync<bool>(nameof(AlertAdvisor), new Keyed<AdvisorAlert>($"{context.InstanceId}#1", alert), Retries.Transient);
}
