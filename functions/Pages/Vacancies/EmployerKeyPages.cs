using Apprenticeships.Application.Employers.Commands;

namespace Apprenticeships.Functions.Pages.Vacancies;

/// <summary>
/// Hub administrators issue employers their employer portal keys: each key is shown once, on the
/// page that issues it, and a new key stops the old one (and any sign-in made with it) at once.
/// </summary>
public static class EmployerKeyPages
{
    public static IEndpointRouteBuilder MapEmployerKeyPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/vacancies/employer-keys").RequireAuthorization(StaffPolicies.Administration);
        group.MapGet("", async (HttpContext http, EmployerPortalKeys keys, CancellationToken ct) => List(http, await keys.ListAsync(ct)));
        group.MapPost("/{employerId}", async (HttpContext http, string employerId, EmployerPortalKeys keys, CancellationToken ct) =>
        {
            if ((await keys.IssueAsync(employerId, ct)).Value is not { } issued)
                return PageParts.NotFound(http, "Employer", "/vacancies/employer-keys", "See employers' portal keys");
            return PageLayout.Render(http, $"Portal key for {issued.Employer.Name}", Html.Of($"""
                <a href="/vacancies/employer-keys" class="govuk-back-link">Employers' portal keys</a>
                <h1 class="govuk-heading-l">Portal key for {issued.Employer.Name}</h1>
                <div class="govuk-warning-text">
                  <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
                  <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> Copy the key now and give it to the employer securely: it is shown only this once. Any earlier key has stopped working.</strong>
                </div>
                <p class="govuk-body">Key: <code class="app-key" id="employer-key">{issued.Key}</code></p>
                <p class="govuk-body">The employer signs in at <code>/employer/sign-in</code> with this key.</p>
                """));
        });
        return app;
    }

    private static IResult List(HttpContext http, List<(Domain.Employers.Employer Employer, DateTimeOffset? KeyIssuedAt)> employers)
    {
        var rows = employers.Select(e => Html.Of($"""
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">{e.Employer.Name}</td>
              <td class="govuk-table__cell">{(e.KeyIssuedAt is { } at ? StageNames.When(at) : "No key issued")}</td>
              <td class="govuk-table__cell">
                <form method="post" action="/vacancies/employer-keys/{e.Employer.Id}" novalidate>
                  {PageLayout.Antiforgery(http)}
                  {FormFields.Button($"{(e.KeyIssuedAt is null ? "Issue a key" : "Issue a new key")} for {e.Employer.Name}", secondary: true)}
                </form>
              </td>
            </tr>
            """)).ToList();
        return PageLayout.Render(http, "Employers' portal keys", Html.Of($"""
            <a href="/vacancies" class="govuk-back-link">Vacancies</a>
            <h1 class="govuk-heading-l">Employers' portal keys</h1>
            <p class="govuk-body">An employer signs in to the employer portal with a key to post their vacancies and record decisions about the people the hub puts forward.</p>
            {(rows.Count == 0 ? Html.Of($"<p class=\"govuk-body\">No employers are recorded yet.</p>") : Html.Of($"""
            <table class="govuk-table" id="employer-keys">
              <caption class="govuk-table__caption govuk-visually-hidden">Employers and their portal keys</caption>
              <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Employer</th><th scope="col" class="govuk-table__header">Key issued</th>
                <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Action</span></th>
              </tr></thead>
              <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            """))}
            """));
    }
}
