using Apprenticeships.Durable;
using Apprenticeships.Functions.Candidates;
using Apprenticeships.Functions.Email;
using Apprenticeships.Functions.Models;
using Apprenticeships.Storage.Candidates;

namespace Apprenticeships.Functions.Activities;

/// <summary>
/// Emails a candidate: their details are read now, by id, and the send is keyed by this step's
/// idempotency key, so a retried step never mails twice.
/// </summary>
public sealed class SendCandidateEmail(CandidateStore candidates, CandidateLinks links, IEmailSender sender, IConfiguration configuration)
    : TaskActivity<CandidateEmail, EmailSendResult?>
{
    public static readonly TimeSpan InterestLinkLifetime = TimeSpan.FromDays(14);

    public override async Task<EmailSendResult?> RunAsync(TaskActivityContext context, CandidateEmail email)
    {
        var candidate = await candidates.GetAsync(email.CandidateId);
        if (candidate is null) return null; // erased meanwhile: nobody to write to
        var model = new Dictionary<string, string>
        {
            ["firstName"] = candidate.GivenName,
            ["hubName"] = configuration["Hub:Name"] ?? "the Employment and Training Hub",
            ["advisorName"] = "your advisor",
        };
        if (email.Template is "welcome" or "confirm-interest-nudge")
        {
            model["confirmLink"] = links.Create(candidate.Id, LinkPurpose.ConfirmInterest, InterestLinkLifetime);
        }
        return await sender.SendAsync(new EmailMessage(candidate.Email, email.Template, model, candidate.Id), context.IdempotencyKey);
    }
}
