using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Apprenticeships.Application;
using Apprenticeships.Application.Candidates.Commands;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Storage.Candidates;
using Microsoft.Extensions.DependencyInjection;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;

namespace Apprenticeships.Functions.Tests.Http.Candidates;

/// <summary>
/// An enrolment sent again (an answer lost to a crash or a dropped connection, a button pressed
/// twice) is the same enrolment: one candidate, one journey, one welcome email.
/// </summary>
public class RepeatedEnrolmentTests
{
    [Fact]
    public async Task The_same_referral_sent_again_the_same_day_answers_with_the_candidate_already_enrolled()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var referral = Referral("Okafor", "repeat.same@example.org");

        var first = await http.PostAsJsonAsync("/api/candidates", referral);
        var again = await http.PostAsJsonAsync("/api/candidates", referral);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var id = await IdAsync(first);
        Assert.Equal(id, await IdAsync(again));
        var found = await http.GetFromJsonAsync<JsonElement>("/api/candidates?q=repeat.same@example.org");
        Assert.Single(found.EnumerateArray());
        await EventuallyAsync(async () => await StageOfAsync(http, id) == "AwaitingInterest", "journey started");
        Assert.Single(await MailForAsync(app, id), m => m.Template == "welcome");
    }

    [Fact]
    public async Task Concurrent_sends_of_one_referral_make_one_candidate()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var referral = Referral("Hughes", "repeat.race@example.org");

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => http.PostAsJsonAsync("/api/candidates", referral)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, a.StatusCode.ToString()));
        var ids = await Task.WhenAll(answers.Select(IdAsync));
        Assert.Single(ids.Distinct());
        await EventuallyAsync(async () => await StageOfAsync(http, ids[0]) == "AwaitingInterest", "journey started");
        Assert.Single(await MailForAsync(app, ids[0]), m => m.Template == "welcome");
    }

    [Fact]
    public async Task An_idempotency_key_names_the_enrolment_and_is_refused_for_another_referral()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var referral = Referral("Jones", "repeat.key@example.org");

        var first = await SendAsync(http, referral, "enrolment-0001");
        var again = await SendAsync(http, referral, "enrolment-0001");
        var otherKey = await SendAsync(http, referral, "enrolment-0002");
        var misuse = await SendAsync(http, Referral("Jones", "someone.else@example.org"), "enrolment-0001");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var id = await IdAsync(first);
        Assert.Equal(id, await IdAsync(again));
        // Another key is another enrolment, as the caller says.
        Assert.Equal(HttpStatusCode.Created, otherKey.StatusCode);
        Assert.NotEqual(id, await IdAsync(otherKey));
        Assert.Equal(HttpStatusCode.Conflict, misuse.StatusCode);
        Assert.Contains("Idempotency-Key", await misuse.Content.ReadAsStringAsync());
        Assert.Empty((await http.GetFromJsonAsync<JsonElement>("/api/candidates?q=someone.else@example.org")).EnumerateArray());
    }

    [Fact]
    public async Task A_retry_after_the_candidate_was_stored_but_before_the_journey_started_starts_it()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        // The same referral as Referral("Patel", ...) sends.
        var command = new EnrolCandidate("Amira", "Patel", "repeat.cut@example.org", "WR1 2AB", new DateOnly(2004, 3, 9),
            ReferralSource.JobcentreWorkCoach, Consent: true, "Public task", "advisor-1");
        // What the first attempt had done when the process died: the row, under the enrolment's id, and nothing else.
        var stored = Candidate.Enrol("", command.ToReferral(), app.Clock().GetUtcNow());
        stored = stored with { Id = app.Services.GetRequiredService<EnrolmentIds>().For(stored, app.Clock().Today(), "cut-short") };
        Assert.True(await app.Services.GetRequiredService<CandidateStore>().AddAsync(stored));

        var again = await SendAsync(http, Referral("Patel", "repeat.cut@example.org"), "cut-short");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(stored.Id, await IdAsync(again));
        // The retry started the journey itself; no recovery runs in test apps.
        await EventuallyAsync(async () => await StageOfAsync(http, stored.Id) == "AwaitingInterest", "journey started");
        Assert.Single(await MailForAsync(app, stored.Id), m => m.Template == "welcome");
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, object referral, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/candidates") { Content = JsonContent.Create(referral) };
        request.Headers.Add("Idempotency-Key", key);
        return http.SendAsync(request);
    }

    private static async Task<string> IdAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
}
