using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Apprenticeships.Application;
using Apprenticeships.Application.Attention;
using Apprenticeships.Email;
using Apprenticeships.Workflows;
using Apprenticeships.Workflows.Activities;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using static Apprenticeships.Functions.Tests.Http.Candidates.CandidateJourneyTests;

namespace Apprenticeships.Functions.Tests.Email;

/// <summary>
/// Every email template, rendered the way the app renders it (by the activities that send it, with
/// the demo hub's academy "Adult Care Academy" and cohort "Adult care intake" as sample data), read
/// for what a person would trip over: a word twice in a row ("the Adult care intake intake"), a
/// sentence starting in lower case ("your advisor will…"), a code name, and a promise the workflow
/// does not keep ("you can ignore this email" on a nudge that more nudges follow).
/// </summary>
public partial class EmailWordingTests
{
    /// <summary>Phrases that promise what the workflows do not do, and why not.</summary>
    private static readonly (Regex Phrase, string Why)[] BrokenPromises =
    [
        (new("ignore this email", RegexOptions.IgnoreCase),
            $"silence is never ignored: the journey nudges on days {PipelinePolicy.FirstNudgeDays} and {PipelinePolicy.SecondNudgeDays}, alerts an advisor on day {PipelinePolicy.NoResponseAlertDays} and closes on day {PipelinePolicy.NoResponseCloseDays}"),
        (new(@"works for (?!" + PipelinePolicy.InterestLinkDays + @" days)\d+ days"), $"interest links work for {PipelinePolicy.InterestLinkDays} days (PipelinePolicy.InterestLinkDays)"),
        (new("no further action", RegexOptions.IgnoreCase), "every alert and reminder is followed up until it is acted upon"),
    ];

    [Fact]
    public async Task Every_template_reads_right_with_real_names_in_it()
    {
        await using var app = await AppAsync();
        var http = app.CreateClient();
        var demo = await (await http.PostAsync("/api/dev/demo", null)).Content.ReadFromJsonAsync<JsonElement>();
        var academyId = demo.GetProperty("academyId").GetString()!;
        var cohortId = demo.GetProperty("cohortId").GetString()!;
        var candidate = demo.GetProperty("candidates")[0].GetProperty("id").GetString()!;
        var session = DateOnly.FromDateTime(app.Clock().GetUtcNow().UtcDateTime).AddDays(3).ToString("yyyy-MM-dd");

        // What the workflows send, with the details they pass (WorkflowInputs: ids, dates, numbers).
        var sends = new (string Template, Dictionary<string, string>? Details)[]
        {
            ("welcome", null),
            ("confirm-interest-nudge", null),
            ("session-reminder", new() { ["academyId"] = academyId, ["sessionDate"] = session }),
            ("placement-check-in", new() { ["academyId"] = academyId, ["week"] = "1" }),
            ("interview-reminder", new() { ["academyId"] = academyId }),
            ("outcome", new() { ["academyId"] = academyId, ["outcome"] = "CompletedSuccessful" }),
            ("outcome", new() { ["academyId"] = academyId, ["outcome"] = "CompletedUnsuccessful" }),
            ("outcome", new() { ["academyId"] = academyId, ["outcome"] = "DidNotComplete" }),
            ("what-next", new() { ["academyId"] = academyId, ["outcome"] = "CompletedUnsuccessful" }),
            ("sustainment-check", new() { ["week"] = "13" }),
            ("progression-check", new() { ["week"] = "13" }),
            ("cohort-start", new() { ["cohortId"] = cohortId }),
            ("progress-review", new() { ["cohortId"] = cohortId, ["dueDate"] = session }),
            ("completion", new() { ["cohortId"] = cohortId }),
        };
        var step = 0;
        var rendered = new List<(string Template, string Subject, string Text, string Html)>();
        foreach (var (template, details) in sends)
        {
            var key = $"wording-{candidate}#{++step}";
            Assert.True(await RunAsync<SendCandidateEmail, Keyed<CandidateEmail>>(app, new(key, new CandidateEmail(candidate, template, details))), template);
            var sent = (await MailForAsync(app, candidate)).Single(m => m.Key == key);
            rendered.Add((template, sent.Subject, sent.Text, sent.Html));
        }
        // The employer's progression prompt, about a member of their staff, to their primary contact.
        var employer = await Http.Employers.ProgressionFixture.EmployerAsync(app);
        var staff = await Http.Employers.ProgressionFixture.AddStaffAsync(http, employer.Id, "Jo Bloggs");
        var prompt = $"wording-{staff}#1";
        Assert.True(await RunAsync<SendEmployerEmail, Keyed<EmployerEmail>>(app, new(prompt, new EmployerEmail(employer.Id, staff, "progression-employer", new Dictionary<string, string> { ["week"] = "13" }))));
        var toEmployer = (await MailForAsync(app, staff)).Single(m => m.Key == prompt);
        rendered.Add(("progression-employer", toEmployer.Subject, toEmployer.Text, toEmployer.Html));
        // Every kind of advisor alert, with the facts the workflows give it.
        foreach (var kind in Enum.GetValues<AttentionKind>())
        {
            var facts = new Dictionary<string, string>
            {
                [AttentionFacts.Days] = "7", [AttentionFacts.AcademyId] = academyId, [AttentionFacts.Session] = session, [AttentionFacts.Outcome] = "CompletedUnsuccessful",
                [AttentionFacts.Week] = "13", [AttentionFacts.CommitmentId] = $"ap-{candidate}", [AttentionFacts.Since] = session, [AttentionFacts.From] = session,
                [AttentionFacts.Date] = session,
            };
            var alert = new AdvisorAlert(candidate, kind, facts) { At = DateTime.UtcNow, Reason = kind == AttentionKind.Other ? "needs a call about their travel to sessions." : null };
            var key = $"wording-{candidate}#{++step}";
            Assert.True(await RunAsync<AlertAdvisor, Keyed<AdvisorAlert>>(app, new(key, alert)), kind.ToString());
            var sent = (await MailForAsync(app, "advisors")).Single(m => m.Key == key);
            rendered.Add(("advisor-alert", sent.Subject, sent.Text, sent.Html));
        }
        // Undeliverable addresses alert the same mailbox.
        await app.Services.GetRequiredService<IUndeliverableAddressHandler>().HandleAsync(candidate, "bounce", $"wording-{candidate}", default);
        var bounced = (await MailForAsync(app, "advisors")).Single(m => m.Key == $"undeliverable:wording-{candidate}");
        rendered.Add(("advisor-alert", bounced.Subject, bounced.Text, bounced.Html));
        // Nothing sends this one yet; rendered with what a finance alert would say.
        var templates = app.Services.GetRequiredService<EmailTemplates>();
        var expiry = templates.Render("finance-expiry-warning", new Dictionary<string, string>
        {
            ["amount"] = "50,000.12", ["employerName"] = "Demo County Council", ["expiryMonth"] = "March 2027", ["forecastLink"] = "http://localhost:7071/finance/employers/demo",
        });
        rendered.Add(("finance-expiry-warning", expiry.Subject, expiry.Text, expiry.Html));

        Assert.Equal(templates.Names.Order(), rendered.Select(r => r.Template).Distinct().Order());
        var problems = rendered.SelectMany(r => Problems(r.Template, r.Subject, r.Text).Concat(Problems(r.Template + " (html)", r.Subject, TextOf(r.Html)))).Distinct().ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_reader_catches_what_it_is_for()
    {
        Assert.Contains(Problems("t", "Your cohort", "You start as part of the Adult care intake intake."), p => p.Contains("'intake intake'"));
        Assert.Contains(Problems("t", "Your result", "Well done.\n\nyour advisor will be in touch."), p => p.Contains("lower case"));
        Assert.Contains(Problems("t", "Your result", "Done. your advisor will be in touch."), p => p.Contains("lower case"));
        Assert.Contains(Problems("t", "Nudge", "If you do not want to take part, you can ignore this email."), p => p.Contains("promise"));
        Assert.Contains(Problems("t", "Result", "Completed: CompletedSuccessful."), p => p.Contains("code name"));
        Assert.Empty(Problems("t", "Reminder: your session", "Hello Amira,\n\nPlease confirm here:\nhttps://hub.example/l/abc.def\n\nThe link works for 14 days."));
    }

    /// <summary>What reads wrong in an email's subject and text.</summary>
    private static IEnumerable<string> Problems(string template, string subject, string text)
    {
        foreach (var part in new[] { subject, text })
        {
            var words = Link().Replace(part, "Link");
            foreach (Match doubled in Doubled().Matches(words))
                yield return $"{template}: '{doubled.Value}' repeats a word in: {Around(words, doubled.Index)}";
            foreach (Match start in SentenceStart().Matches(words))
                if (char.IsLower(start.Groups[1].Value[0]))
                    yield return $"{template}: a sentence starts in lower case: {Around(words, start.Groups[1].Index)}";
            foreach (Match code in CodeName().Matches(words))
                yield return $"{template}: code name '{code.Value}' in: {Around(words, code.Index)}";
            foreach (var (phrase, why) in BrokenPromises)
                if (phrase.Match(words) is { Success: true } broken)
                    yield return $"{template}: a promise the workflow does not keep ('{broken.Value}': {why})";
        }
    }

    private static string TextOf(string html)
    {
        var body = html[(html.IndexOf("<body", StringComparison.Ordinal))..];
        return WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(body, "</p>", "\n"), "<[^>]+>", "")).Trim();
    }

    private static string Around(string text, int at) => text.Substring(Math.Max(0, at - 30), Math.Min(text.Length - Math.Max(0, at - 30), 70)).Replace('\n', ' ');

    private static Task<bool> RunAsync<TActivity, TIn>(WebApplicationFactory<Program> app, TIn input) where TActivity : TaskActivity<TIn, bool> =>
        ActivatorUtilities.CreateInstance<TActivity>(app.Services).RunAsync(new StepContext(typeof(TActivity).Name), input);

    private sealed class StepContext(string name) : TaskActivityContext
    {
        public override TaskName Name { get; } = name;
        public override string InstanceId => "wording";
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    [GeneratedRegex(@"\b(\w+)\s+\1\b", RegexOptions.IgnoreCase)]
    private static partial Regex Doubled();

    // The first letter of the text, of each line, and after a full stop, question or exclamation mark.
    [GeneratedRegex(@"(?:^|\n|[.!?]\s+)\s*([A-Za-z])")]
    private static partial Regex SentenceStart();

    // A word with a capital inside it, as enum names have (CompletedSuccessful, JobcentreWorkCoach).
    [GeneratedRegex(@"\b[A-Z][a-z]+[A-Z][A-Za-z]*\b")]
    private static partial Regex CodeName();
}
