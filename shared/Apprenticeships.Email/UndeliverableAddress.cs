namespace Apprenticeships.Email;

/// <summary>Told when a person's address stops taking email (bounce, drop, spam report), by their id.</summary>
public interface IUndeliverableAddressHandler
{
    Task HandleAsync(string? recipientId, string reason, string eventId, CancellationToken cancellationToken);
}

/// <summary>
/// Until candidates have their own advisor's address to alert (the pipeline work), alerts go to
/// the hub's alerts mailbox (Email__AdvisorAlertsTo), naming the candidate by id only.
/// </summary>
public sealed class AlertAdvisorsMailbox(EmailOptions options, IEmailSender sender) : IUndeliverableAddressHandler
{
    public async Task HandleAsync(string? recipientId, string reason, string eventId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.AdvisorAlertsTo) || recipientId is null) return;
        var model = new Dictionary<string, string>
        {
            ["candidateId"] = recipientId,
            ["title"] = "Emails cannot be delivered",
            ["what"] = $"Emails to them can no longer be delivered ({reason}). Please check their address with them.",
            ["followUp"] = "No more emails will be sent to that address.",
            ["candidateLink"] = $"/candidates/{Uri.EscapeDataString(recipientId)}",
        };
        await sender.SendAsync(new EmailMessage(options.AdvisorAlertsTo, "advisor-alert", model, "advisors"), $"undeliverable:{eventId}", cancellationToken);
    }
}
