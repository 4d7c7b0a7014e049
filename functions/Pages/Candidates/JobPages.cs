using System.Globalization;

namespace Apprenticeships.Functions.Pages.Candidates;

/// <summary>
/// A candidate's job: recording the start (<see cref="CandidateAssignments.RecordJobStartAsync"/>)
/// and the advisor's answers to the 13- and 26-week sustainment checks (<see cref="SustainmentAnswers"/>).
/// </summary>
public static class JobPages
{
    private static readonly string[] JobStartFields = ["startDate", "employerId"];
    private static readonly string[] SustainmentFields = ["week", "inWork"];

    public static IEndpointRouteBuilder MapJobPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/candidates/{id}").RequireAuthorization(StaffPolicies.Candidates).AddEndpointFilter<PersonalDataAudit>();

        group.MapGet("/job-start", async (HttpContext http, string id, CandidateQueries candidates, CancellationToken ct) =>
            await candidates.GetAsync(id, ct) is { } c ? await JobStartAsync(http, c, new(), [], ct) : NotFound(http));

        group.MapPost("/job-start", async (HttpContext http, string id, IFormCollection form, CandidateQueries candidates, CandidateAssignments assignments, CancellationToken ct) =>
        {
            if (await candidates.GetAsync(id, ct) is not { } candidate) return NotFound(http);
            var values = PageParts.Values(form);
            var (start, dateProblem) = PageParts.DateFromBoxes(values, "startDate", "Start date");
            // A start date the boxes could not make is sent as none: the command refuses it (required) and saves nothing.
            var recorded = await assignments.RecordJobStartAsync(candidate.Id, new RecordJobStart(start, values.GetValueOrDefault("employerId")), ct);
            if (recorded.Succeeded) return Results.Redirect($"/candidates/{candidate.Id}/sustainment?started=1");
            var errors = PageParts.With(PageParts.OnFields(recorded.Problem!.Errors, JobStartFields, "startDate"), [("startDate", dateProblem)]);
            return await JobStartAsync(http, candidate, values, errors, ct);
        });

        group.MapGet("/sustainment", async (HttpContext http, string id, string? started, string? recorded, CandidateQueries candidates, JobProgressQuery jobs, CancellationToken ct) =>
        {
            if (await candidates.GetAsync(id, ct) is not { } c) return NotFound(http);
            var notice = started == "1" ? $"Job start recorded. {c.GivenName} is in work; the checks below follow."
                : int.TryParse(recorded, NumberStyles.None, CultureInfo.InvariantCulture, out var week) && SustainmentChecks.CheckWeeks.Contains(week) ? $"{week}-week check recorded."
                : null;
            return Sustainment(http, c, await jobs.OfAsync(c.Id, ct), new(), [], notice);
        });

        group.MapPost("/sustainment", async (HttpContext http, string id, IFormCollection form, CandidateQueries candidates, JobProgressQuery jobs, SustainmentAnswers answers, CancellationToken ct) =>
        {
            if (await candidates.GetAsync(id, ct) is not { } candidate) return NotFound(http);
            var values = PageParts.Values(form);
            var week = values.GetValueOrDefault("week") is { Length: > 0 } w ? int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1 : (int?)null;
            var inWork = values.GetValueOrDefault("inWork") switch { "true" => true, "false" => false, _ => (bool?)null };
            var answered = await answers.RecordAsync(candidate.Id, new RecordSustainment(week, inWork), ct);
            if (answered.Succeeded) return Results.Redirect($"/candidates/{candidate.Id}/sustainment?recorded={answered.Done.Value.Week}");
            return Sustainment(http, candidate, await jobs.OfAsync(candidate.Id, ct), values, PageParts.OnFields(answered.Problem!.Errors, SustainmentFields, "week"), null);
        });
        return app;
    }

    private static async Task<IResult> JobStartAsync(HttpContext http, Candidate c, Dictionary<string, string?> v, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var name = $"{c.GivenName} {c.FamilyName}";
        if (c.Stage != CandidateStage.Engaged && errors.Count == 0)
            return PageLayout.Render(http, "Record a job start", Html.Of($"""
                <span class="govuk-caption-l">{name}</span>
                <h1 class="govuk-heading-l">Record a job start</h1>
                <p class="govuk-body" id="not-engaged">Only an engaged candidate, one not on an academy, cohort or job, can start a job from here. {name} is {StageNames.Of(c.Stage).ToLowerInvariant()}.</p>
                {(c.Stage == CandidateStage.InWork ? Html.Of($"<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/candidates/{c.Id}/sustainment\">See their job and sustainment checks</a></p>") : Html.Empty)}
                <p class="govuk-body"><a class="govuk-link" href="/candidates/{c.Id}">Back to {name}</a></p>
                """), HttpMethods.IsPost(http.Request.Method) ? StatusCodes.Status409Conflict : StatusCodes.Status200OK);
        // After an academy, the job is most likely with the academy's employer.
        if (!v.ContainsKey("employerId") && c.AcademyId is { } academyId
            && await http.RequestServices.GetRequiredService<ProgrammeQueries>().AcademyRecordAsync(academyId, ct) is { } academy)
            v["employerId"] = academy.EmployerId;
        var employers = await Programmes.ProgrammeAdminPages.EmployersAsync(http, ct);
        return PageLayout.Render(http, $"Record a job start for {name}", Html.Of($"""
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              {FormFields.ErrorSummary(errors, JobStartFields)}
              <span class="govuk-caption-l">{name}</span>
              <h1 class="govuk-heading-l">Record a job start</h1>
              <p class="govuk-body">{c.GivenName} will be in work from the start date, with sustainment checks 13 and 26 weeks after it.</p>
              <form method="post" action="/candidates/{c.Id}/job-start" novalidate>
                {PageLayout.Antiforgery(http)}
                {FormFields.Date("startDate", "Start date", PageParts.Boxes(v, "startDate"), errors, hint: $"Within {CandidateAssignments.JobStartWindowDays} days of today, for example 27 3 2026")}
                {FormFields.Select("employerId", "Employer", employers, v.GetValueOrDefault("employerId"), errors, hint: "Not listed? An administrator adds employers under Employers.")}
                {FormFields.Button("Record job start")}
              </form>
              <p class="govuk-body"><a class="govuk-link" href="/candidates/{c.Id}">Back to {name}</a></p>
            </div></div>
            """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);
    }

    private static IResult Sustainment(HttpContext http, Candidate c, JobProgress? job, Dictionary<string, string?> v, Dictionary<string, string[]> errors, string? notice)
    {
        var name = $"{c.GivenName} {c.FamilyName}";
        var status = errors.Count == 0 ? StatusCodes.Status200OK : job is null ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        if (job is null)
            return PageLayout.Render(http, "Job and sustainment checks", Html.Of($"""
                {FormFields.ErrorSummary(errors)}
                <span class="govuk-caption-l">{name}</span>
                <h1 class="govuk-heading-l">Job and sustainment checks</h1>
                <p class="govuk-body" id="no-job">No job start is recorded for {name}.</p>
                {(c.Stage == CandidateStage.Engaged ? PageParts.ButtonLink($"/candidates/{c.Id}/job-start", "Record a job start") : Html.Empty)}
                <p class="govuk-body"><a class="govuk-link" href="/candidates/{c.Id}">Back to {name}</a></p>
                """), status, hasErrors: errors.Count > 0);

        var rows = job.Checks.Select(k => Html.Of($"""
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">{k.Week} weeks</th>
              <td class="govuk-table__cell">{PageParts.LongDate(k.Due)}</td>
              <td class="govuk-table__cell">{k.InWork switch
              {
                  true => Html.Of($"<strong class=\"govuk-tag govuk-tag--green\">In work</strong>"),
                  false => Html.Of($"<strong class=\"govuk-tag govuk-tag--grey\">Not in work</strong>"),
                  null when k.IsDue => Html.Of($"<strong class=\"govuk-tag govuk-tag--yellow\">Due</strong>"),
                  _ => Html.Of($"<strong class=\"govuk-tag govuk-tag--blue\">Not due yet</strong>"),
              }}</td>
            </tr>
            """));
        // The checks due and unanswered; after a refusal, every unanswered one, so the problem sits beside its field.
        var open = job.Checks.Where(k => k.InWork is null && (k.IsDue || errors.Count > 0)).ToList();
        var form = open.Count == 0
            ? Html.Of($"<p class=\"govuk-body\" id=\"next-check\">{(job.Checks.FirstOrDefault(k => !k.IsDue) is { } next ? $"The next check is due on {PageParts.LongDate(next.Due)}." : "Every check is recorded.")}</p>")
            : Html.Of($"""
                <h2 class="govuk-heading-m">Record a check</h2>
                <form method="post" action="/candidates/{c.Id}/sustainment" novalidate>
                  {PageLayout.Antiforgery(http)}
                  {FormFields.Radios("week", "Which check?", open.Select(k => (k.Week.ToString(CultureInfo.InvariantCulture), $"{k.Week}-week check, due {PageParts.LongDate(k.Due)}")),
                      v.GetValueOrDefault("week") ?? open[0].Week.ToString(CultureInfo.InvariantCulture), errors)}
                  {FormFields.Radios("inWork", $"Is {c.GivenName} still in work?", [("true", "Yes, still in work"), ("false", "No, no longer in work")], v.GetValueOrDefault("inWork"), errors,
                      hint: "Not in work closes their journey as left work; in work at 26 weeks completes it.")}
                  {FormFields.Button("Record check")}
                </form>
                """);
        return PageLayout.Render(http, $"Job and sustainment checks for {name}", Html.Of($"""
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              {FormFields.ErrorSummary(errors, SustainmentFields)}
              {(notice is null ? Html.Empty : PageParts.SuccessBanner(Html.Of($"{notice}")))}
              <span class="govuk-caption-l">{name}</span>
              <h1 class="govuk-heading-l">Job and sustainment checks</h1>
              <p class="govuk-body" id="stage">Stage: {StageNames.Tag(c.Stage)}</p>
              <dl class="govuk-summary-list">
                {PageParts.Row("Started", PageParts.LongDate(job.StartDate))}{PageParts.Row("Employer", job.EmployerName ?? "Not recorded")}
                {PageParts.Row("Route", job.ViaAcademy ? "After an academy" : "Direct")}
              </dl>
              <table class="govuk-table" id="checks">
                <caption class="govuk-table__caption govuk-table__caption--m">Sustainment checks</caption>
                <thead class="govuk-table__head"><tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">Check</th><th scope="col" class="govuk-table__header">Due</th><th scope="col" class="govuk-table__header">Answer</th>
                </tr></thead>
                <tbody class="govuk-table__body">{rows}</tbody>
              </table>
              {form}
              <p class="govuk-body"><a class="govuk-link" href="/candidates/{c.Id}">Back to {name}</a></p>
            </div></div>
            """), status, hasErrors: errors.Count > 0);
    }

    private static IResult NotFound(HttpContext http) => PageParts.NotFound(http, "Candidate", "/candidates", "Find a candidate");
}
