using Apprenticeships.Functions.Security;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Functions.Pages.Programmes;

/// <summary>The hub's sector-based work academies and apprenticeship cohorts, with their members.</summary>
public static class ProgrammePages
{
    private static readonly System.Globalization.CultureInfo EnGb = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    public static IEndpointRouteBuilder MapProgrammePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/academies", async (HttpContext http, AcademyStore academies, CandidateStore candidates, CancellationToken ct) =>
        {
            var all = await candidates.ListAsync(null, null, ct);
            var rows = (await academies.ListAsync(ct)).OrderBy(a => a.Starts).Select(a => Html.Of($"""
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell">{a.Name}<br><span class="govuk-hint govuk-!-font-size-16">{a.Id}</span></td>
                  <td class="govuk-table__cell">{a.EmployerName} ({a.Sector})</td>
                  <td class="govuk-table__cell">{a.ProviderId}</td>
                  <td class="govuk-table__cell">{a.Starts.ToString("d MMM yyyy", EnGb)} to {a.Ends.ToString("d MMM yyyy", EnGb)}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{all.Count(c => c.AcademyId == a.Id)}</td>
                </tr>
                """));
            return PageLayout.Render(http, "Academies", Table("Sector-based work academies", "Academies run by a training provider around an employer's real vacancies: training, a placement and a guaranteed interview.",
                ["Academy", "Employer", "Provider", "Runs", "Members"], rows));
        }).RequireAuthorization(StaffPolicies.Candidates);

        app.MapGet("/cohorts", async (HttpContext http, CohortStore cohorts, CandidateStore candidates, CancellationToken ct) =>
        {
            var all = await candidates.ListAsync(null, null, ct);
            var rows = (await cohorts.ListAsync(ct)).OrderBy(k => k.StartDate).Select(k => Html.Of($"""
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell">{k.Name}<br><span class="govuk-hint govuk-!-font-size-16">{k.Id}</span></td>
                  <td class="govuk-table__cell">{k.StandardName}</td>
                  <td class="govuk-table__cell">{k.EmployerId} with {k.ProviderId}</td>
                  <td class="govuk-table__cell">{k.StartDate.ToString("d MMM yyyy", EnGb)} to {k.PlannedEndDate.ToString("d MMM yyyy", EnGb)}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{all.Count(c => c.CohortId == k.Id)}</td>
                </tr>
                """));
            return PageLayout.Render(http, "Cohorts", Table("Apprenticeship cohorts", "Levy-funded apprenticeship intakes: the employer, the training provider and the standard.",
                ["Cohort", "Standard", "Employer and provider", "Runs", "Members"], rows));
        }).RequireAuthorization(StaffPolicies.Candidates);
        return app;
    }

    private static Html Table(string title, string lead, string[] headers, IEnumerable<Html> rows)
    {
        var list = rows.ToList();
        var head = headers.Select((h, i) => Html.Of($"<th scope=\"col\" class=\"govuk-table__header{(i == headers.Length - 1 ? " govuk-table__header--numeric" : "")}\">{h}</th>"));
        return Html.Of($"""
            <h1 class="govuk-heading-l">{title}</h1>
            <p class="govuk-body">{lead}</p>
            {(list.Count == 0 ? Html.Of($"<p class=\"govuk-body\">None yet.</p>") : Html.Of($"""
            <table class="govuk-table">
              <thead class="govuk-table__head"><tr class="govuk-table__row">{head}</tr></thead>
              <tbody class="govuk-table__body">{list}</tbody>
            </table>
            """))}
            """);
    }
}
