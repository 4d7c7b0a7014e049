using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Http.Programmes;

/// <summary>
/// Every staff and provider endpoint refuses bad input with problem details naming the field,
/// and changes nothing. Paths and bodies use placeholders the demo hub fills in.
/// </summary>
public class BadInputTests(DemoHubFixture hub) : IClassFixture<DemoHubFixture>
{
    public static TheoryData<string, string, string, int, string> Cases() => new()
    {
        // method + path, body, who ("staff" or a provider key "A"), status, field
        { "POST /api/academies", """{"id":"{new}","employerId":"{care}","sector":"S","providerId":"{providerA}","place":"P","sessions":["{d3}"],"placementStart":"{d7}","placementEnd":"{d18}","interviewDate":"{d21}"}""", "staff", 400, "name" },
        { "POST /api/academies", """{"id":"{new}","name":"N","employerId":"{care}","sector":"S","providerId":"{providerA}","place":"P","sessions":[],"placementStart":"{d7}","placementEnd":"{d18}","interviewDate":"{d21}"}""", "staff", 400, "sessions" },
        { "POST /api/academies", """{"id":"{new}","name":"N","employerId":"{care}","sector":"S","providerId":"{providerA}","place":"P","sessions":["31/12/2030"],"placementStart":"{d7}","placementEnd":"{d18}","interviewDate":"{d21}"}""", "staff", 400, "sessions" },
        { "POST /api/academies", """{"id":"{new}","name":"N","employerId":"{care}","sector":"S","providerId":"{providerA}","place":"P","sessions":["{d3}"],"placementStart":"{d18}","placementEnd":"{d7}","interviewDate":"{d21}"}""", "staff", 400, "placementEnd" },
        { "POST /api/academies", """{"id":"{new}","name":"N","employerId":"{care}","sector":"S","providerId":"{providerA}","place":"P","sessions":["{d3}"],"placementStart":"{d7}","placementEnd":"{d18}","interviewDate":"{d60}"}""", "staff", 400, "interviewDate" },
        { "POST /api/academies", """{"id":"{new}","name":"N","employerId":"{care}","sector":"S","providerId":"{providerA}","place":"P","sessions":["{d3}"],"placementStart":"{d7}","placementEnd":"{d18}","interviewDate":"{d21}","costPerPlace":"lots"}""", "staff", 400, "costPerPlace" },
        { "POST /api/academies", """{"id":"{new}","name":"N","employerId":"{care}","sector":"S","providerId":"nobody","place":"P","sessions":["{d3}"],"placementStart":"{d7}","placementEnd":"{d18}","interviewDate":"{d21}"}""", "staff", 404, "providerId" },
        { "POST /api/academies", """{"id":"{academy}","name":"N","employerId":"{care}","sector":"S","providerId":"{providerA}","place":"P","sessions":["{d3}"],"placementStart":"{d7}","placementEnd":"{d18}","interviewDate":"{d21}"}""", "staff", 409, "id" },
        { "POST /api/academies", "not json", "staff", 400, "body" },
        { "POST /api/cohorts", """{"id":"{new}","name":"N","standardName":"S","employerId":"{employer}","providerId":"{providerA}","startDate":"{d30}","durationMonths":6,"agreedPrice":7000,"fundingBandMaximum":7000}""", "staff", 400, "durationMonths" },
        { "POST /api/cohorts", """{"id":"{new}","name":"N","standardName":"S","employerId":"{employer}","providerId":"{providerA}","startDate":"{d30}","durationMonths":12,"agreedPrice":7000,"fundingBandMaximum":99999}""", "staff", 400, "fundingBandMaximum" },
        { "POST /api/cohorts", """{"id":"{new}","name":"N","standardName":"S","employerId":"{employer}","providerId":"{providerA}","startDate":"{past}","durationMonths":12,"agreedPrice":7000,"fundingBandMaximum":7000}""", "staff", 400, "startDate" },
        { "POST /api/cohorts", """{"id":"{new}","name":"N","standardName":"S","employerId":"{employer}","providerId":"{providerA}","startDate":"{d30}","durationMonths":12,"agreedPrice":0,"fundingBandMaximum":7000}""", "staff", 400, "agreedPrice" },
        { "POST /api/cohorts", """{"id":"{new}","name":"N","standardName":"S","employerId":"nobody","providerId":"{providerA}","startDate":"{d30}","durationMonths":12,"agreedPrice":7000,"fundingBandMaximum":7000}""", "staff", 404, "employerId" },
        { "POST /api/academies/{academy}/members", "{}", "staff", 400, "candidateId" },
        { "POST /api/academies/{academy}/members", """{"candidateId":"c-nobody"}""", "staff", 404, "candidateId" },
        { "POST /api/academies/no-such-academy/members", """{"candidateId":"{silent}"}""", "staff", 404, "id" },
        { "POST /api/academies/{academy}/members", """{"candidateId":"{silent}"}""", "staff", 409, "candidateId" },
        { "POST /api/cohorts/{cohort}/members", """{"candidateId":"{swap}"}""", "staff", 409, "candidateId" },
        { "POST /api/cohorts/no-such-cohort/members", """{"candidateId":"{swap}"}""", "staff", 404, "id" },
        { "POST /api/academies/{academy}/attendance", """{"candidateId":"{swap}","date":"{d5}","attended":true}""", "staff", 400, "date" },
        { "POST /api/academies/{academy}/attendance", """{"candidateId":"{swap}","date":"{d3}"}""", "staff", 400, "attended" },
        { "POST /api/academies/{academy}/attendance", """{"candidateId":"{job}","date":"{d3}","attended":true}""", "staff", 404, "candidateId" },
        { "POST /api/academies/{academy}/outcomes", """{"candidateId":"{swap}","outcome":"DidNotComplete"}""", "staff", 400, "reason" },
        { "POST /api/academies/{academy}/outcomes", """{"candidateId":"{swap}","outcome":"CompletedUnsuccessful","offer":"Job"}""", "staff", 400, "offer" },
        { "POST /api/academies/{academy}/outcomes", """{"candidateId":"{swap}","outcome":"Maybe"}""", "staff", 400, "outcome" },
        { "POST /api/candidates/{job}/job-start", """{"startDate":"soon","employerId":"{care}"}""", "staff", 400, "startDate" },
        { "POST /api/candidates/{swap}/job-start", """{"startDate":"{d200}","employerId":"{care}"}""", "staff", 400, "startDate" },
        { "POST /api/candidates/{swap}/job-start", """{"startDate":"{d3}","employerId":"{care}"}""", "staff", 409, "candidateId" },
        { "POST /api/candidates/{job}/sustainment", """{"week":5,"inWork":true}""", "staff", 400, "week" },
        { "POST /api/candidates/{job}/sustainment", """{"week":13,"inWork":true}""", "staff", 409, "week" },
        { "POST /api/candidates/{swap}/sustainment", """{"week":13,"inWork":true}""", "staff", 409, "id" },
        { "POST /api/candidates/{swap}/withdraw", "{}", "staff", 400, "reason" },
        { "GET /api/candidates?stage=Flying", "", "staff", 400, "stage" },
        { "GET /api/reports/outcomes?from=yesterday&to={d3}", "", "staff", 400, "from" },
        { "GET /api/reports/outcomes.csv?from={d3}&to={past}", "", "staff", 400, "to" },
        { "POST /api/providers", """{"name":"No id"}""", "staff", 400, "id" },
        { "POST /api/providers", """{"id":"{new}","name":"{long}"}""", "staff", 400, "name" },
        { "POST /api/providers/confirmations", """{"reference":"r1","candidateId":"{cohortMember}","date":"{today}"}""", "A", 400, "kind" },
        { "POST /api/providers/confirmations", """{"reference":"r1","candidateId":"{cohortMember}","kind":"Milestone","date":"{d3}","detail":"Care Certificate"}""", "A", 400, "date" },
        { "POST /api/providers/confirmations", """{"reference":"r1","candidateId":"{cohortMember}","kind":"Milestone","date":"{today}"}""", "A", 400, "detail" },
        { "POST /api/providers/confirmations", """{"reference":"r1","candidateId":"{cohortMember}","kind":"OffTheJobHours","date":"{today}","hours":0}""", "A", 400, "hours" },
        { "POST /api/providers/confirmations", """{"reference":"r1","candidateId":"{cohortMember}","kind":"EpaResult","date":"{today}"}""", "A", 400, "grade" },
        { "POST /api/providers/confirmations", """{"reference":"r1","candidateId":"{cohortMember}","kind":"Gateway","date":"{today}"}""", "A", 409, "candidateId" },
        { "POST /api/providers/confirmations", """{"reference":"r1","candidateId":"{swap}","kind":"Attendance","date":"{d5}","attended":true}""", "A", 400, "date" },
        { "POST /api/providers/confirmations", """{"reference":"r1","candidateId":"{swap}","kind":"Attendance","date":"{today}"}""", "A", 400, "attended" },
        // Input limits (issue 18): enums by name, no control characters, lengths, dates in range, money to the penny.
        { "POST /api/candidates", """{"givenName":"Amira","familyName":"Khan","email":"amira.{new}@example.org","postcode":"WR1 2AB","dateOfBirth":"2004-03-09","consent":true,"source":7,"lawfulBasis":"Public task","advisorId":"advisor-1"}""", "staff", 400, "source" },
        { "POST /api/candidates", """{"givenName":"Amira","familyName":"Khan","email":"amira.{new}@example.org","postcode":"WR1 2AB","dateOfBirth":"2004-03-09","consent":true,"source":"7","lawfulBasis":"Public task","advisorId":"advisor-1"}""", "staff", 400, "source" },
        { "POST /api/candidates", """{"givenName":"\u0007","familyName":"Khan","email":"a.{new}@example.org","postcode":"WR1 2AB","dateOfBirth":"2004-03-09","consent":true,"source":"Employer","lawfulBasis":"Public task","advisorId":"advisor-1"}""", "staff", 400, "givenName" },
        { "POST /api/candidates", """{"givenName":"Amira","familyName":"---","email":"a.{new}@example.org","postcode":"WR1 2AB","dateOfBirth":"2004-03-09","consent":true,"source":"Employer","lawfulBasis":"Public task","advisorId":"advisor-1"}""", "staff", 400, "familyName" },
        { "POST /api/candidates", """{"givenName":"Amira","familyName":"Khan","email":"amira.{new}@example.org","postcode":"WR1 2AB","dateOfBirth":"2004-03-09","consent":true,"source":"Employer","lawfulBasis":"{huge}","advisorId":"advisor-1"}""", "staff", 400, "lawfulBasis" },
        { "POST /api/candidates", """{"givenName":"Amira","familyName":"Khan","email":"amira.{new}@example.org","postcode":"WR1 2AB","dateOfBirth":"2004-03-09","consent":true,"source":"Employer","lawfulBasis":"Public task","advisorId":"{huge}"}""", "staff", 400, "advisorId" },
        { "POST /api/candidates", """{"givenName":"Amira","familyName":"Khan","email":"amira.{new}@example.org","postcode":"WR1 2AB","dateOfBirth":"2004-03-09","consent":true,"source":"Employer","lawfulBasis":"Public\ntask","advisorId":"advisor-1"}""", "staff", 400, "lawfulBasis" },
        { "POST /api/academies", """{"id":"{new}","employerId":"{care}","sector":"S","providerId":"{providerA}","place":"P","sessions":["{d3}"],"placementStart":"{d7}","placementEnd":"{d18}","interviewDate":"{d21}","name":"Care\nAcademy"}""", "staff", 400, "name" },
        { "POST /api/academies", """{"id":"{new}","employerId":"{care}","sector":"S","providerId":"{providerA}","place":"P","sessions":["{d3}"],"placementStart":"{d7}","placementEnd":"{d18}","interviewDate":"{d21}","name":"N","costPerPlace":450.001}""", "staff", 400, "costPerPlace" },
        { "POST /api/academies/{academy}/outcomes", """{"candidateId":"{swap}","outcome":7}""", "staff", 400, "outcome" },
        { "POST /api/cohorts", """{"id":"{new}","name":"N","standardName":"S","employerId":"{employer}","providerId":"{providerA}","durationMonths":12,"fundingBandMaximum":7000,"startDate":"9999-12-31","agreedPrice":7000}""", "staff", 400, "startDate" },
        { "POST /api/cohorts", """{"id":"{new}","name":"N","standardName":"S","employerId":"{employer}","providerId":"{providerA}","durationMonths":12,"fundingBandMaximum":7000,"startDate":"0001-01-01","agreedPrice":7000}""", "staff", 400, "startDate" },
        { "POST /api/cohorts", """{"id":"{new}","name":"N","standardName":"S","employerId":"{employer}","providerId":"{providerA}","durationMonths":12,"fundingBandMaximum":7000,"startDate":"{d30}","agreedPrice":7000.001}""", "staff", 400, "agreedPrice" },
        { "POST /api/candidates/{swap}/withdraw", """{"reason":"moved\u0000away"}""", "staff", 400, "reason" },
        { "POST /api/finance/transfers", """{"transferId":"{new}","senderId":"{employer}","receiverId":"someone-else","date":"0001-01-01","amount":100}""", "staff", 400, "date" },
        { "POST /api/finance/transfers", """{"transferId":"{new}","senderId":"{employer}","receiverId":"someone-else","date":"{today}","amount":100.005}""", "staff", 400, "amount" },
        { "POST /api/finance/commitments", """{"commitmentId":"{new}","employerId":"{employer}","fundingBandMaximum":9000,"apprenticeAgeAtStart":19,"agreedPrice":9000,"startDate":"{today}","plannedEndDate":"9999-12-31"}""", "staff", 400, "plannedEndDate" },
        { "POST /api/finance/commitments", """{"commitmentId":"{new}","employerId":"{employer}","fundingBandMaximum":9000,"apprenticeAgeAtStart":19,"agreedPrice":9000,"startDate":"{today}","plannedEndDate":"{d4100}"}""", "staff", 400, "plannedEndDate" },
        { "POST /api/finance/commitments", """{"commitmentId":"{new}","employerId":"{employer}","fundingBandMaximum":9000,"apprenticeAgeAtStart":19,"agreedPrice":-9000,"startDate":"{today}","plannedEndDate":"{d400}"}""", "staff", 400, "agreedPrice" },
        { "POST /api/finance/commitments", """{"commitmentId":"{new}","employerId":"{employer}","fundingBandMaximum":9000,"apprenticeAgeAtStart":19,"agreedPrice":1e28,"startDate":"{today}","plannedEndDate":"{d400}"}""", "staff", 400, "agreedPrice" },
        { "GET /api/reports/outcomes?from={today}&to=9999-12-31", "", "staff", 400, "to" },
        { "GET /api/reports/outcomes?from=9999-12-25&to=9999-12-31", "", "staff", 400, "from" },
        { "POST /api/providers/confirmations", """{"reference":"r1","candidateId":"{cohortMember}","kind":"7","date":"{today}"}""", "A", 400, "kind" },
        // Academies and job starts name an existing employer by id.
        { "POST /api/academies", """{"id":"{new}","name":"N","employerId":"nobody","sector":"S","providerId":"{providerA}","place":"P","sessions":["{d3}"],"placementStart":"{d7}","placementEnd":"{d18}","interviewDate":"{d21}"}""", "staff", 404, "employerId" },
        { "POST /api/academies", """{"id":"{new}","name":"N","employerName":"Acorn Care","sector":"S","providerId":"{providerA}","place":"P","sessions":["{d3}"],"placementStart":"{d7}","placementEnd":"{d18}","interviewDate":"{d21}"}""", "staff", 400, "employerId" },
        { "POST /api/candidates/{swap}/job-start", """{"startDate":"{d3}","employerId":"nobody"}""", "staff", 404, "employerId" },
        { "POST /api/candidates/{swap}/job-start", """{"startDate":"{d3}","employerName":"Acorn Care"}""", "staff", 400, "employerId" },
        // Employers (issue 19): the record, its contacts and the scheme.
        { "POST /api/employers", """{"id":"{new}","sector":"Care","isLevyPayer":false}""", "staff", 400, "name" },
        { "POST /api/employers", """{"id":"{new}","name":"Care\nHomes","sector":"Care","isLevyPayer":false}""", "staff", 400, "name" },
        { "POST /api/employers", """{"id":"{new}","name":"{huge}","sector":"Care","isLevyPayer":false}""", "staff", 400, "name" },
        { "POST /api/employers", """{"id":"{new}","name":"N","isLevyPayer":false}""", "staff", 400, "sector" },
        { "POST /api/employers", """{"id":"{new}","name":"N","sector":"S"}""", "staff", 400, "isLevyPayer" },
        { "POST /api/employers", """{"id":"{new}","name":"N","sector":"S","isLevyPayer":"yes"}""", "staff", 400, "isLevyPayer" },
        { "POST /api/employers", """{"id":"{new}","name":"N","sector":"S","isLevyPayer":false,"sites":[{"name":"Acorn House","postcode":"nowhere"}]}""", "staff", 400, "sites" },
        { "POST /api/employers", """{"id":"{new}","name":"N","sector":"S","isLevyPayer":false,"sites":[{"id":"x","name":"A","postcode":"WR1 2AB"},{"id":"x","name":"B","postcode":"WR1 2AB"}]}""", "staff", 400, "sites" },
        { "POST /api/employers", """{"id":"bad id","name":"N","sector":"S","isLevyPayer":false}""", "staff", 400, "id" },
        { "POST /api/employers", """{"id":"{care}","name":"N","sector":"S","isLevyPayer":false}""", "staff", 409, "id" },
        { "PUT /api/employers/{care}", """{"name":"","sector":"S","isLevyPayer":false}""", "staff", 400, "name" },
        { "PUT /api/employers/nobody", """{"name":"N","sector":"S","isLevyPayer":false}""", "staff", 404, "employerId" },
        { "POST /api/employers/{care}/contacts", """{"name":"Morgan Reed","role":"Manager","email":"not an email"}""", "staff", 400, "email" },
        { "POST /api/employers/{care}/contacts", """{"name":"Morgan Reed","role":"Manager","email":"m@example.org","phone":"ring me"}""", "staff", 400, "phone" },
        { "POST /api/employers/nobody/contacts", """{"name":"Morgan Reed","role":"Manager","email":"m@example.org"}""", "staff", 404, "employerId" },
        { "DELETE /api/employers/{care}/contacts/ec-nobody", "", "staff", 404, "contactId" },
        { "POST /api/employers/{care}/membership/join", """{"date":"{today}","support":["RecruitmentSupport"]}""", "staff", 409, "date" },
        { "POST /api/employers/{employer}/membership/join", """{"date":"tomorrow","support":["RecruitmentSupport"]}""", "staff", 400, "date" },
        { "POST /api/employers/{employer}/membership/join", """{"date":"{today}","support":["Cake"]}""", "staff", 400, "support" },
        { "POST /api/employers/{employer}/membership/join", """{"date":"{d100}","support":["RecruitmentSupport"]}""", "staff", 400, "date" },
        { "POST /api/employers/{care}/membership/leave", """{"date":"{past}"}""", "staff", 400, "reason" },
        { "POST /api/employers/{care}/membership/leave", """{"date":"{d100}","reason":"Notice given"}""", "staff", 400, "date" },
        { "POST /api/employers/{employer}/membership/leave", """{"date":"{today}","reason":"Never joined"}""", "staff", 409, "date" },
        { "POST /api/employers/{care}/membership/events", """{"date":"{d3}","eventName":"Care careers fair"}""", "staff", 400, "date" },
        { "POST /api/employers/{care}/membership/events", """{"date":"2001-01-01","eventName":"Care careers fair"}""", "staff", 400, "date" },
        { "POST /api/employers/{employer}/membership/events", """{"date":"{today}","eventName":"Care careers fair"}""", "staff", 409, "date" },
        { "POST /api/employers/{care}/membership/sessions", """{"date":"{past}","topic":"Retention","advisorId":"amara","note":"{huge}"}""", "staff", 400, "note" },
        { "POST /api/employers/{care}/membership/sessions", """{"date":"{past}","topic":"Retention"}""", "staff", 400, "advisorId" },
        { "POST /api/employers/nobody/membership/sessions", """{"date":"{past}","topic":"Retention","advisorId":"amara"}""", "staff", 404, "employerId" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_request_is_refused_naming_the_field_and_changes_nothing(string request, string body, string who, int status, string field)
    {
        var before = await hub.SnapshotAsync();
        var created = $"bad-{Guid.NewGuid():N}"[..20];
        var (method, path) = (request.Split(' ')[0], Fill(request.Split(' ')[1], created));
        using var message = new HttpRequestMessage(new HttpMethod(method), path);
        if (body.Length > 0) message.Content = new StringContent(Fill(body, created), Encoding.UTF8, "application/json");
        if (who == "A") message.Headers.Add("X-Provider-Key", hub.KeyA);

        var response = await hub.Http.SendAsync(message);

        var problem = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{request}: expected {status}, got {(int)response.StatusCode} {problem}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(problem).RootElement.GetProperty("errors").TryGetProperty(field, out _), problem);
        Assert.Equal(before, await hub.SnapshotAsync());
        foreach (var kind in new[] { "academies", "cohorts", "employers" })
            Assert.Equal(HttpStatusCode.NotFound, (await hub.Http.GetAsync($"/api/{kind}/{created}")).StatusCode);
        Assert.DoesNotContain(created, await hub.Http.GetStringAsync("/api/providers"));
        // Refused enrolments carry {new} in their email: nobody with it may have been enrolled.
        Assert.Equal("[]", await hub.Http.GetStringAsync($"/api/candidates?q={created}"));
    }

    private string Fill(string text, string created)
    {
        var today = DateOnly.FromDateTime(hub.App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var filled = text
            .Replace("{new}", created).Replace("{academy}", hub.AcademyId).Replace("{cohort}", hub.CohortId).Replace("{employer}", hub.EmployerId).Replace("{care}", hub.CareEmployerId)
            .Replace("{providerA}", hub.KeyA.Split('.')[0]).Replace("{silent}", hub.Candidate("silent")).Replace("{swap}", hub.Candidate("academy"))
            .Replace("{job}", hub.Candidate("job")).Replace("{cohortMember}", hub.Candidate("cohort"))
            .Replace("{today}", $"{today:yyyy-MM-dd}").Replace("{past}", $"{today.AddDays(-10):yyyy-MM-dd}").Replace("{long}", new string('n', 121)).Replace("{huge}", new string('x', 1_100_000));
        return System.Text.RegularExpressions.Regex.Replace(filled, @"\{d(\d+)\}", m => $"{today.AddDays(int.Parse(m.Groups[1].Value)):yyyy-MM-dd}");
    }
}
