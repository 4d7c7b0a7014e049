using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Pipeline;

public class PipelineTests(PipelineRun run) : IClassFixture<PipelineRun>
{
    private PipelineDriver D => run.Driver;

    [Fact]
    public async Task Every_candidate_ends_at_the_stage_their_branch_leads_to()
    {
        var expected = new Dictionary<int, string>();
        foreach (var i in Enumerable.Range(0, 4)) expected[i] = "NoResponse";
        foreach (var i in Enumerable.Range(4, 3)) expected[i] = "Engaged"; // ready for another step after an academy without a job
        foreach (var i in Enumerable.Range(7, 10)) expected[i] = "Completed";
        foreach (var i in Enumerable.Range(17, 3)) expected[i] = "Withdrawn";
        foreach (var (i, stage) in expected) Assert.Equal((run.C[i], stage), (run.C[i], await D.StageAsync(run.C[i])));
    }

    [Fact]
    public async Task Each_template_went_to_the_candidates_whose_branch_calls_for_it()
    {
        var counts = (await D.MailAsync()).Where(m => run.C.Contains(m.RecipientId)).GroupBy(m => m.Template!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int>
        {
            ["welcome"] = 20, ["confirm-interest-nudge"] = 8, ["session-reminder"] = 27, ["placement-check-in"] = 24,
            ["interview-reminder"] = 12, ["outcome"] = 13, ["what-next"] = 3, ["sustainment-check"] = 10, ["cohort-start"] = 6,
            ["progress-review"] = 60, ["completion"] = 5,
        }, counts);
        // 4 silent at day 7, c6's missed session and exit, c4-c5 without a job, c4-c6 left unassigned for 14 days, c18 left through their link.
        var alerts = await D.AlertsAsync(run.C);
        Assert.True(alerts.Count == 12, string.Join('\n', alerts.Select(a => a.Subject + ": " + Flat(a.Text))));
    }

    [Fact]
    public async Task Provider_confirmations_are_scoped_idempotent_and_on_the_timeline()
    {
        Assert.Equal(HttpStatusCode.Forbidden, run.CrossProviderAttempt);
        Assert.Equal("AlreadyRecorded", run.RepeatedConfirmation);
        var timeline = await D.GetAsync($"/api/candidates/{run.C[12]}/timeline");
        var events = timeline.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("what").GetString()!).ToList();
        Assert.Equal(12, events.Count(e => e.Contains("confirmed OffTheJobHours")));
        Assert.Contains(events, e => e.Contains("confirmed Milestone") && e.Contains("Care Certificate"));
        Assert.Contains(events, e => e.Contains("confirmed Gateway"));
        Assert.Contains(events, e => e.StartsWith("Achieved the apprenticeship", StringComparison.Ordinal));
        var attendance = await D.GetAsync($"/api/academies/{run.AcademyId}");
        var c6 = attendance.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("candidateId").GetString() == run.C[6]);
        Assert.Contains(c6.GetProperty("facts").EnumerateArray(), f => f.GetString()!.Contains("Absent"));
    }

    [Fact]
    public async Task Completions_and_the_withdrawal_reach_the_levy_account()
    {
        var achieved = await D.GetAsync($"/api/finance/commitments/ap-{run.C[12]}/schedule");
        Assert.Equal("Completed", achieved.GetProperty("status").GetString());
        Assert.Contains(achieved.GetProperty("payments").EnumerateArray(), p => p.GetProperty("kind").GetString() == "Completion");
        var withdrawn = await D.GetAsync($"/api/finance/commitments/ap-{run.C[19]}/schedule");
        Assert.Equal("Withdrawn", withdrawn.GetProperty("status").GetString());
        var account = await D.GetAsync($"/api/finance/employers/{run.EmployerId}/account");
        Assert.True(account.GetProperty("totals").GetProperty("paidFromLevy").GetDecimal() > 0, account.ToString());
    }

    [Fact]
    public async Task The_outcome_report_counts_every_branch_in_json_and_csv()
    {
        var query = $"from={run.Day0:yyyy-MM-dd}&to={D.Today:yyyy-MM-dd}";
        var report = await D.GetAsync($"/api/reports/outcomes?{query}");
        int Figure(string name) => report.GetProperty(name).GetInt32();
        Assert.Equal(20, Figure("referrals"));
        Assert.Equal(4, Figure("noResponse"));
        Assert.Equal(14, Figure("swapStarts"));
        Assert.Equal(12, Figure("swapCompletions"));
        Assert.Equal(12, Figure("interviews"));
        Assert.Equal(0, Figure("jobOutcomesDirect"));
        Assert.Equal(5, Figure("jobOutcomesViaSwap"));
        Assert.Equal(5, Figure("sustained13Weeks"));
        Assert.Equal(5, Figure("sustained26Weeks"));
        Assert.Equal(6, Figure("apprenticeshipStarts"));
        Assert.Equal(5, Figure("achievements"));
        Assert.Equal(3, Figure("withdrawals"));
        Assert.Equal(17, Figure("trainingCompleted"));
        Assert.Equal(["Changed career plans", "Found work on their own", "Left at their own request"],
            report.GetProperty("withdrawalReasons").EnumerateObject().Select(p => p.Name));
        var spend = report.GetProperty("spend").GetDecimal();
        Assert.True(spend > 14 * PipelineRun.CostPerPlace, $"spend {spend} should include levy paid for the apprentices");
        Assert.Equal(Math.Round(spend / 10, 2), report.GetProperty("costPerOutcome").GetDecimal());
        Assert.True(report.GetProperty("levyUsed").GetDecimal() > 0);

        var csv = await D.Http.GetStringAsync($"/api/reports/outcomes.csv?{query}");
        Assert.Contains("referrals,20\n", csv);
        Assert.Contains("job outcomes (via SWAP),5\n", csv);
        Assert.Contains("withdrawals: Left at their own request,1\n", csv);
    }

    [Fact]
    public async Task No_name_email_or_date_of_birth_is_in_history_queues_payloads_or_logs()
    {
        var hub = run.App.Services.GetRequiredService<IConfiguration>()["Durable:TaskHub"]!;
        // Everything the engine keeps for the task hub: its tables (History, Instances, Partitions),
        // its queues (control partitions, work items) and its blobs (large messages, leases).
        var stored = await StoredText.ReadAsync(hub, hub.ToLowerInvariant() + "-");

        Assert.True(stored.Count(s => run.C.Any(s.Contains)) > 100, "the scan should see the run's history");
        Assert.NotEmpty(run.Logs.Lines);
        var personal = run.People.SelectMany(p => new[] { p.GivenName, p.FamilyName, p.Email, p.DateOfBirth, p.Postcode }).ToList();
        foreach (var text in stored.Concat(run.Logs.Lines))
        {
            foreach (var value in personal)
                Assert.False(text.Contains(value, StringComparison.OrdinalIgnoreCase), $"'{value}' found in: {Flat(text)}");
        }
    }

    private static string Flat(string text)
    {
        var flat = Regex.Replace(text, @"\s+", " ");
        return flat[..Math.Min(300, flat.Length)];
    }

}
