using System.Globalization;
using Apprenticeships.Application.Progression.Commands;
using Apprenticeships.Application.Progression.Queries;
using Apprenticeships.Domain.Progression;

namespace Apprenticeships.Functions.Pages.Employers;

/// <summary>
/// An employer's in-work progression for advisors: its training-needs reviews, the people followed
/// (with a page each for their training, pay and hours, check-ins and leaving), and its headcount
/// returns. Every form posts to the same commands as the API and, refused, shows the command's
/// problems beside its own fields; saved, it goes back to the page with a banner.
/// </summary>
public static class ProgressionPages
{
    private static readonly string[] ReviewFields = ["date", "needs", "plan"];
    private static readonly string[] StaffFields = ["name", "jobTitle", "from"];
    private static readonly string[] PlacedFields = ["candidateId"];
    private static readonly string[] HeadcountFields = ["date", "headcount", "leavers"];

    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["review"] = "Training-needs review recorded.",
        ["person"] = "Now following them: the employer is asked about their progress every " + PipelinePolicy.ProgressionIntervalWeeks + " weeks.",
        ["headcount"] = "Headcount return recorded.",
    };

    public static IEndpointRouteBuilder MapProgressionPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/employers/{employerId}/progression").RequireAuthorization(StaffPolicies.Candidates);
        group.MapGet("", async (HttpContext http, string employerId, string? saved, ProgressionQueries queries, CancellationToken ct) =>
            await queries.ForEmployerAsync(employerId, ct) is { Succeeded: true } found
                ? EmployerPage(http, found.Done, null, Notices.GetValueOrDefault(saved ?? ""))
                : NotFound(http));

        group.MapPost("/reviews", async (HttpContext http, string employerId, IFormCollection form, TrainingNeedsReviews reviews, ProgressionQueries queries, CancellationToken ct) =>
        {
            var v = PageParts.Values(form);
            var (date, dateProblem) = PageParts.DateFromBoxes(v, "review-date", "Review date");
            var needs = (v.GetValueOrDefault("review-needs") ?? "").Split('\n').Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
            var staffId = http.User.FindFirst(StaffClaims.Id)?.Value;
            var recorded = await reviews.RecordAsync(employerId, new RecordReview(date, needs, v.GetValueOrDefault("review-plan"), staffId), ct);
            return await AfterAsync(http, employerId, recorded.Problem, "review", ReviewFields, v, [("review-date", dateProblem)], queries, ct);
        });

        group.MapPost("/participants", async (HttpContext http, string employerId, IFormCollection form, ProgressionParticipants participants, ProgressionQueries queries, CancellationToken ct) =>
        {
            var v = PageParts.Values(form);
            var placed = v.ContainsKey("placed-candidateId");
            var command = placed
                ? new AddParticipant(ParticipantKind.PlacedCandidate, v.GetValueOrDefault("placed-candidateId"), null, null, null)
                : new AddParticipant(ParticipantKind.EmployerStaff, null, v.GetValueOrDefault("staff-name"), v.GetValueOrDefault("staff-jobTitle"), null);
            var added = await participants.AddAsync(employerId, command, ct);
            if (added.Succeeded) return Results.Redirect($"/employers/{employerId}/progression/{added.Done.Id}?saved=person");
            return await AfterAsync(http, employerId, added.Problem, placed ? "placed" : "staff", placed ? PlacedFields : StaffFields, v, [], queries, ct);
        });

        group.MapPost("/headcount", async (HttpContext http, string employerId, IFormCollection form, HeadcountReturns returns, ProgressionQueries queries, CancellationToken ct) =>
        {
            var v = PageParts.Values(form);
            var (date, dateProblem) = PageParts.DateFromBoxes(v, "headcount-date", "Date");
            var (headcount, headcountProblem) = PageParts.Whole(v.GetValueOrDefault("headcount-headcount"), "Headcount");
            var (leavers, leaversProblem) = PageParts.Whole(v.GetValueOrDefault("headcount-leavers"), "Leavers");
            var own = new[] { ("headcount-date", dateProblem), ("headcount-headcount", headcountProblem), ("headcount-leavers", leaversProblem) };
            if (own.Any(o => o.Item2 is not null))
                return await AfterAsync(http, employerId, Problem.Invalid(new Dictionary<string, string[]>()), "headcount", HeadcountFields, v, own, queries, ct);
            var recorded = await returns.RecordAsync(employerId, new RecordHeadcount(date, headcount, leavers), ct);
            return await AfterAsync(http, employerId, recorded.Problem, "headcount", HeadcountFields, v, own, queries, ct);
        });

        ParticipantProgressionPage.Map(group);
        return app;
    }

    /// <summary>Back to the page with a banner when saved; else the page again with the problems beside the form's fields (404 for an unknown employer).</summary>
    private static async Task<IResult> AfterAsync(HttpContext http, string employerId, Problem? problem, string form, string[] fields,
        Dictionary<string, string?> values, IEnumerable<(string Field, string? Problem)> own, ProgressionQueries queries, CancellationToken ct)
    {
        if (problem is null) return Results.Redirect($"/employers/{employerId}/progression?saved={form}");
        if (problem.Kind == ProblemKind.NotFound && problem.Errors.ContainsKey("employerId")) return NotFound(http);
        if (await queries.ForEmployerAsync(employerId, ct) is not { Succeeded: true } found) return NotFound(http);
        return EmployerPage(http, found.Done, new FormState(form, values, PageParts.With(Shown(problem, form, fields), own)), null);
    }

    /// <summary>The command's problems under the form's own field names ("review-date"), anything else on its first field.</summary>
    internal static Dictionary<string, string[]> Shown(Problem problem, string form, string[] fields) =>
        PageParts.OnFields(problem.Errors, fields, fields[0]).ToDictionary(e => $"{form}-{e.Key}", e => e.Value, StringComparer.Ordinal);

    /// <summary>A form posted and refused: which one, what was typed, and its problems.</summary>
    internal sealed record FormState(string Form, Dictionary<string, string?> Values, Dictionary<string, string[]> Errors)
    {
        public static readonly Dictionary<string, string[]> NoErrors = new();

        public Dictionary<string, string[]> ErrorsOf(string form) => Form == form ? Errors : NoErrors;

        public string? Value(string name) => Values.GetValueOrDefault(name);
    }

    internal static IResult NotFound(HttpContext http) => PageParts.NotFound(http, "Employer", "/", "Back to the board");

    private static IResult EmployerPage(HttpContext http, EmployerProgression p, FormState? state, string? notice)
    {
        var id = p.Employer.Id;
        var errors = state?.Errors ?? FormState.NoErrors;
        var today = PageParts.Iso(DateOnly.FromDateTime(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        // Today in every date, and what was typed into the form that was refused (other forms start afresh).
        var v = new Dictionary<string, string?> { ["review-date"] = today, ["headcount-date"] = today };
        foreach (var (field, value) in state?.Values.Where(f => f.Key.StartsWith(state.Form + "-", StringComparison.Ordinal)) ?? []) v[field] = value;
        if (state is not null) foreach (var field in v.Keys.Where(k => k.StartsWith(state.Form + "-", StringComparison.Ordinal) && !state.Values.ContainsKey(k)).ToList()) v.Remove(field);
        Dictionary<string, string[]> E(string form) => state?.ErrorsOf(form) ?? FormState.NoErrors;

        var reviews = p.Reviews.Count == 0
            ? Html.Of($"<p class=\"govuk-body\" id=\"no-reviews\">No training-needs review is recorded yet.</p>")
            : Html.Join(p.Reviews.Select(r => Html.Of($"""
                <dl class="govuk-summary-list govuk-!-margin-bottom-6">
                  {PageParts.Row("Reviewed on", PageParts.LongDate(r.Date))}
                  {PageParts.Row("Needs", Html.Of($"<ul class=\"govuk-list govuk-list--bullet\">{Html.Join(r.Needs.Select(n => Html.Of($"<li>{n}</li>")))}</ul>"))}
                  {PageParts.Row("Agreed plan", r.Plan)}
                  {PageParts.Row("Advisor", r.AdvisorId)}
                </dl>
                """)));
        var people = p.Participants.Count == 0
            ? Html.Of($"<p class=\"govuk-body\" id=\"no-participants\">Nobody is followed at this employer yet.</p>")
            : Html.Of($"""
                <table class="govuk-table" id="participants">
                  <caption class="govuk-table__caption govuk-visually-hidden">People followed in work</caption>
                  <thead class="govuk-table__head"><tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">Person</th><th scope="col" class="govuk-table__header">Followed from</th>
                    <th scope="col" class="govuk-table__header">Training completed</th><th scope="col" class="govuk-table__header">Status</th>
                  </tr></thead>
                  <tbody class="govuk-table__body">{Html.Join(p.Participants.Select(person => Html.Of($"""
                    <tr class="govuk-table__row">
                      <th scope="row" class="govuk-table__header"><a class="govuk-link" href="/employers/{id}/progression/{person.Id}">{ParticipantProgressionPage.NameOf(person)}</a></th>
                      <td class="govuk-table__cell">{PageParts.LongDate(person.From)}</td>
                      <td class="govuk-table__cell">{person.Training.Count(t => t.CompletedOn is not null)} of {person.Training.Count}</td>
                      <td class="govuk-table__cell">{ParticipantProgressionPage.Status(person)}</td>
                    </tr>
                    """)))}</tbody>
                </table>
                """);
        var returns = p.HeadcountReturns.Count == 0
            ? Html.Of($"<p class=\"govuk-body\" id=\"no-returns\">No headcount return is recorded yet.</p>")
            : Html.Of($"""
                <table class="govuk-table" id="headcount-returns">
                  <caption class="govuk-table__caption govuk-visually-hidden">Headcount returns</caption>
                  <thead class="govuk-table__head"><tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">Date</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">Headcount</th>
                    <th scope="col" class="govuk-table__header govuk-table__header--numeric">Leavers since the previous return</th>
                  </tr></thead>
                  <tbody class="govuk-table__body">{Html.Join(p.HeadcountReturns.Select(r => Html.Of($"""
                    <tr class="govuk-table__row"><td class="govuk-table__cell">{PageParts.LongDate(r.Date)}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{r.Headcount.ToString(CultureInfo.InvariantCulture)}</td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{r.Leavers.ToString(CultureInfo.InvariantCulture)}</td></tr>
                    """)))}</tbody>
                </table>
                """);

        return PageLayout.Render(http, $"In-work progression at {p.Employer.Name}", Html.Of($"""
            {(notice is null ? Html.Empty : PageParts.SuccessBanner(Html.Of($"{notice}")))}
            {FormFields.ErrorSummary(errors)}
            <span class="govuk-caption-l">{p.Employer.Name}</span>
            <h1 class="govuk-heading-l">In-work progression</h1>
            <p class="govuk-body">The employer's primary contact is asked every {PipelinePolicy.ProgressionIntervalWeeks} weeks, for a year, what training, pay or hours have changed for each person followed; advisors are alerted when nobody answers within {PipelinePolicy.ProgressionChaseDays} days.</p>

            <h2 class="govuk-heading-m">People followed</h2>
            {people}
            <div class="govuk-grid-row"><div class="govuk-grid-column-one-half">
              <form method="post" action="/employers/{id}/progression/participants" novalidate>
                {PageLayout.Antiforgery(http)}
                <h3 class="govuk-heading-s">Follow a member of their staff</h3>
                {FormFields.Text("staff-name", "Name", v.GetValueOrDefault("staff-name"), E("staff"), autocomplete: "off", width: "govuk-input--width-20")}
                {FormFields.Text("staff-jobTitle", "Job title", v.GetValueOrDefault("staff-jobTitle"), E("staff"), width: "govuk-input--width-20")}
                {FormFields.Button("Follow this member of staff", secondary: true)}
              </form>
            </div><div class="govuk-grid-column-one-half">
              <form method="post" action="/employers/{id}/progression/participants" novalidate>
                {PageLayout.Antiforgery(http)}
                <h3 class="govuk-heading-s">Follow a candidate the hub placed here</h3>
                {FormFields.Text("placed-candidateId", "Candidate id", v.GetValueOrDefault("placed-candidateId"), E("placed"), hint: "They are followed from their recorded job start.", width: "govuk-input--width-20", spellcheck: false)}
                {FormFields.Button("Follow this candidate", secondary: true)}
              </form>
            </div></div>

            <h2 class="govuk-heading-m">Training-needs reviews</h2>
            {reviews}
            <form method="post" action="/employers/{id}/progression/reviews" novalidate>
              {PageLayout.Antiforgery(http)}
              <h3 class="govuk-heading-s">Record a review</h3>
              {FormFields.Date("review-date", "Review date", PageParts.Boxes(v, "review-date"), E("review"), hint: "For example 27 3 2026")}
              {FormFields.TextArea("review-needs", "Training needs", v.GetValueOrDefault("review-needs"), E("review"), hint: $"One to a line, at most {TrainingNeedsReviews.MostNeeds}. About roles and skills: name nobody.")}
              {FormFields.TextArea("review-plan", "Agreed plan", v.GetValueOrDefault("review-plan"), E("review"))}
              {FormFields.Button("Record review", secondary: true)}
            </form>

            <h2 class="govuk-heading-m">Headcount returns</h2>
            {returns}
            <form method="post" action="/employers/{id}/progression/headcount" novalidate>
              {PageLayout.Antiforgery(http)}
              <h3 class="govuk-heading-s">Record a headcount return</h3>
              {FormFields.Date("headcount-date", "Date", PageParts.Boxes(v, "headcount-date"), E("headcount"), hint: "A second return for the same day corrects the first.")}
              {FormFields.Text("headcount-headcount", "Headcount", v.GetValueOrDefault("headcount-headcount"), E("headcount"), width: "govuk-input--width-5")}
              {FormFields.Text("headcount-leavers", "Leavers since the previous return", v.GetValueOrDefault("headcount-leavers"), E("headcount"), width: "govuk-input--width-5")}
              {FormFields.Button("Record return", secondary: true)}
            </form>
            """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);
    }
}
