
namespace Apprenticeships.Functions.Pages.Candidates;

/// <summary>Candidates, searched by name, email, postcode or id and filtered by stage.</summary>
public static class CandidateListPage
{
    public static IEndpointRouteBuilder MapCandidateListPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/candidates", async (HttpContext http, string? q, string? stage, CandidateQueries candidates, CancellationToken ct) =>
        {
            CandidateStage? wanted = Enum.TryParse<CandidateStage>(stage, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
            // A search the application refuses (too long) is shown beside the box, with no results.
            var result = await candidates.FindAsync(wanted?.ToString(), q, ct);
            var errors = result.Problem?.ToDictionary() ?? [];
            var found = (result.Value ?? []).OrderByDescending(c => c.StageChangedAt).ToList();
            var stages = new[] { ("", "Any stage") }.Concat(Enum.GetValues<CandidateStage>().Select(x => (x.ToString(), StageNames.Of(x))));
            var rows = found.Select(c => Html.Of($"""
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell"><a class="govuk-link" href="/candidates/{c.Id}">{c.GivenName} {c.FamilyName}</a></td>
                  <td class="govuk-table__cell">{c.Postcode}</td>
                  <td class="govuk-table__cell">{StageNames.Tag(c.Stage)}</td>
                  <td class="govuk-table__cell">{StageNames.When(c.StageChangedAt)}</td>
                </tr>
                """));
            return PageLayout.Render(http, "Candidates", Html.Of($"""
                <h1 class="govuk-heading-l">Candidates</h1>
                <p class="govuk-body"><a class="govuk-button" data-module="govuk-button" href="/candidates/new">Enrol a candidate</a></p>
                <form method="get" action="/candidates" role="search" class="govuk-!-margin-bottom-6">
                  {FormFields.Text("q", "Search", q, errors, hint: "Name, email, postcode or candidate id", type: "search", width: "govuk-input--width-20")}
                  {FormFields.Select("stage", "Stage", stages, wanted?.ToString() ?? "", errors)}
                  {FormFields.Button("Search", secondary: true)}
                </form>
                <table class="govuk-table">
                  <caption class="govuk-table__caption govuk-table__caption--m">{found.Count} {(found.Count == 1 ? "candidate" : "candidates")}</caption>
                  <thead class="govuk-table__head"><tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Postcode</th>
                    <th scope="col" class="govuk-table__header">Stage</th><th scope="col" class="govuk-table__header">Since</th>
                  </tr></thead>
                  <tbody class="govuk-table__body">{rows}</tbody>
                </table>
                """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);
        }).RequireAuthorization(StaffPolicies.Candidates);
        return app;
    }
}
