using Apprenticeships.Application.Vacancies;
using Apprenticeships.Application.Vacancies.Commands;
using Apprenticeships.Application.Vacancies.Queries;
using Apprenticeships.Functions.Pages.Vacancies;
using Apprenticeships.Application.Employers.Queries;

namespace Apprenticeships.Functions.Pages.EmployerPortal;

/// <summary>
/// The employer portal: the signed-in employer's own vacancies (another employer's is not found),
/// posting one, closing one, and recording decisions about the people the hub put forward, whom
/// it shows by name and the hub's note only, never their contact details. The same commands as the
/// staff pages and API, acting as the employer (<see cref="Actor.Employer"/>).
/// </summary>
public static class EmployerPortalPages
{
    public static IEndpointRouteBuilder MapEmployerPortalPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/employer").RequireAuthorization(StaffPolicies.Employer);
        group.MapGet("", async (HttpContext http, VacancyQueries vacancies, CancellationToken ct) =>
            List(http, (await vacancies.ListAsync(false, null, Me(http), ct)).Value ?? []));

        group.MapGet("/vacancies/new", async (HttpContext http, EmployerQueries employers, TimeProvider clock, CancellationToken ct) =>
            await employers.RecordAsync(EmployerSignIn.EmployerId(http), ct) is { } employer ? Form(http, employer, new(), [], clock.Today()) : Results.Redirect("/employer/sign-in"));
        group.MapPost("/vacancies/new", async (HttpContext http, IFormCollection form, EmployerQueries employers, VacancyPosting posting, TimeProvider clock, CancellationToken ct) =>
        {
            if (await employers.RecordAsync(EmployerSignIn.EmployerId(http), ct) is not { } employer) return Results.Redirect("/employer/sign-in");
            var v = PageParts.Values(form);
            var (command, own) = VacancyForm.Read(v);
            // The employer is the one signed in, whatever the form says.
            var post = VacancyForm.ToPost(command, employer.Id);
            if (own.Any(o => o.Problem is not null)) return Form(http, employer, v, PageParts.With(await posting.CheckAsync(post, Me(http), ct), own), clock.Today());
            var posted = await posting.PostAsync(post, Me(http), ct);
            return posted.Problem is { } problem
                ? Form(http, employer, v, PageParts.OnFields(problem.Errors, VacancyForm.Fields, "role"), clock.Today())
                : Results.Redirect($"/employer/vacancies/{posted.Done.Id}?saved=posted");
        });

        group.MapGet("/vacancies/{id}", async (HttpContext http, string id, string? saved, string? decided, VacancyQueries vacancies, CancellationToken ct) =>
        {
            if ((await vacancies.DetailsAsync(id, Me(http), ct)).Value is not { } details) return NotFound(http);
            var notice = details.PutForwards.FirstOrDefault(p => p.CandidateId == decided) is { } person ? VacancyParts.DecisionNotice(person, null)
                : saved switch
                {
                    "posted" => PageParts.SuccessBanner(Html.Of($"<span id=\"posted-result\">Vacancy posted. The hub will put people forward to it.</span>")),
                    "closed" => PageParts.SuccessBanner(Html.Of($"Vacancy closed: the hub will put nobody more forward.")),
                    _ => Html.Empty,
                };
            return Details(http, details, notice);
        });

        group.MapPost("/vacancies/{id}/close", async (HttpContext http, string id, VacancyPosting posting, CancellationToken ct) =>
            (await posting.CloseAsync(id, Me(http), ct)).Succeeded ? Results.Redirect($"/employer/vacancies/{id}?saved=closed") : NotFound(http));

        group.MapGet("/vacancies/{id}/people/{candidateId}", async (HttpContext http, string id, string candidateId, VacancyQueries vacancies, TimeProvider clock, CancellationToken ct) =>
            (await vacancies.DetailsAsync(id, Me(http), ct)).Value is { } details && details.PutForwards.FirstOrDefault(p => p.CandidateId == candidateId) is { } person
                ? VacancyParts.DecisionPage(http, details.View, person, $"/employer/vacancies/{id}/people/{candidateId}", $"/employer/vacancies/{id}", new(), [], clock.Today())
                : NotFound(http));
        group.MapPost("/vacancies/{id}/people/{candidateId}", async (HttpContext http, string id, string candidateId, IFormCollection form, VacancyQueries vacancies,
            EmployerDecisions decisions, TimeProvider clock, CancellationToken ct) =>
        {
            if ((await vacancies.DetailsAsync(id, Me(http), ct)).Value is not { } details || details.PutForwards.FirstOrDefault(p => p.CandidateId == candidateId) is not { } person)
                return NotFound(http);
            var v = PageParts.Values(form);
            var (command, own) = VacancyParts.ReadDecision(candidateId, v);
            var errors = new Dictionary<string, string[]>();
            if (own.All(o => o.Item2 is null))
            {
                var result = await decisions.RecordAsync(id, command, Me(http), ct);
                if (result.Succeeded) return Results.Redirect($"/employer/vacancies/{id}?decided={Uri.EscapeDataString(candidateId)}");
                errors = PageParts.OnFields(result.Problem!.Errors, VacancyParts.DecisionFields, "decision");
            }
            return VacancyParts.DecisionPage(http, details.View, person, $"/employer/vacancies/{id}/people/{candidateId}", $"/employer/vacancies/{id}",
                v, PageParts.With(errors, own), clock.Today());
        });
        return app;
    }

    private static Actor Me(HttpContext http) => Actor.Employer(EmployerSignIn.EmployerId(http));

    private static IResult List(HttpContext http, List<VacancyView> found)
    {
        var rows = found.Select(f => Html.Of($"""
            <tr class="govuk-table__row">
              <td class="govuk-table__cell"><a class="govuk-link" href="/employer/vacancies/{f.Vacancy.Id}">{f.Vacancy.Role}</a></td>
              <td class="govuk-table__cell">{f.Vacancy.Filled.Count} of {f.Vacancy.Positions}</td>
              <td class="govuk-table__cell">{PageParts.LongDate(f.Vacancy.ClosingDate)}</td><td class="govuk-table__cell">{VacancyParts.StatusTag(f.Status)}</td>
            </tr>
            """)).ToList();
        return PageLayout.Render(http, "Your vacancies", Html.Of($"""
            <h1 class="govuk-heading-l">Your vacancies</h1>
            {PageParts.ButtonLink("/employer/vacancies/new", "Post a vacancy")}
            {(rows.Count == 0 ? Html.Of($"<p class=\"govuk-body\" id=\"no-vacancies\">You have not posted any vacancies yet.</p>") : Html.Of($"""
            <table class="govuk-table" id="vacancies">
              <caption class="govuk-table__caption govuk-visually-hidden">Your vacancies</caption>
              <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Role</th><th scope="col" class="govuk-table__header">Filled</th>
                <th scope="col" class="govuk-table__header">Closing date</th><th scope="col" class="govuk-table__header">Status</th>
              </tr></thead>
              <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            """))}
            """));
    }

    private static IResult Form(HttpContext http, Domain.Employers.Employer employer, Dictionary<string, string?> v, Dictionary<string, string[]> errors, DateOnly today) =>
        PageLayout.Render(http, "Post a vacancy", Html.Of($"""
            <a href="/employer" class="govuk-back-link">Your vacancies</a>
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              {FormFields.ErrorSummary(errors, VacancyForm.Fields)}
              <h1 class="govuk-heading-l">Post a vacancy</h1>
              <form method="post" action="/employer/vacancies/new" novalidate>
                {PageLayout.Antiforgery(http)}
                {VacancyForm.Render(employer, v, errors, today)}
                {FormFields.Button("Post vacancy")}
              </form>
            </div></div>
            """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);

    private static IResult Details(HttpContext http, VacancyDetails details, Html notice)
    {
        var v = details.View.Vacancy;
        return PageLayout.Render(http, v.Role, Html.Of($"""
            <a href="/employer" class="govuk-back-link">Your vacancies</a>
            {notice}
            <h1 class="govuk-heading-l">{v.Role}</h1>
            {VacancyParts.Summary(details.View)}
            <h2 class="govuk-heading-m">People the hub put forward</h2>
            {VacancyParts.People(details.PutForwards, c => $"/employer/vacancies/{v.Id}/people/{c}")}
            {(details.View.Status == Domain.Vacancies.VacancyStatus.Open ? Html.Of($"""
            <form method="post" action="/employer/vacancies/{v.Id}/close" novalidate>
              {PageLayout.Antiforgery(http)}
              {FormFields.Button("Close the vacancy", warning: true)}
            </form>
            """) : Html.Empty)}
            """));
    }

    private static IResult NotFound(HttpContext http) => PageParts.NotFound(http, "Vacancy", "/employer", "See your vacancies");
}
