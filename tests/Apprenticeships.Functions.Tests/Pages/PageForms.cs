using System.Net;
using System.Text.RegularExpressions;
using Apprenticeships.Application;
using Apprenticeships.Application.Programmes;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Functions.Tests.Security;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Programmes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Pages;

/// <summary>What the page tests share: posting a page's form as a browser would, and reading what was stored.</summary>
internal static partial class PageForms
{
    /// <summary>Opens <paramref name="formPage"/>, then posts <paramref name="fields"/> to <paramref name="action"/> with the page's anti-forgery token.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient browser, string formPage, string action, Dictionary<string, string> fields) =>
        SignIn.PostFormAsync(browser, formPage, action, fields);

    /// <summary>The names of the radio groups on a page (each member's attendance, say).</summary>
    public static List<string> RadioNames(string page) =>
        Radio().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();

    /// <summary>The messages of the page's error summary, decoded.</summary>
    public static List<string> Summary(string page) =>
        SummaryItem().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[2].Value)).ToList();

    /// <summary>The fields the error summary links to.</summary>
    public static List<string> SummaryFields(string page) =>
        SummaryItem().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    /// <summary>The error message shown beside a field.</summary>
    public static string? ErrorBeside(string page, string field) =>
        new Regex($"id=\"{Regex.Escape(field)}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> ([^<]*)</p>").Match(page) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public static Task<List<ProgrammeRecord>> RecordsAsync(this WebApplicationFactory<Program> app, string candidateId) =>
        app.Services.GetRequiredService<ProgrammeRecords>().ForCandidateAsync(candidateId);

    public static async Task<Candidate> CandidateAsync(this WebApplicationFactory<Program> app, string candidateId) =>
        (await app.Services.GetRequiredService<CandidateStore>().GetAsync(candidateId))!;

    /// <summary>Waits for the candidate's journey to move them to <paramref name="stage"/> (it does so in the background).</summary>
    public static async Task<Candidate> UntilStageAsync(this WebApplicationFactory<Program> app, string candidateId, CandidateStage stage)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(100))
        {
            var candidate = await app.CandidateAsync(candidateId);
            if (candidate.Stage == stage) return candidate;
            Assert.True(DateTime.UtcNow < deadline, $"{candidateId} is {candidate.Stage}, not {stage}, after 60 s.");
        }
    }

    public static string Day(this WebApplicationFactory<Program> app, int days) =>
        app.Services.GetRequiredService<TimeProvider>().Today().AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static Dictionary<string, string> DateBoxes(string name, DateOnly date) => new()
    {
        [$"{name}-day"] = date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{name}-month"] = date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"{name}-year"] = date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static DateOnly Today(this WebApplicationFactory<Program> app) => app.Services.GetRequiredService<TimeProvider>().Today();

    public static bool HasAttendance(this IEnumerable<ProgrammeRecord> records, string academyId, string date) =>
        records.Any(r => r.Key == RecordKeys.Attendance(academyId, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [GeneratedRegex("<input class=\"govuk-radios__input\" id=\"[^\"]*\" name=\"([^\"]+)\"")]
    private static partial Regex Radio();

    [GeneratedRegex("<li><a href=\"#([^\"]*)\">([^<]*)</a></li>")]
    private static partial Regex SummaryItem();
}
