using Apprenticeships.Application.Vacancies;
using Apprenticeships.Application.Vacancies.Commands;
using Apprenticeships.Application.Vacancies.Queries;
using Apprenticeships.Application.Employers.Queries;

namespace Apprenticeships.Functions.Pages.Vacancies;

/// <summary>
/// Advisors' vacancy pages: the list (open ones, one employer's), posting and editing a vacancy,
/// and one vacancy with the academies built for it, the people put forward and their decisions,
/// and the candidates who match it, each with a button to put them forward.
/// </summary>
public static class VacancyPages
{
    public static IEndpointRouteBuilder MapVacancyPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/vacancies").RequireAuthorization(StaffPolicies.Candidates);
        group.MapGet("", async (HttpContext http, string? open, string? employerId, VacancyQueries vacancies, EmployerQueries employers, CancellationToken ct) =>
        {
            var openOnly = open == "true";
            var employer = InputLimits.IsId(employerId) ? employerId : null;
            var found = (await vacancies.ListAsync(openOnly, employer, Actor.Hub, ct)).Value ?? [];
            return List(http, found, (await employers.ByIdAsync(ct)).Values.OrderBy(e => e.Name).ToList(), openOnly, employer);
        });

        group.MapGet("/new", async (HttpContext http, string? employerId, EmployerQueries employers, TimeProvider clock, CancellationToken ct) =>
            InputLimits.IsId(employerId) && await employers.RecordAsync(employerId!, ct) is { } employer
                ? Form(http, employer, null, new(), [], clock.Today())
                : await ChooseEmployerAsync(http, employers, employerId is null ? [] : new() { ["employerId"] = ["Choose the employer."] }, ct));
        group.MapPost("/new", async (HttpContext http, IFormCollection form, EmployerQueries employers, VacancyPosting posting, TimeProvider clock, CancellationToken ct) =>
        {
            var v = PageParts.Values(form);
            if (!InputLimits.IsId(v.GetValueOrDefault("employerId")) || await employers.RecordAsync(v["employerId"]!, ct) is not { } employer)
                return await ChooseEmployerAsync(http, employers, new() { ["employerId"] = ["Choose the employer."] }, ct);
            var (command, own) = VacancyForm.Read(v);
            var post = VacancyForm.ToPost(command, employer.Id);
            if (own.Any(o => o.Problem is not null)) return Form(http, employer, null, v, PageParts.With(await posting.CheckAsync(post, Actor.Hub, ct), own), clock.Today());
            var posted = await posting.PostAsync(post, Actor.Hub, ct);
            return posted.Problem is { } problem
                ? Form(http, employer, null, v, PageParts.OnFields(problem.Errors, VacancyForm.Fields, "role"), clock.Today())
                : Results.Redirect($"/vacancies/{posted.Done.Id}?saved=posted");
        });

        group.MapGet("/{id}", async (HttpContext http, string id, string? saved, string? decided, string? putForward,
            VacancyQueries vacancies, CancellationToken ct) =>
        {
            if ((await vacancies.DetailsAsync(id, Actor.Hub, ct)).Value is not { } details) return NotFound(http);
            var matches = (await vacancies.MatchesAsync(id, ct)).Value ?? [];
            Html notice = Html.Empty;
            if (details.PutForwards.FirstOrDefault(p => p.CandidateId == decided) is { } person)
                notice = VacancyParts.DecisionNotice(person, person.Decision == Domain.Vacancies.EmployerDecision.OfferAccepted
                    ? await vacancies.JobStartRecordedAsync(person.CandidateId, ct) : null);
            else if (details.PutForwards.FirstOrDefault(p => p.CandidateId == putForward) is { } sent)
                notice = PageParts.SuccessBanner(Html.Of($"<span id=\"put-forward-result\">{sent.Name} is put forward to the employer.</span>"));
            else notice = saved switch
            {
                "posted" => PageParts.SuccessBanner(Html.Of($"Vacancy posted.")),
                "edited" => PageParts.SuccessBanner(Html.Of($"Vacancy saved.")),
                "closed" => PageParts.SuccessBanner(Html.Of($"Vacancy closed: nobody more can be put forward.")),
                _ => Html.Empty,
            };
            return Details(http, details, matches, notice, []);
        });

        group.MapGet("/{id}/edit", async (HttpContext http, string id, VacancyQueries vacancies, EmployerQueries employers, TimeProvider clock, CancellationToken ct) =>
            await vacancies.FindAsync(id, Actor.Hub, ct) is { } vacancy && await employers.RecordAsync(vacancy.EmployerId, ct) is { } employer
                ? Form(http, employer, vacancy, VacancyForm.Values(vacancy), [], clock.Today())
                : NotFound(http));
        group.MapPost("/{id}/edit", async (HttpContext http, string id, IFormCollection form, VacancyQueries vacancies, EmployerQueries employers, VacancyPosting posting,
            TimeProvider clock, CancellationToken ct) =>
        {
            if (await vacancies.FindAsync(id, Actor.Hub, ct) is not { } vacancy || await employers.RecordAsync(vacancy.EmployerId, ct) is not { } employer) return NotFound(http);
            var v = PageParts.Values(form);
            var (command, own) = VacancyForm.Read(v);
            if (own.Any(o => o.Problem is not null)) return Form(http, employer, vacancy, v, PageParts.With(await posting.CheckAsync(VacancyForm.ToPost(command, employer.Id), Actor.Hub, ct), own), clock.Today());
            var edited = await posting.EditAsync(id, command, Actor.Hub, ct);
            return edited.Problem is { } problem
                ? Form(http, employer, vacancy, v, PageParts.OnFields(problem.Errors, VacancyForm.Fields, "role"), clock.Today())
                : Results.Redirect($"/vacancies/{id}?saved=edited");
        });

        group.MapPost("/{id}/close", async (HttpContext http, string id, VacancyPosting posting, CancellationToken ct) =>
            (await posting.CloseAsync(id, Actor.Hub, ct)).Succeeded ? Results.Redirect($"/vacancies/{id}?saved=closed") : NotFound(http));

        group.MapPost("/{id}/put-forward", async (HttpContext http, string id, IFormCollection form, PutForwards putForwards, VacancyQueries vacancies, CancellationToken ct) =>
        {
            var candidateId = form["candidateId"].ToString();
            var result = await putForwards.PutForwardAsync(id, new PutCandidateForward(candidateId, form["note"].ToString()), ct);
            if (result.Succeeded) return Results.Redirect($"/vacancies/{id}?putForward={Uri.EscapeDataString(candidateId)}");
            if ((await vacancies.DetailsAsync(id, Actor.Hub, ct)).Value is not { } details) return NotFound(http);
            // Shown above the matches, whichever field the command named: the form's only fields are the button and the note.
            return Details(http, details, (await vacancies.MatchesAsync(id, ct)).Value ?? [], Html.Empty, new() { ["matches"] = [result.Problem!.Detail] });
        });

        group.MapGet("/{id}/people/{candidateId}", async (HttpContext http, string id, string candidateId, VacancyQueries vacancies, TimeProvider clock, CancellationToken ct) =>
            (await vacancies.DetailsAsync(id, Actor.Hub, ct)).Value is { } details && details.PutForwards.FirstOrDefault(p => p.CandidateId == candidateId) is { } person
                ? VacancyParts.DecisionPage(http, details.View, person, $"/vacancies/{id}/people/{candidateId}", $"/vacancies/{id}", new(), [], clock.Today())
                : NotFound(http));
        group.MapPost("/{id}/people/{candidateId}", async (HttpContext http, string id, string candidateId, IFormCollection form, VacancyQueries vacancies,
            EmployerDecisions decisions, TimeProvider clock, CancellationToken ct) =>
        {
            if ((await vacancies.DetailsAsync(id, Actor.Hub, ct)).Value is not { } details || details.PutForwards.FirstOrDefault(p => p.CandidateId == candidateId) is not { } person)
                return NotFound(http);
            var v = PageParts.Values(form);
            var (command, own) = VacancyParts.ReadDecision(candidateId, v);
            var errors = new Dictionary<string, string[]>();
            if (own.All(o => o.Item2 is null))
            {
                var result = await decisions.RecordAsync(id, command, Actor.Hub, ct);
                if (result.Succeeded) return Results.Redirect($"/vacancies/{id}?decided={Uri.EscapeDataString(candidateId)}");
                errors = PageParts.OnFields(result.Problem!.Errors, VacancyParts.DecisionFields, "decision");
            }
            return VacancyParts.DecisionPage(http, details.View, person, $"/vacancies/{id}/people/{candidateId}", $"/vacancies/{id}", v, PageParts.With(errors, own), clock.Today());
        });
        return app;
    }

    private static IResult List(HttpContext http, List<VacancyView> found, List<Domain.Employers.Employer> employers, bool openOnly, string? employerId)
    {
        var rows = found.Select(f => Html.Of($"""
            <tr class="govuk-table__row">
              <td class="govuk-table__cell"><a class="govuk-link" href="/vacancies/{f.Vacancy.Id}">{f.Vacancy.Role}</a></td>
              <td class="govuk-table__cell">{f.EmployerName}</td><td class="govuk-table__cell">{f.Vacancy.Sector}</td>
              <td class="govuk-table__cell">{f.Vacancy.Filled.Count} of {f.Vacancy.Positions}</td>
              <td class="govuk-table__cell">{PageParts.LongDate(f.Vacancy.ClosingDate)}</td><td class="govuk-table__cell">{VacancyParts.StatusTag(f.Status)}</td>
            </tr>
            """)).ToList();
        var employerOptions = new[] { ("", "All employers") }.Concat(employers.Select(e => (e.Id, e.Name)));
        return PageLayout.Render(http, "Vacancies", Html.Of($"""
            <h1 class="govuk-heading-l">Vacancies</h1>
            {PageParts.ButtonLink("/vacancies/new", "Post a vacancy")}
            <form method="get" action="/vacancies" novalidate>
              {FormFields.Select("employerId", "Employer", employerOptions, employerId, new Dictionary<string, string[]>())}
              {FormFields.Checkbox("open", "Status", "Open vacancies only", openOnly, new Dictionary<string, string[]>())}
              {FormFields.Button("Filter", secondary: true)}
            </form>
            {(rows.Count == 0 ? Html.Of($"<p class=\"govuk-body\" id=\"no-vacancies\">No vacancies match.</p>") : Html.Of($"""
            <table class="govuk-table" id="vacancies">
              <caption class="govuk-table__caption govuk-visually-hidden">Vacancies</caption>
              <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Role</th><th scope="col" class="govuk-table__header">Employer</th>
                <th scope="col" class="govuk-table__header">Sector</th><th scope="col" class="govuk-table__header">Filled</th>
                <th scope="col" class="govuk-table__header">Closing date</th><th scope="col" class="govuk-table__header">Status</th>
              </tr></thead>
              <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            """))}
            """));
    }

    private static async Task<IResult> ChooseEmployerAsync(HttpContext http, EmployerQueries employers, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var options = new[] { ("", "Choose an employer") }.Concat((await employers.ByIdAsync(ct)).Values.OrderBy(e => e.Name).Select(e => (e.Id, e.Name)));
        return PageLayout.Render(http, "Post a vacancy", Html.Of($"""
            <a href="/vacancies" class="govuk-back-link">Vacancies</a>
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              {FormFields.ErrorSummary(errors)}
              <h1 class="govuk-heading-l">Post a vacancy</h1>
              <form method="get" action="/vacancies/new" novalidate>
                {FormFields.Select("employerId", "Which employer is it for?", options, null, errors)}
                {FormFields.Button("Continue")}
              </form>
            </div></div>
            """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);
    }

    private static IResult Form(HttpContext http, Domain.Employers.Employer employer, Domain.Vacancies.Vacancy? vacancy, Dictionary<string, string?> v,
        Dictionary<string, string[]> errors, DateOnly today)
    {
        var title = vacancy is null ? $"Post a vacancy for {employer.Name}" : $"Edit vacancy: {vacancy.Role}";
        var action = vacancy is null ? "/vacancies/new" : $"/vacancies/{vacancy.Id}/edit";
        return PageLayout.Render(http, title, Html.Of($"""
            <a href="{(vacancy is null ? "/vacancies" : $"/vacancies/{vacancy.Id}")}" class="govuk-back-link">Back</a>
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              {FormFields.ErrorSummary(errors, VacancyForm.Fields)}
              <h1 class="govuk-heading-l">{title}</h1>
              <form method="post" action="{action}" novalidate>
                {PageLayout.Antiforgery(http)}
                <input type="hidden" name="employerId" value="{employer.Id}">
                {VacancyForm.Render(employer, v, errors, today)}
                {FormFields.Button(vacancy is null ? "Post vacancy" : "Save vacancy")}
              </form>
            </div></div>
            """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);
    }

    private static IResult Details(HttpContext http, VacancyDetails details, List<VacancyMatch> matches, Html notice, Dictionary<string, string[]> errors)
    {
        var v = details.View.Vacancy;
        var open = details.View.Status == Domain.Vacancies.VacancyStatus.Open;
        var academies = details.Academies.Count == 0
            ? Html.Of($"<p class=\"govuk-body\" id=\"no-academies\">No academy is built around this vacancy.</p>")
            : Html.Of($"<ul class=\"govuk-list\" id=\"academies\">{details.Academies.Select(a => Html.Of($"<li><a class=\"govuk-link\" href=\"/academies/{a.Id}\">{a.Name}</a></li>"))}</ul>");
        var matchRows = matches.Select(m => Html.Of($"""
            <tr class="govuk-table__row" data-candidate="{m.CandidateId}">
              <td class="govuk-table__cell"><a class="govuk-link" href="/candidates/{m.CandidateId}">{m.Name}</a></td>
              <td class="govuk-table__cell">{StageNames.Tag(m.Stage)}</td>
              <td class="govuk-table__cell">
                <form method="post" action="/vacancies/{v.Id}/put-forward" novalidate class="app-inline-form">
                  {PageLayout.Antiforgery(http)}
                  <input type="hidden" name="candidateId" value="{m.CandidateId}">
                  <div class="govuk-form-group">
                    <label class="govuk-label" for="note-{m.CandidateId}">Note for the employer (optional)<span class="govuk-visually-hidden"> about {m.Name}</span></label>
                    <input class="govuk-input govuk-input--width-20" id="note-{m.CandidateId}" name="note" type="text">
                  </div>
                  {FormFields.Button($"Put forward", secondary: true)}
                </form>
              </td>
            </tr>
            """)).ToList();
        var matchesPart = !open
            ? Html.Of($"<p class=\"govuk-body\" id=\"no-matches\">The vacancy is {details.View.Status.ToString().ToLowerInvariant()}: nobody more can be put forward.</p>")
            : matchRows.Count == 0
                ? Html.Of($"<p class=\"govuk-body\" id=\"no-matches\">No candidate matches: matches are engaged candidates (or on an academy built for this vacancy) interested in {v.Sector}.</p>")
                : Html.Of($"""
                <table class="govuk-table" id="matches">
                  <caption class="govuk-table__caption govuk-visually-hidden">Candidates who match</caption>
                  <thead class="govuk-table__head"><tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Stage</th>
                    <th scope="col" class="govuk-table__header">Put forward</th>
                  </tr></thead>
                  <tbody class="govuk-table__body">{matchRows}</tbody>
                </table>
                """);
        var error = FormFields.ErrorOf("matches", errors) is { } refused ? Html.Of($"""
            <div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert">
              <h2 class="govuk-error-summary__title">There is a problem</h2>
              <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#matches-heading">{refused}</a></li></ul></div>
            </div></div>
            """) : Html.Empty;
        return PageLayout.Render(http, v.Role, Html.Of($"""
            <a href="/vacancies" class="govuk-back-link">Vacancies</a>
            {error}
            {notice}
            <span class="govuk-caption-l">Vacancy {v.Id}</span>
            <h1 class="govuk-heading-l">{v.Role}</h1>
            {VacancyParts.Summary(details.View)}
            <p class="govuk-body"><a class="govuk-link" href="/vacancies/{v.Id}/edit">Edit the vacancy</a></p>
            <h2 class="govuk-heading-m">Academies built for this vacancy</h2>
            {academies}
            <h2 class="govuk-heading-m">People put forward</h2>
            {VacancyParts.People(details.PutForwards, c => $"/vacancies/{v.Id}/people/{c}")}
            <h2 class="govuk-heading-m" id="matches-heading" tabindex="-1">Candidates who match</h2>
            {matchesPart}
            {(open ? Html.Of($"""
            <form method="post" action="/vacancies/{v.Id}/close" novalidate>
              {PageLayout.Antiforgery(http)}
              {FormFields.Button("Close the vacancy", warning: true)}
            </form>
            """) : Html.Empty)}
            """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);
    }

    private static IResult NotFound(HttpContext http) => PageParts.NotFound(http, "Vacancy", "/vacancies", "See all vacancies");
}
