using Microsoft.Extensions.Options;
using Apprenticeships.Application.Settings;
using Apprenticeships.Email;

namespace Apprenticeships.Workflows.Activities;

/// <summary>
/// Alerts advisors about a candidate: the alert is stored as an attention item (once per step
/// key), which the board and <c>GET /api/attention</c> list until it is acted upon; and when an
/// alerts mailbox is set (Email__AdvisorAlertsTo) it is emailed there too, naming the candidate
/// by id only. Returns whether it was emailed.
/// </summary>
public sealed class AlertAdvisor(AttentionAlerts attention, EmailOptions options, IEmailSender sender, IOptions<HubOptions> hub, TimeProvider clock)
    : TaskActivity<Keyed<AdvisorAlert>, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, Keyed<AdvisorAlert> step)
    {
        var alert = step.Value;
        var facts = new Dictionary<string, string>(alert.Facts ?? new Dictionary<string, string>());
        if (alert.Kind == AttentionKind.Other && alert.Reason is { } reason) facts.TryAdd(AttentionFacts.Reason, reason);
        // The workflow's time for the step; a step queued before alerts carried it has none, and takes the clock's.
        var at = alert.At == default ? clock.GetUtcNow() : new DateTimeOffset(DateTime.SpecifyKind(alert.At, DateTimeKind.Utc));
        var item = await attention.RaiseAsync(new RaiseAttention(alert.CandidateId, step.Key, alert.Kind, facts, at), CancellationToken.None);
        if (string.IsNullOrEmpty(options.AdvisorAlertsTo)) return false;

        var words = await attention.DescribeAsync(item, CancellationToken.None);
        var model = new Dictionary<string, string>
        {
            ["candidateId"] = alert.CandidateId,
            ["title"] = words.Title,
            ["what"] = words.What,
            ["followUp"] = $"{words.Clears} Until then it is on the pipeline board's attention list.",
            ["candidateLink"] = new Uri(new Uri(hub.Value.PublicUrl), $"/candidates/{Uri.EscapeDataString(alert.CandidateId)}").ToString(),
        };
        // An employer's own member of staff has no candidate page: the employer's progression page lists them.
        if (alert.Kind == AttentionKind.ProgressionNoAnswer && facts.TryGetValue(AttentionFacts.EmployerId, out var employerId))
        {
            model["candidateLink"] = new Uri(new Uri(hub.Value.PublicUrl), $"/employers/{Uri.EscapeDataString(employerId)}/progression").ToString();
            if (facts.GetValueOrDefault(AttentionFacts.ParticipantId) == alert.CandidateId)
                model["followUp"] = $"{words.Clears} Until then it is shown against them on the employer's progression page.";
        }
        await sender.SendAsync(new EmailMessage(options.AdvisorAlertsTo, "advisor-alert", model, "advisors"), step.Key);
        return true;
    }
}
