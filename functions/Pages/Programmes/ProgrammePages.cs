
namespace Apprenticeships.Functions.Pages.Programmes;

/// <summary>
/// The hub's sector-based work academies and apprenticeship cohorts, with their members; each one's
/// own page (<see cref="AcademyPages"/>, <see cref="ProgrammeAdminPages"/>) and, for administrators,
/// creating and editing them.
/// </summary>
public static class ProgrammePages
{
    private static readonly System.Globalization.CultureInfo EnGb = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    public static IEndpointRouteBuilder MapProgrammePages(this IEndpointRouteBuilder app)
    {
        app.MapAcademyPages();
        app.MapProgrammeAdminPages();
        app.MapGet("/academies", async (HttpContext http, ProgrammeQueries programmes, CancellationToken ct) =>
        {
            var rows = (await programmes.AcademiesWithMembersAsync(ct)).Select(x => Html.Of($"""
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell"><a class="govuk-link" href="/academies/{x.Programme.Id}">{x.Programme.Name}</a><br><span class="govuk-hint govuk-!-font-size-16">{x.Programme.Id}</span></td>
                  <td class="govuk-table__cell">{x.Employer} ({x.Programme.Sector})</td>
                  <td class="govuk-table__cell">{x.Provider}</td>
                  <td class="govuk-table__cell">{x.Programme.Starts.ToString("d MMM yyyy", EnGb)} to {x.Programme.Ends.ToString("d MMM yyyy", EnGb)}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{x.Members}</td>
                </tr>
                """));
            return PageLayout.Render(http, "Academies", Table("Sector-based work academies", "Academies run by a training provider around an employer's real vacancies: training, a placement and a guaranteed interview.",
                ["Academy", "Employer", "Provider", "Runs", "Members"], rows, PageParts.IsAdmin(http) ? PageParts.ButtonLink("/academies/new", "Create an academy") : Html.Empty));
        }).RequireAuthorization(StaffPolicies.Candidates);

        app.MapGet("/cohorts", async (HttpContext http, ProgrammeQueries programmes, CancellationToken ct) =>
        {
            var rows = (await programmes.CohortsWithMembersAsync(ct)).Select(x => Html.Of($"""
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell"><a class="govuk-link" href="/cohorts/{x.Programme.Id}">{x.Programme.Name}</a><br><span class="govuk-hint govuk-!-font-size-16">{x.Programme.Id}</span></td>
                  <td class="govuk-table__cell">{x.Programme.StandardName}</td>
                  <td class="govuk-table__cell">{x.Employer} with {x.Provider}</td>
                  <td class="govuk-table__cell">{x.Programme.StartDate.ToString("d MMM yyyy", EnGb)} to {x.Programme.PlannedEndDate.ToString("d MMM yyyy", EnGb)}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{x.Members}</td>
                </tr>
                """));
            return PageLayout.Render(http, "Cohorts", Table("Apprenticeship cohorts", "Levy-funded apprenticeship intakes: the employer, the training provider and the standard.",
                ["Cohort", "Standard", "Employer and provider", "Runs", "Members"], rows, PageParts.IsAdmin(http) ? PageParts.ButtonLink("/cohorts/new", "Create a cohort") : Html.Empty));
        }).RequireAuthorization(StaffPolicies.Candidates);
        return app;
    }

    private static Html Table(string title, string lead, string[] headers, IEnumerable<Html> rows, Html create)
    {
        var list = rows.ToList();
        var head = headers.Select((h, i) => Html.Of($"<th scope=\"col\" class=\"govuk-table__header{(i == headers.Length - 1 ? " govuk-table__header--numeric" : "")}\">{h}</th>"));
        return Html.Of($"""
            <h1 class="govuk-heading-l">{title}</h1>
            <p class="govuk-body">{lead}</p>
            {create}
            {(list.Count == 0 ? Html.Of($"<p class=\"govuk-body\">None yet.</p>") : Html.Of($"""
            <table class="govuk-table">
              <thead class="govuk-table__head"><tr class="govuk-table__row">{head}</tr></thead>
              <tbody class="govuk-table__body">{list}</tbody>
            </table>
            """))}
            """);
    }
}
