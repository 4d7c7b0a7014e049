namespace Apprenticeships.Email;

/// <summary>
/// Renders, checks the suppression list, and delivers at most once per dedupe key. The key is
/// recorded as "Sending" before delivery and "Sent" after, so a retried activity finds "Sent" and
/// stops. A retry that finds "Sending" (the sender died in between) does not send blind: it asks
/// the channel. The outbox knows; SendGrid has no idempotency key, but its event webhook marks
/// the key "Sent" as soon as SendGrid reports anything for it, so the retry waits for that
/// (failing with <see cref="EmailDeliveryUnconfirmedException"/>, which workflows retry) and
/// sends again only once <see cref="ReconcileWindow"/> has passed without a word.
/// </summary>
public sealed class EmailSender(
    EmailTemplates templates, EmailSendLog log, EmailSuppressions suppressions, IEmailDelivery delivery,
    TimeProvider clock, ILogger<EmailSender> logger) : IEmailSender
{
    /// <summary>How long SendGrid's events have to confirm an interrupted send before it is sent again (they come within seconds).</summary>
    public static readonly TimeSpan ReconcileWindow = TimeSpan.FromMinutes(10);

    public async Task<EmailSendResult> SendAsync(EmailMessage message, string dedupeKey, CancellationToken cancellationToken = default)
    {
        var rendered = templates.Render(message.Template, message.Model);
        var entry = await log.EntryOfAsync(dedupeKey, cancellationToken);
        if (entry?.State is "Sent") return EmailSendResult.AlreadySent;
        if (entry?.State is "Suppressed") return EmailSendResult.Suppressed;
        if (entry?.State is "Sending")
        {
            switch (await delivery.CheckAsync(dedupeKey, cancellationToken))
            {
                case DeliveryCheck.Delivered:
                    await log.RecordAsync(dedupeKey, "Sent", message, clock.GetUtcNow(), cancellationToken);
                    return EmailSendResult.AlreadySent;
                case DeliveryCheck.Unknown when clock.GetUtcNow() - entry.At < ReconcileWindow:
                    throw new EmailDeliveryUnconfirmedException(dedupeKey);
            }
            logger.LogWarning("Email {Template} for {RecipientId} ({Key}) was never confirmed; sending it again", message.Template, message.RecipientId, dedupeKey);
        }
        if (await suppressions.IsSuppressedAsync(message.To, cancellationToken))
        {
            await log.RecordAsync(dedupeKey, "Suppressed", message, clock.GetUtcNow(), cancellationToken);
            logger.LogInformation("Email {Template} for {RecipientId} ({Key}) not sent: address suppressed", message.Template, message.RecipientId, dedupeKey);
            return EmailSendResult.Suppressed;
        }

        await log.RecordAsync(dedupeKey, "Sending", message, clock.GetUtcNow(), cancellationToken);
        try
        {
            await delivery.DeliverAsync(message.To, rendered, new Dictionary<string, string>
            {
                ["dedupeKey"] = dedupeKey,
                ["recipientId"] = message.RecipientId,
                ["template"] = message.Template,
            }, cancellationToken);
        }
        catch (Exception e) when (WasRefused(e))
        {
            // SendGrid answered, and not with "accepted": nothing went, so a retry may send at once.
            await log.RecordAsync(dedupeKey, "NotSent", message, clock.GetUtcNow(), cancellationToken);
            throw;
        }
        await log.RecordAsync(dedupeKey, "Sent", message, clock.GetUtcNow(), cancellationToken);
        logger.LogInformation("Email {Template} sent to {RecipientId} ({Key})", message.Template, message.RecipientId, dedupeKey);
        return EmailSendResult.Sent;
    }

    /// <summary>An error answer from the channel. A timeout or a broken connection proves nothing: the key stays at "Sending".</summary>
    private static bool WasRefused(Exception e) => e is EmailRejectedException or HttpRequestException { StatusCode: not null };
}
