namespace Apprenticeships.Email;

/// <summary>
/// A send was interrupted after it was handed to SendGrid and SendGrid has not yet said whether
/// it took it. Transient: the caller tries again later, by when the event webhook has answered.
/// </summary>
public sealed class EmailDeliveryUnconfirmedException(string dedupeKey)
    : Exception($"Delivery of email {dedupeKey} is not confirmed yet; waiting for SendGrid's events before sending it again.");
