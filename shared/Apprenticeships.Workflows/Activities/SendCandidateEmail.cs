using System.Globalization;
using Microsoft.Extensions.Options;
using Apprenticeships.Application.Candidates;
using Apprenticeships.Application.Candidates.Queries;
using Apprenticeships.Application.Settings;
using Apprenticeships.Application.Staff.Commands;
using Apprenticeships.Email;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Workflows.Activities;

/// <summary>
/// Emails a candidate: their details, and the names and places of their academy or cohort, are
/// read now by id, and the send is keyed by this step's idempotency key, so a retried step never
/// mails twice. A nudge or reminder sent is noted on the candidate's timeline under the same key.
/// </summary>
public sealed class SendCandidateEmail(
    CandidateStore candidates, AcademyStore academies, CohortStore cohorts, ProviderStore providers, LevyEmployerRepository employers,
    EmployerStore employerRecords, AdvisorDirectory advisors, CandidateLinks links, IEmailSender sender, IOptions<HubOptions> hub, CandidateTimeline timeline, TimeProvider clock)
    : TaskActivity<Keyed<CandidateEmail>, bool>
{
    private static readonly TimeSpan InterestLinkLifetime = TimeSpan.FromDays(PipelinePolicy.InterestLinkDays);
    private static readonly TimeSpan ProgrammeLinkLifetime = TimeSpan.FromDays(PipelinePolicy.ProgrammeLinkDays);
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public override async Task<bool> RunAsync(TaskActivityContext context, Keyed<CandidateEmail> step)
    {
        var email = step.Value;
        var candidate = await candidates.GetAsync(email.CandidateId);
        if (candidate is null) return false; // erased meanwhile: nobody to write to
        var details = email.Details ?? new Dictionary<string, string>();
        var model = new Dictionary<string, string>
        {
            ["firstName"] = candidate.GivenName,
            ["hubName"] = hub.Value.NameInSentence,
            ["hubSignOff"] = hub.Value.Name,
            // As the advisor directory has them now, so a renamed advisor's next email says so.
            ["advisorName"] = await advisors.NameOfAsync(candidate.AdvisorId, CancellationToken.None),
        };
        if (details.TryGetValue("academyId", out var academyId)) await AddAcademyAsync(model, candidate, academyId, details);
        if (details.TryGetValue("cohortId", out var cohortId)) await AddCohortAsync(model, cohortId);
        if (details.TryGetValue("week", out var week)) model["week"] = week;
        if (details.TryGetValue("dueDate", out var due)) model["dueDate"] = Long(DateOnly.Parse(due, CultureInfo.InvariantCulture));
        if (email.Template is "welcome" or "confirm-interest-nudge")
        {
            model["confirmLink"] = links.Create(candidate.Id, LinkPurpose.ConfirmInterest, InterestLinkLifetime);
            model["declineLink"] = links.Create(candidate.Id, LinkPurpose.Decline, InterestLinkLifetime);
        }
        model["interestLinkDays"] = PipelinePolicy.InterestLinkDays.ToString(CultureInfo.InvariantCulture);
        var sent = await sender.SendAsync(new EmailMessage(candidate.Email, email.Template, model, candidate.Id), step.Key);
        var delivered = sent is EmailSendResult.Sent or EmailSendResult.AlreadySent;
        if (delivered && CandidateHistory.NotedEmails.Contains(email.Template))
        {
            var at = email.At == default ? clock.GetUtcNow() : new DateTimeOffset(DateTime.SpecifyKind(email.At, DateTimeKind.Utc));
            await timeline.AddEmailAsync(candidate.Id, step.Key, new TimelineEmail(at, email.Template, details));
        }
        return delivered;
    }

    private async Task AddAcademyAsync(Dictionary<string, string> model, Candidate candidate, string academyId, IReadOnlyDictionary<string, string> details)
    {
        var stored = await academies.GetAsync(academyId) ?? throw new InvalidOperationException($"No academy '{academyId}'.");
        // The employer's name as it is now, read at sending time like everything else in the email.
        var academy = stored.ShowingEmployer(stored.EmployerId is { } employerId ? await employerRecords.GetAsync(employerId) : null);
        model["programmeName"] = academy.Name;
        model["employerName"] = academy.EmployerName ?? "";
        model["interviewDate"] = Long(academy.InterviewDate);
        model["interviewPlace"] = academy.Place;
        model["sessionPlace"] = academy.Place;
        model["sessionName"] = $"your {academy.Name} session";
        if (details.TryGetValue("sessionDate", out var session))
        {
            var day = DateOnly.Parse(session, CultureInfo.InvariantCulture);
            model["sessionDate"] = Long(day);
            model["confirmLink"] = links.Create(candidate.Id, LinkPurpose.ConfirmAttendance, ProgrammeLinkLifetime, $"{academyId}/{day:yyyy-MM-dd}");
            model["withdrawLink"] = links.Create(candidate.Id, LinkPurpose.Withdraw, ProgrammeLinkLifetime);
        }
        if (details.TryGetValue("outcome", out var outcome)) model["outcomeText"] = Enum.Parse<SwapOutcome>(outcome) switch
        {
            SwapOutcome.CompletedSuccessful => $"Well done: you completed {academy.Name} and your interview with {academy.EmployerName} was successful.",
            SwapOutcome.CompletedUnsuccessful => $"You completed {academy.Name}. Your interview with {academy.EmployerName} did not lead to a job this time.",
            _ => $"Your place on {academy.Name} has ended.",
        };
    }

    private async Task AddCohortAsync(Dictionary<string, string> model, string cohortId)
    {
        var cohort = await cohorts.GetAsync(cohortId) ?? throw new InvalidOperationException($"No cohort '{cohortId}'.");
        model["cohortName"] = cohort.Name;
        model["standardName"] = cohort.StandardName;
        model["startDate"] = Long(cohort.StartDate);
        model["employerName"] = (await employers.FindAsync(cohort.EmployerId))?.Name ?? cohort.EmployerId;
        model["providerName"] = (await providers.GetAsync(cohort.ProviderId))?.Name ?? cohort.ProviderId;
    }

    private static string Long(DateOnly day) => day.ToString("dddd d MMMM yyyy", English);
}
