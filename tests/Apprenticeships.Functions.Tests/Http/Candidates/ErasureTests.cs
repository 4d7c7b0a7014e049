using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Apprenticeships.Application.Candidates.Commands;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Email;
using Apprenticeships.Storage.Audit;
using Apprenticeships.Storage.Candidates;
using Microsoft.Extensions.DependencyInjection;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;

namespace Apprenticeships.Functions.Tests.Http.Candidates;

/// <summary>An Admin erases a candidate: afterwards no table, queue or blob anywhere in storage holds their personal data.</summary>
public class ErasureTests
{
    [Fact]
    public async Task An_erased_candidates_name_email_birth_date_postcode_and_free_text_are_nowhere_in_storage()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (given, family, email) = ($"Zinnia{tag}", $"Quarrington{tag}", $"zq{tag}@example.org");
        var id = await EnrolAsync(http, new
        {
            givenName = given, familyName = family, email, postcode = "WR9 9ZZ", dateOfBirth = "1999-07-23",
            source = "SelfReferral", consent = true, lawfulBasis = "Public task", advisorId = "advisor-1",
        });
        await EventuallyAsync(async () => (await MailForAsync(app, id)).Count == 1, "welcome email");
        var link = Regex.Match((await MailForAsync(app, id))[0].Text, @"http://localhost:7071(/l/\S+)").Groups[1].Value;
        var freeText = $"Moved in with her sister Ysolde{tag}";
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/candidates/{id}/withdraw", new { reason = freeText })).StatusCode);
        // A bounce leaves the address on the suppression list, tied to the candidate.
        await app.Services.GetRequiredService<EmailEventProcessor>().ApplyAsync(JsonDocument.Parse(
            $$"""[{"event":"bounce","sg_event_id":"{{Guid.NewGuid():N}}","email":"{{email}}","recipientId":"{{id}}"}]""").RootElement, default);

        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync($"/api/candidates/{id}/erase", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/candidates/{id}/erase", new { reason = "Erasure request under UK GDPR article 17" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/candidates/{id}/erase", new { reason = "Again" })).StatusCode); // done already: nothing to do

        var personal = new[] { given, family, email, "1999-07-23", "WR9 9ZZ", $"Ysolde{tag}" };
        var found = await StoredText.ReadAsync();
        Assert.True(found.Any(text => text.Contains(id)), "the scan should see the candidate's id (in history, the send log, the audit log)");
        foreach (var value in personal)
            Assert.DoesNotContain(found, text => text.Contains(value, StringComparison.OrdinalIgnoreCase));

        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/candidates/{id}")).StatusCode);
        var oldLink = await http.PressAsync(link);
        Assert.Equal(HttpStatusCode.Gone, oldLink.StatusCode);
        Assert.Contains("erased", await oldLink.Content.ReadAsStringAsync());
        var audit = await app.Services.GetRequiredService<AuditLog>().ForCandidateAsync(id);
        Assert.Contains(audit, e => e is { Action: AuditAction.Erased, StaffId: "test-admin" });
        Assert.Contains(audit, e => e.Action == AuditAction.Changed && e.What.Contains("withdraw"));
    }

    [Fact]
    public async Task Candidates_closed_longer_than_the_retention_period_are_erased_and_others_kept()
    {
        await using var app = await AppAsync();
        var store = app.Services.GetRequiredService<CandidateStore>();
        var referral = new EnrolCandidate("Old", "Record", "old.record@example.org", "WR1 1AA", new DateOnly(1980, 1, 1), ReferralSource.SelfReferral, true, "Public task", "advisor-1").ToReferral();
        var longClosed = Candidate.Enrol($"c-{Guid.NewGuid():N}"[..12], referral, new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero)) with { Stage = CandidateStage.Withdrawn };
        var stillOpen = Candidate.Enrol($"c-{Guid.NewGuid():N}"[..12], referral, new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await store.AddAsync(longClosed);
        await store.AddAsync(stillOpen);
        // Twenty years: older than anything the other tests sharing this storage create.
        var retention = ActivatorUtilities.CreateInstance<CandidateRetention>(app.Services, new RetentionPolicy(TimeSpan.FromDays(20 * 365)));

        var erased = await retention.EraseExpiredAsync(default);

        Assert.Contains(longClosed.Id, erased);
        Assert.DoesNotContain(stillOpen.Id, erased);
        Assert.Null(await store.GetAsync(longClosed.Id));
        Assert.NotNull(await store.GetAsync(stillOpen.Id));
        Assert.Equal(CandidateRetention.Reason, (await app.Services.GetRequiredService<ErasureRegister>().FindAsync(longClosed.Id))!.Reason);
    }
}
