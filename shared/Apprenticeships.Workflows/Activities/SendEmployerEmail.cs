using Microsoft.Extensions.Options;
using Apprenticeships.Application.Settings;
using Apprenticeships.Domain.Progression;
using Apprenticeships.Email;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Storage.Progression;

namespace Apprenticeships.Workflows.Activities;

/// <summary>
/// Emails an employer's primary contact about one participant. Whom to write to, the employer's
/// name and the person's name are read now by id, so a changed contact gets the next email and
/// nothing personal is in the workflow; the send is keyed by the step, so a retried step never
/// mails twice. Returns false, sending nothing, when there is nobody to write to or about (no
/// contact, or the person's details erased): the round's chase alerts the advisors all the same.
/// </summary>
public sealed class SendEmployerEmail(
    EmployerStore employers, EmployerContactStore contacts, ParticipantStore participants, StaffMemberStore staff, CandidateStore candidates,
    IEmailSender sender, IOptions<HubOptions> hub) : TaskActivity<Keyed<EmployerEmail>, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, Keyed<EmployerEmail> step)
    {
        var email = step.Value;
        if (await employers.GetAsync(email.EmployerId) is not { } employer) return false;
        if (await contacts.PrimaryAsync(email.EmployerId) is not { } contact) return false;
        if (await participants.GetAsync(email.ParticipantId) is not { } participant) return false;
        var person = participant.Kind == ParticipantKind.EmployerStaff
            ? (await staff.GetAsync(participant.EmployerId, participant.Id))?.Name
            : await candidates.GetAsync(participant.CandidateId!) is { } candidate ? $"{candidate.GivenName} {candidate.FamilyName}" : null;
        if (person is null) return false;

        var model = new Dictionary<string, string>
        {
            ["contactName"] = contact.Name,
            ["employerName"] = employer.Name,
            ["personName"] = person,
            ["hubName"] = hub.Value.NameInSentence,
            ["hubSignOff"] = hub.Value.Name,
        };
        foreach (var (name, value) in email.Details ?? new Dictionary<string, string>()) model[name] = value;
        // Under the person's id (the candidate's, for someone the hub placed), so erasing them also clears these messages from the outbox.
        var recipient = participant.CandidateId ?? participant.Id;
        var sent = await sender.SendAsync(new EmailMessage(contact.Email, email.Template, model, recipient), step.Key);
        return sent is EmailSendResult.Sent or EmailSendResult.AlreadySent;
    }
}
