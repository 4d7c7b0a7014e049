using Apprenticeships.Storage.Candidates;

namespace Apprenticeships.Email;

/// <summary>
/// What email keeps about a candidate that erasure must remove: messages in the local outbox
/// (address, name, links) and their suppression rows. The send log holds the template, the
/// recipient id and the key only, and stays as a record that a message went.
/// </summary>
public sealed class EmailErasure(PickupDelivery outbox, EmailSuppressions suppressions) : ICandidateDataHolder
{
    public async Task ForgetCandidateAsync(string candidateId, CancellationToken ct)
    {
        await outbox.ForgetRecipientAsync(candidateId, ct);
        await suppressions.ForgetRecipientAsync(candidateId, ct);
    }
}
