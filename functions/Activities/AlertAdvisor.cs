using Apprenticeships.Durable;
using Apprenticeships.Functions.Email;

namespace Apprenticeships.Functions.Activities;

/// <summary>Tells the advisors' mailbox that a candidate needs attention, naming them by id only.</summary>
public sealed class AlertAdvisor(EmailOptions options, IEmailSender sender) : TaskActivity<AdvisorAlert, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, AdvisorAlert alert)
    {
        if (string.IsNullOrEmpty(options.AdvisorAlertsTo)) return false;
        var model = new Dictionary<string, string>
        {
            ["candidateId"] = alert.CandidateId,
            ["reason"] = alert.Reason,
            ["candidateLink"] = $"/candidates/{Uri.EscapeDataString(alert.CandidateId)}",
        };
        await sender.SendAsync(new EmailMessage(options.AdvisorAlertsTo, "advisor-alert", model, "advisors"), context.IdempotencyKey);
        return true;
    }
}
