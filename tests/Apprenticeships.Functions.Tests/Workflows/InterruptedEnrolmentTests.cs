using Apprenticeships.Application.Candidates.Commands;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Storage.Candidates;
using Microsoft.Extensions.DependencyInjection;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;

namespace Apprenticeships.Functions.Tests.Workflows;

/// <summary>An enrolment cut short after the candidate was stored and before their journey started still ends with a welcome email.</summary>
public class InterruptedEnrolmentTests
{
    [Fact]
    public async Task A_candidate_left_at_referred_gets_their_journey_from_the_recovery_a_minute_later()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var command = new EnrolCandidate("Amira", "Khan", "amira.k@example.org", "WR1 2AB", new DateOnly(2004, 3, 9),
            ReferralSource.JobcentreWorkCoach, Consent: true, "Public task", "advisor-1");
        // What EnrolAsync had done when the process died: the row, and nothing else. One was cut
        // short two minutes ago; the other just now, and its journey may still be starting.
        var now = app.Clock().GetUtcNow();
        var candidate = Candidate.Enrol($"c-{Guid.NewGuid():N}"[..12], command.ToReferral(), now - 2 * ReferralRecovery.Grace);
        var fresh = Candidate.Enrol($"c-{Guid.NewGuid():N}"[..12], command.ToReferral(), now);
        var store = app.Services.GetRequiredService<CandidateStore>();
        await store.AddAsync(candidate);
        await store.AddAsync(fresh);
        var recovery = app.Services.GetRequiredService<ReferralRecovery>();

        var started = await recovery.RecoverAsync(default);
        Assert.Contains(candidate.Id, started);
        Assert.DoesNotContain(fresh.Id, started);

        await EventuallyAsync(async () => await StageOfAsync(http, candidate.Id) == "AwaitingInterest", "journey started");
        Assert.Single(await MailForAsync(app, candidate.Id), m => m.Template == "welcome");
        await recovery.RecoverAsync(default);
        Assert.Single(await MailForAsync(app, candidate.Id), m => m.Template == "welcome"); // found nothing more to do
    }
}
