
namespace Apprenticeships.Functions.Pages.Candidates;

/// <summary>One candidate: their details, their journey so far, and what an advisor can do next.</summary>
public static class CandidatePage
{
    public static IEndpointRouteBuilder MapCandidatePage(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/candidates/{id}").RequireAuthorization(StaffPolicies.Candidates).AddEndpointFilter<PersonalDataAudit>();
        group.MapGet("", async (HttpContext http, string id, string? enrolled, CandidateQueries candidates, CancellationToken ct) =>
            await candidates.GetAsync(id, ct) is { } c ? await RenderAsync(http, c, [], enrolled == "1" ? "Candidate enrolled. Their welcome email is on its way." : null, ct) : NotFound(http));

        group.MapPost("/withdraw", async (HttpContext http, string id, IFormCollection form, CandidateQueries candidates, CandidateWithdrawal withdrawal, CancellationToken ct) =>
        {
            if (await candidates.GetAsync(id, ct) is not { } candidate) return NotFound(http);
            return (await withdrawal.WithdrawAsync(id, new WithdrawCandidate(form["reason"]), ct)).Problem is { } problem
                ? await RenderAsync(http, candidate, new() { ["reason"] = [problem.Detail] }, null, ct)
                : Results.Redirect($"/candidates/{id}");
        });

        group.MapPost("/journey/retry", async (HttpContext http, string id, CandidateQueries candidates, JourneyRetry retry, CancellationToken ct) =>
        {
            if (await candidates.GetAsync(id, ct) is not { } candidate) return NotFound(http);
            return (await retry.RetryAsync(id, ct)).Problem is { } problem
                ? await RenderAsync(http, candidate, new() { ["retry"] = [problem.Detail] }, null, ct)
                : Results.Redirect($"/candidates/{id}");
        });

        group.MapPost("/assign", async (HttpContext http, string id, IFormCollection form, CandidateQueries candidates, CandidateAssignments assignments, CancellationToken ct) =>
        {
            if (await candidates.GetAsync(id, ct) is not { } candidate) return NotFound(http);
            var result = form["programme"].ToString().Split(':', 2) switch
            {
                ["academy", var a] => await assignments.AddToAcademyAsync(a, new AddMember(id), ct),
                ["cohort", var k] => await assignments.AddToCohortAsync(k, new AddMember(id), ct),
                _ => null,
            };
            if (result is { Succeeded: true }) return Results.Redirect($"/candidates/{id}");
            var problem = result?.Problem is { Kind: not ProblemKind.NotFound } refused ? refused.Detail : "Choose an academy or cohort.";
            return await RenderAsync(http, candidate, new() { ["programme"] = [problem] }, null, ct);
        });
        return app;
    }

    private static async Task<IResult> RenderAsync(HttpContext http, Candidate c, Dictionary<string, string[]> errors, string? notice, CancellationToken ct)
    {
        var services = http.RequestServices;
        var events = (await services.GetRequiredService<CandidateQueries>().HistoryAsync(c.Id, ct)).Value ?? [];
        var names = await services.GetRequiredService<ProgrammeNames>().LoadAsync(ct);
        // A workflow step that kept failing after its retries stops the journey: staff must see why.
        var journey = await services.GetRequiredService<IWorkflows>().JourneyAsync(c.Id, ct);
        var failure = journey is { Failure: { } reason } ? Html.Of($"""
            <div class="govuk-warning-text" id="journey-failed">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> This candidate's workflow stopped on an error: {reason}</strong>
            </div>
            <form method="post" action="/candidates/{c.Id}/journey/retry" novalidate>
              {PageLayout.Antiforgery(http)}
              <p class="govuk-body">Put right what the error names, then run the journey again from the step that failed.</p>
              {FormFields.Button("Retry the journey")}
            </form>
            """) : Html.Empty;
        var timeline = events.Select(e => Html.Of($"""
            <li class="app-timeline__item" data-kind="{e.Kind}">
              <p class="govuk-body govuk-!-margin-bottom-1"><strong>{StageNames.When(e.At)}</strong> {TimelineLabel(e)}</p>
              <p class="govuk-body">{e.What}</p>
            </li>
            """));

        Html assign = Html.Empty;
        if (c.Stage == CandidateStage.Engaged)
        {
            var (academies, cohorts) = await services.GetRequiredService<ProgrammeQueries>().OpenAsync(ct);
            var options = new[] { ("", "Choose…") }
                .Concat(academies.Select(a => ($"academy:{a.Id}", $"Academy: {a.Name} ({a.EmployerName}), starts {a.Starts:d MMM yyyy}")))
                .Concat(cohorts.Select(k => ($"cohort:{k.Id}", $"Cohort: {k.Name} ({k.StandardName}), starts {k.StartDate:d MMM yyyy}")));
            assign = Html.Of($"""
                <h2 class="govuk-heading-m">Assign to an academy or cohort</h2>
                <form method="post" action="/candidates/{c.Id}/assign" novalidate>
                  {PageLayout.Antiforgery(http)}
                  {FormFields.Select("programme", "Academy or cohort", options, null, errors)}
                  {FormFields.Button("Assign")}
                </form>
                """);
        }
        var withdraw = c.Stage.IsClosed() ? Html.Empty : Html.Of($"""
            <h2 class="govuk-heading-m">Withdraw from the programme</h2>
            <form method="post" action="/candidates/{c.Id}/withdraw" novalidate>
              {PageLayout.Antiforgery(http)}
              {FormFields.TextArea("reason", "Reason for withdrawal", null, errors)}
              {FormFields.Button("Withdraw candidate", warning: true)}
            </form>
            """);
        var banner = notice is null ? Html.Empty : Html.Of($"""
            <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="notice-title" data-module="govuk-notification-banner">
              <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="notice-title">Success</h2></div>
              <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">{notice}</p></div>
            </div>
            """);
        // Links to the advisor's pages for the candidate's stage and programmes.
        var links = new (bool Shows, string Href, string Text)[]
        {
            (c.Stage == CandidateStage.Engaged, $"/candidates/{c.Id}/job-start", "Record a job start"),
            (c.Stage == CandidateStage.InSwap && c.AcademyId is not null, $"/candidates/{c.Id}/academy-outcome", "Record the academy outcome"),
            (c.Stage == CandidateStage.InWork, $"/candidates/{c.Id}/sustainment", "Job and sustainment checks"),
            (c.AcademyId is not null, $"/academies/{c.AcademyId}", $"See academy {c.AcademyId}"),
            (c.CohortId is not null, $"/cohorts/{c.CohortId}", $"See cohort {c.CohortId}"),
            (!c.Stage.IsClosed(), $"/candidates/{c.Id}/interests", "Change sector interests"),
        }.Where(l => l.Shows).Select(l => Html.Of($"<li><a class=\"govuk-link\" href=\"{l.Href}\">{l.Text}</a></li>")).ToList();
        Html Row(string key, object? value) => Html.Of($"<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">{key}</dt><dd class=\"govuk-summary-list__value\">{value}</dd></div>");
        return PageLayout.Render(http, $"{c.GivenName} {c.FamilyName}", Html.Of($"""
            {FormFields.ErrorSummary(errors)}
            {banner}
            <span class="govuk-caption-l">Candidate {c.Id}</span>
            <h1 class="govuk-heading-l">{c.GivenName} {c.FamilyName}</h1>
            <p class="govuk-body" id="stage">Stage: {StageNames.Tag(c.Stage)}</p>
            <dl class="govuk-summary-list">
              {Row("Email", c.Email)}{Row("Postcode", c.Postcode)}{Row("Date of birth", c.DateOfBirth.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")))}
              {Row("Referred by", Words.Of(c.Source))}{Row("Advisor", c.AdvisorId)}{Row("Enrolled", StageNames.When(c.EnrolledAt))}
              {Row("Academy", c.AcademyId is null ? "None" : names.Academy(c.AcademyId))}{Row("Cohort", c.CohortId is null ? "None" : names.Cohort(c.CohortId))}
              {(c.WithdrawalReason is null ? Html.Empty : Row("Withdrawal reason", c.WithdrawalReason))}
              {Row("Sector interests", c.SectorInterests.Count == 0 ? "None recorded" : string.Join(", ", c.SectorInterests))}
            </dl>
            {(links.Count == 0 ? Html.Empty : Html.Of($"<ul class=\"govuk-list\" id=\"next-steps\">{links}</ul>"))}
            <h2 class="govuk-heading-m">Journey</h2>
            {failure}
            <ol class="govuk-list app-timeline" id="timeline">{timeline}</ol>
            {assign}
            {withdraw}
            """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);
    }

    /// <summary>What kind of event it is, beside its time: the stage moved to, or who was told.</summary>
    private static Html TimelineLabel(TimelineEvent e) => e.Kind switch
    {
        TimelineEventKind.Stage => StageNames.Tag(e.Stage),
        TimelineEventKind.Email => Html.Of($"<strong class=\"govuk-tag govuk-tag--grey\">Email to the candidate</strong>"),
        TimelineEventKind.Alert => Html.Of($"<strong class=\"govuk-tag govuk-tag--orange\">Advisors alerted</strong>"),
        _ => Html.Empty,
    };

    private static IResult NotFound(HttpContext http) => PageLayout.Render(http, "Candidate not found", Html.Of($"""
        <h1 class="govuk-heading-l">Candidate not found</h1>
        <p class="govuk-body"><a class="govuk-link" href="/candidates">Find a candidate</a></p>
        """), StatusCodes.Status404NotFound);
}
