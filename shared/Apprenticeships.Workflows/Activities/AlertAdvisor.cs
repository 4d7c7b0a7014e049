using Apprenticeships.Email;

namespace Apprenticeships.Workflows.Activities;

/// <summary>Tells the advisors' mailbox that a candidate needs attention, naming them by id only.</summary>
public sealed class AlertAdvisor(EmailOptions options, IEmailSender sender) : TaskActivity<Keyed<AdvisorAlert>, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, Keyed<AdvisorAlert> step)
    {
        var alert = step.Value;
        if (string.IsNullOrEmpty(options.AdvisorAlertsTo)) return false;
        var model = new Dictionary<string, string>
        {
            ["candidateId"] = alert.CandidateId,
            ["reason"] = alert.Reason,
            ["candidateLink"] = $"/candidates/{Uri.EscapeDataString(alert.CandidateId)}",
        };
        await sender.SendAsync(new EmailMessage(options.AdvisorAlertsTo, "advisor-alert", model, "advisors"), step.Key);
        return true;
    }
}
