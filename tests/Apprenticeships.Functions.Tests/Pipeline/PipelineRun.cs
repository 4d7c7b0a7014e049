using System.Net;
using System.Text.Json;
using Apprenticeships.Functions.Tests.Http.Candidates;
using Apprenticeships.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Apprenticeships.Functions.Tests.Pipeline;

/// <summary>
/// Twenty candidates through every branch of the pipeline, over fourteen months of runtime clock:
/// c0-c3 never answer; c4-c5 finish an academy without a job, c6 leaves it; c7-c11 get a job
/// through it and keep it 26 weeks; c12-c16 go from it to an apprenticeship and achieve; c17 is
/// withdrawn by their advisor, c18 leaves through their email link, c19 is withdrawn in training.
/// Run once; the tests read what it saw.
/// </summary>
public sealed class PipelineRun : IAsyncLifetime
{
    public WebApplicationFactory<Program> App { get; private set; } = null!;
    internal PipelineDriver Driver { get; private set; } = null!;
    internal LogCapture Logs { get; } = new();
    public string[] C { get; } = new string[20];
    public List<Person> People { get; } = [];
    public string ProviderKey { get; private set; } = "";
    public string OtherProviderKey { get; private set; } = "";
    public string AcademyId { get; } = LocalAzurite.UniqueName("academy");
    public string CohortId { get; } = LocalAzurite.UniqueName("cohort");
    public string EmployerId { get; } = LocalAzurite.UniqueName("council");
    public string CareEmployerId { get; } = LocalAzurite.UniqueName("acorn-care");
    public DateOnly Day0 { get; private set; }
    public DateOnly CohortStart { get; private set; }
    public HttpStatusCode CrossProviderAttempt { get; private set; }
    public string RepeatedConfirmation { get; private set; } = "";
    public const decimal CostPerPlace = 450m;

    public sealed record Person(string GivenName, string FamilyName, string Email, string DateOfBirth, string Postcode);

    public IEnumerable<string> Range(int from, int to) => C[from..(to + 1)];

    public async Task InitializeAsync()
    {
        try
        {
            await RunAsync();
        }
        catch (Exception e)
        {
            // What went wrong inside the app is in its log, not in the timeout: show the failures with it.
            var failures = Logs.Lines.Where(l => l.Contains("Exception", StringComparison.Ordinal) || l.Contains("fail", StringComparison.OrdinalIgnoreCase)).TakeLast(8);
            // Which emails went out tells at a glance how far each branch got.
            var mail = (await Driver.MailAsync()).Where(m => C.Contains(m.RecipientId)).GroupBy(m => $"{m.Template}:c{Array.IndexOf(C, m.RecipientId)}").Select(g => $"{g.Key}x{g.Count()}");
            // A workflow that failed says why in its failure details, which the engine does not always log.
            var failed = new List<string>();
            var workflows = App.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>();
            await foreach (var instance in workflows.GetAllInstancesAsync(new Microsoft.DurableTask.Client.OrchestrationQuery
                { Statuses = [Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Failed], FetchInputsAndOutputs = true }))
                failed.Add($"{instance.InstanceId} ({instance.Name}): {Describe(instance.FailureDetails)}");
            throw new InvalidOperationException($"{e.Message}\nApp log failures:\n{string.Join("\n", failures)}\nFailed workflows:\n{string.Join("\n", failed)}\nMail so far: {string.Join(" ", mail)}", e);
        }
    }

    private static string Describe(Microsoft.DurableTask.TaskFailureDetails? failure) =>
        failure is null ? "no details" : $"{failure.ErrorType}: {failure.ErrorMessage}\n{failure.StackTrace}" + (failure.InnerFailure is { } inner ? $"\n  caused by {Describe(inner)}" : "");

    private async Task RunAsync()
    {
        App = await AppFactory.CreateAsync(configure: b =>
        {
            b.UseSetting("Email:AdvisorAlertsTo", "advisors@council.example");
            b.ConfigureTestServices(s => s.AddLogging(l => l.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace)));
        });
        Driver = new PipelineDriver(App);
        var d = Driver;
        // Other tests share this Azurite and refer candidates at today's date; a decade on, the
        // outcome report's date range holds this run's candidates only.
        await d.ToAsync(d.Clock.GetUtcNow().UtcDateTime.AddYears(10));
        Day0 = d.Today;
        CohortStart = Day0.AddDays(60);

        await SetUpHubAsync(d);
        for (var i = 0; i < 20; i++)
        {
            var tag = Guid.NewGuid().ToString("N")[..6];
            var person = new Person($"Quillon{tag}", $"Zwackel{tag}", $"zw{tag}@example.org", $"{1990 + i % 10}-0{1 + i % 9}-1{i % 10}", $"WR{1 + i % 9} {i % 10}ZQ");
            People.Add(person);
            C[i] = (await d.PostAsync("/api/candidates", new
            {
                givenName = person.GivenName, familyName = person.FamilyName, email = person.Email, postcode = person.Postcode,
                dateOfBirth = person.DateOfBirth, source = i == 19 ? "CareLeaverTeam" : "JobcentreWorkCoach", consent = true,
                lawfulBasis = "Public task", advisorId = "advisor-1",
            }, HttpStatusCode.Created)).GetProperty("id").GetString()!;
        }
        await d.UntilMailAsync("welcome", C, 20);

        // Interest: all but c0-c3 confirm through their welcome link.
        foreach (var c in Range(4, 19)) Assert.Equal(HttpStatusCode.OK, (await d.Http.PressAsync((await d.LinksAsync(c, "welcome"))[0])).StatusCode);
        await d.UntilStageAsync(Range(4, 19), "Engaged");

        await d.PostAsync($"/api/candidates/{C[17]}/withdraw", new { reason = "Found work on their own" }, HttpStatusCode.OK);
        foreach (var c in Range(4, 16).Append(C[18])) await d.PostAsync($"/api/academies/{AcademyId}/members", new { candidateId = c }, HttpStatusCode.Created);
        await d.PostAsync($"/api/cohorts/{CohortId}/members", new { candidateId = C[19] }, HttpStatusCode.Created);

        await AcademyAsync(d);
        await AfterAcademyAsync(d);
        await TrainingYearAsync(d);
    }

    private async Task SetUpHubAsync(PipelineDriver d)
    {
        ProviderKey = (await d.PostAsync("/api/providers", new { id = LocalAzurite.UniqueName("care-skills"), name = "Care Skills Training" }, HttpStatusCode.Created))
            .GetProperty("apiKey").GetString()!;
        OtherProviderKey = (await d.PostAsync("/api/providers", new { id = LocalAzurite.UniqueName("other-college"), name = "Other College" }, HttpStatusCode.Created))
            .GetProperty("apiKey").GetString()!;
        var providerId = ProviderKey.Split('.')[0];
        await d.PostAsync("/api/finance/employers", new { employerId = EmployerId, name = "Worcestershire County Council", isLevyPayer = true, isSme = false }, HttpStatusCode.Created);
        // Levy declared for the last six payroll months, so the account has funds when the cohort starts.
        for (var back = 7; back >= 2; back--)
        {
            var month = Day0.AddMonths(-back);
            var (year, taxMonth) = month.Month >= 4 ? (month.Year, month.Month - 3) : (month.Year - 1, month.Month + 9);
            await d.PostAsync($"/api/finance/employers/{EmployerId}/declarations", new
            {
                payeScheme = "123/AB456", payrollYear = $"{year % 100:D2}-{(year + 1) % 100:D2}", payrollMonth = taxMonth,
                levyDueYtd = 8_000m * taxMonth, submissionDate = new DateOnly(month.Year, month.Month, 1).AddMonths(1).AddDays(14).ToString("yyyy-MM-dd"),
            }, HttpStatusCode.Created);
        }
        await d.PostAsync("/api/employers", new { id = CareEmployerId, name = "Acorn Care", sector = "Adult care", isLevyPayer = false, isSme = true }, HttpStatusCode.Created);
        await d.PostAsync("/api/academies", new
        {
            id = AcademyId, name = "Adult Care Academy", employerId = CareEmployerId, sector = "Adult care", providerId, place = "County Hall, Worcester",
            sessions = new[] { Day0.AddDays(3), Day0.AddDays(4) }.Select(s => s.ToString("yyyy-MM-dd")),
            placementStart = Day0.AddDays(7).ToString("yyyy-MM-dd"), placementEnd = Day0.AddDays(18).ToString("yyyy-MM-dd"),
            interviewDate = Day0.AddDays(21).ToString("yyyy-MM-dd"), costPerPlace = CostPerPlace,
        }, HttpStatusCode.Created);
        await d.PostAsync("/api/cohorts", new
        {
            id = CohortId, name = "Adult care intake", standardName = "Adult care worker (level 2)", employerId = EmployerId, providerId,
            startDate = CohortStart.ToString("yyyy-MM-dd"), durationMonths = 12, agreedPrice = 7_000m, fundingBandMaximum = 7_000m,
        }, HttpStatusCode.Created);
    }

    private async Task AcademyAsync(PipelineDriver d)
    {
        var members = Range(4, 16).Append(C[18]).ToList();
        // Reminders already past when a workflow starts are skipped, so let every academy workflow start before time moves.
        var workflows = App.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>();
        await d.UntilAsync(async () =>
        {
            foreach (var c in members)
                if ((await workflows.GetInstanceAsync($"swap-{c}-{AcademyId}", false))?.SerializedCustomStatus is null) return false;
            return true;
        }, "academy workflows waiting for their first reminder");
        await d.ToAsync(PipelineDriver.Noon(Day0.AddDays(2)));
        await d.UntilMailAsync("session-reminder", members, 14);
        var links = await d.LinksAsync(C[4], "session-reminder");
        Assert.Equal(HttpStatusCode.OK, (await d.Http.PressAsync(links[0])).StatusCode); // c4: "I am coming"
        Assert.Equal(HttpStatusCode.OK, (await d.Http.PressAsync((await d.LinksAsync(C[18], "session-reminder"))[1])).StatusCode); // c18 leaves
        await d.UntilStageAsync([C[18]], "Withdrawn");

        var stayed = Range(4, 16).ToList();
        var first = Day0.AddDays(3);
        await d.ToAsync(PipelineDriver.Noon(first));
        await d.UntilMailAsync("session-reminder", members, 27);
        foreach (var c in stayed)
            await d.PostAsync("/api/providers/confirmations", new { reference = $"att-{c}-1", candidateId = c, kind = "Attendance", date = first.ToString("yyyy-MM-dd"), attended = c != C[6] },
                HttpStatusCode.Created, ProviderKey);
        RepeatedConfirmation = (await d.PostAsync("/api/providers/confirmations", new { reference = $"att-{C[4]}-1", candidateId = C[4], kind = "Attendance", date = first.ToString("yyyy-MM-dd"), attended = true },
            HttpStatusCode.OK, ProviderKey)).GetProperty("status").GetString()!;
        var crossProvider = await d.Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/providers/confirmations")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { reference = "sneaky", candidateId = C[5], kind = "Attendance", date = first.ToString("yyyy-MM-dd"), attended = false }),
            Headers = { { "X-Provider-Key", OtherProviderKey } },
        });
        CrossProviderAttempt = crossProvider.StatusCode;

        await d.ToAsync(first.ToDateTime(new TimeOnly(19, 0), DateTimeKind.Utc));
        await d.UntilAsync(async () => (await d.AlertsAsync([C[6]])).Count >= 1, "missed-session alert for c6");

        var second = Day0.AddDays(4);
        await d.ToAsync(PipelineDriver.Noon(second));
        await d.PostAsync($"/api/academies/{AcademyId}/outcomes", new { candidateId = C[6], outcome = "DidNotComplete", reason = "Moved out of the area" }, HttpStatusCode.OK);
        foreach (var c in stayed.Where(c => c != C[6]))
            await d.PostAsync($"/api/academies/{AcademyId}/attendance", new { candidateId = c, date = second.ToString("yyyy-MM-dd"), attended = true }, HttpStatusCode.OK);
        await d.UntilMailAsync("what-next", [C[6]], 1);

        var finishers = stayed.Where(c => c != C[6]).ToList();
        await d.ToAsync(PipelineDriver.Noon(Day0.AddDays(11)));
        await d.UntilMailAsync("placement-check-in", finishers, 12);
        await d.ToAsync(PipelineDriver.Noon(Day0.AddDays(18)));
        await d.UntilMailAsync("placement-check-in", finishers, 24);
        await d.ToAsync(PipelineDriver.Noon(Day0.AddDays(20)));
        await d.UntilMailAsync("interview-reminder", finishers, 12);

        await d.ToAsync(PipelineDriver.Noon(Day0.AddDays(21)));
        foreach (var c in Range(4, 5)) await d.PostAsync($"/api/academies/{AcademyId}/outcomes", new { candidateId = c, outcome = "CompletedUnsuccessful" }, HttpStatusCode.OK);
        foreach (var c in Range(7, 11)) await d.PostAsync($"/api/academies/{AcademyId}/outcomes", new { candidateId = c, outcome = "CompletedSuccessful", offer = "Job" }, HttpStatusCode.OK);
        foreach (var c in Range(12, 16)) await d.PostAsync($"/api/academies/{AcademyId}/outcomes", new { candidateId = c, outcome = "CompletedSuccessful", offer = "Apprenticeship" }, HttpStatusCode.OK);
        await d.UntilStageAsync(finishers, "Engaged");
    }

    private async Task AfterAcademyAsync(PipelineDriver d)
    {
        await d.ToAsync(PipelineDriver.Noon(Day0.AddDays(22)));
        foreach (var c in Range(7, 11))
            await d.PostAsync($"/api/candidates/{c}/job-start", new { startDate = Day0.AddDays(25).ToString("yyyy-MM-dd"), employerId = CareEmployerId }, HttpStatusCode.Created);
        foreach (var c in Range(12, 16)) await d.PostAsync($"/api/cohorts/{CohortId}/members", new { candidateId = c }, HttpStatusCode.Created);

        var apprentices = Range(12, 16).Append(C[19]).ToList();
        await d.ToAsync(PipelineDriver.Noon(CohortStart.AddDays(-7)));
        await d.UntilMailAsync("cohort-start", apprentices, 6);
        await d.ToAsync(PipelineDriver.Noon(CohortStart));
        await d.UntilTrainingAsync(apprentices);
        await d.ToAsync(PipelineDriver.Noon(CohortStart.AddDays(10)));
        await d.PostAsync($"/api/candidates/{C[19]}/withdraw", new { reason = "Changed career plans" }, HttpStatusCode.OK);
    }

    private async Task TrainingYearAsync(PipelineDriver d)
    {
        var apprentices = Range(12, 16).ToList();
        var workers = Range(7, 11).ToList();
        var jobStart = Day0.AddDays(25);
        var checks = new Queue<int>([13, 26]);
        for (var month = 1; month <= 12; month++)
        {
            var review = PipelineDriver.Noon(CohortStart.AddMonths(month));
            while (checks.TryPeek(out var week) && PipelineDriver.Noon(jobStart.AddDays(7 * week)) <= review)
            {
                checks.Dequeue();
                await d.ToAsync(PipelineDriver.Noon(jobStart.AddDays(7 * week)));
                await d.UntilMailAsync("sustainment-check", workers, week == 13 ? 5 : 10);
                foreach (var c in workers) await d.PostAsync($"/api/candidates/{c}/sustainment", new { week, inWork = true }, HttpStatusCode.OK);
            }
            await d.ToAsync(review);
            await d.UntilMailAsync("progress-review", apprentices, 5 * month);
            foreach (var c in apprentices)
            {
                await d.PostAsync("/api/providers/confirmations", new { reference = $"otj-{c}-{month}", candidateId = c, kind = "OffTheJobHours", date = d.Today.ToString("yyyy-MM-dd"), hours = 30 },
                    HttpStatusCode.Created, ProviderKey);
                if (month == 6)
                    await d.PostAsync("/api/providers/confirmations", new { reference = $"ms-{c}", candidateId = c, kind = "Milestone", date = d.Today.ToString("yyyy-MM-dd"), detail = "Care Certificate" },
                        HttpStatusCode.Created, ProviderKey);
            }
        }
        foreach (var c in apprentices)
            await d.PostAsync("/api/providers/confirmations", new { reference = $"gw-{c}", candidateId = c, kind = "Gateway", date = d.Today.ToString("yyyy-MM-dd") }, HttpStatusCode.Created, ProviderKey);
        await d.ToAsync(d.Clock.GetUtcNow().UtcDateTime.AddDays(1));
        var grades = new[] { "Pass", "Merit", "Distinction", "Pass", "Pass" };
        for (var i = 0; i < apprentices.Count; i++)
            await d.PostAsync("/api/providers/confirmations", new { reference = $"epa-{apprentices[i]}", candidateId = apprentices[i], kind = "EpaResult", date = d.Today.ToString("yyyy-MM-dd"), grade = grades[i] },
                HttpStatusCode.Created, ProviderKey);
        await d.UntilStageAsync(apprentices, "Completed");
        await d.UntilStageAsync(workers, "Completed");
        await d.UntilStageAsync(Range(0, 3), "NoResponse");
        await d.UntilAsync(async () => (await d.AlertsAsync(C)).Count >= 12, "twelve advisor alerts");
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
