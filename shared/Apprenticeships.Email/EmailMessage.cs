namespace Apprenticeships.Email;

/// <summary>
/// One email to send: the template by name and the values it needs, looked up at send time.
/// <see cref="RecipientId"/> (a candidate or staff id) travels to SendGrid as a custom argument
/// so bounce and unsubscribe events can be tied back to a person without reading addresses.
/// </summary>
public sealed record EmailMessage(string To, string Template, IReadOnlyDictionary<string, string> Model, string RecipientId);

/// <summary>What happened to a send.</summary>
public enum EmailSendResult
{
    Sent,
    /// <summary>This dedupe key was sent before: nothing was sent again.</summary>
    AlreadySent,
    /// <summary>The address bounced, complained or unsubscribed: nothing was sent.</summary>
    Suppressed,
}

public interface IEmailSender
{
    /// <summary>Sends once per <paramref name="dedupeKey"/> (instance + step), however often it is called.</summary>
    Task<EmailSendResult> SendAsync(EmailMessage message, string dedupeKey, CancellationToken cancellationToken = default);
}

/// <summary>A rendered email ready for a delivery channel.</summary>
public sealed record RenderedEmail(string Subject, string Text, string Html);

/// <summary>Whether a delivery whose outcome was not recorded (the sender died meanwhile) went out.</summary>
public enum DeliveryCheck { Delivered, NotDelivered, Unknown }

/// <summary>A channel that delivers rendered email: SendGrid in Azure, the pickup outbox locally.</summary>
public interface IEmailDelivery
{
    Task<DeliveryCheck> CheckAsync(string dedupeKey, CancellationToken cancellationToken);

    Task DeliverAsync(string to, RenderedEmail email, IReadOnlyDictionary<string, string> customArgs, CancellationToken cancellationToken);
}
