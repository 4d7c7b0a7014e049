namespace Apprenticeships.Email;

/// <summary>
/// Renders, checks the suppression list, and delivers once per dedupe key. The key is recorded
/// as "Sending" before delivery and "Sent" after, so a retried or redelivered activity finds
/// "Sent" and stops. The one window left: a crash after the provider accepted the message and
/// before "Sent" was written sends it again on the retry (SendGrid has no idempotency key), so
/// at-least-once remains, but only across a crash in that instant.
/// </summary>
public sealed class EmailSender(
    EmailTemplates templates, EmailSendLog log, EmailSuppressions suppressions, IEmailDelivery delivery,
    TimeProvider clock, ILogger<EmailSender> logger) : IEmailSender
{
    public async Task<EmailSendResult> SendAsync(EmailMessage message, string dedupeKey, CancellationToken cancellationToken = default)
    {
        var rendered = templates.Render(message.Template, message.Model);
        var state = await log.StateOfAsync(dedupeKey, cancellationToken);
        if (state is "Sent") return EmailSendResult.AlreadySent;
        if (state is "Suppressed") return EmailSendResult.Suppressed;
        if (await suppressions.IsSuppressedAsync(message.To, cancellationToken))
        {
            await log.RecordAsync(dedupeKey, "Suppressed", message, clock.GetUtcNow(), cancellationToken);
            logger.LogInformation("Email {Template} for {RecipientId} ({Key}) not sent: address suppressed", message.Template, message.RecipientId, dedupeKey);
            return EmailSendResult.Suppressed;
        }

        await log.RecordAsync(dedupeKey, "Sending", message, clock.GetUtcNow(), cancellationToken);
        await delivery.DeliverAsync(message.To, rendered, new Dictionary<string, string>
        {
            ["dedupeKey"] = dedupeKey,
            ["recipientId"] = message.RecipientId,
            ["template"] = message.Template,
        }, cancellationToken);
        await log.RecordAsync(dedupeKey, "Sent", message, clock.GetUtcNow(), cancellationToken);
        logger.LogInformation("Email {Template} sent to {RecipientId} ({Key})", message.Template, message.RecipientId, dedupeKey);
        return EmailSendResult.Sent;
    }
}
