using Apprenticeships.Functions.Pages.SignIn;

namespace Apprenticeships.Functions.Pages.Candidates;

/// <summary>The pipeline board: how many candidates are at each stage, and who needs attention.</summary>
public static class BoardPage
{
    private static readonly System.Globalization.CultureInfo EnGb = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    public static IEndpointRouteBuilder MapBoardPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (HttpContext http, PipelineAttention attention, CancellationToken ct) =>
        {
            // Finance officers have no candidates to see; their start is the levy accounts.
            if (!http.User.IsInRole(StaffRoles.Advisor) && !http.User.IsInRole(StaffRoles.Admin))
                return Results.Redirect(StaffSignInPages.HomeOf(StaffRoles.Finance));
            var (all, noResponse, missed, overdue) = await attention.ReadAsync(ct);
            var counts = Enum.GetValues<CandidateStage>().Select(stage => Html.Of($"""
                <li class="app-board__stage{(stage.IsClosed() ? " app-board__stage--closed" : "")}" data-stage="{stage}">
                  <a class="govuk-link govuk-link--no-visited-state" href="/candidates?stage={stage}">
                    <span class="app-board__count">{all.Count(c => c.Stage == stage)}</span>
                    <span class="govuk-body-s">{StageNames.Of(stage)}</span>
                  </a>
                </li>
                """));
            return PageLayout.Render(http, "Pipeline board", Html.Of($"""
                <h1 class="govuk-heading-l">Pipeline board</h1>
                <p class="govuk-body"><a class="govuk-button" data-module="govuk-button" href="/candidates/new">Enrol a candidate</a></p>
                <h2 class="govuk-heading-m">Candidates by stage</h2>
                <ul class="app-board" aria-label="Candidates by stage">{counts}</ul>
                <h2 class="govuk-heading-m">Who needs attention</h2>
                {Section("No response to their welcome email", "no-response", noResponse, i => $"No answer since {StageNames.When(i.Since)}")}
                {Section("Missed an academy session", "missed-session", missed, i => $"Missed {string.Join(", ", i.MissedSessions.Select(d => d.ToString("d MMM yyyy", EnGb)))}")}
                {Section("Provider confirmation overdue", "overdue-confirmation", overdue, i => $"Nothing confirmed since {StageNames.When(i.Since)}")}
                """));
        }).RequireAuthorization(StaffPolicies.AnyStaff);
        return app;
    }

    private static Html Section(string title, string id, List<AttentionItem> items, Func<AttentionItem, string> why)
    {
        var rows = items.OrderBy(i => i.Candidate.StageChangedAt).Select(i => Html.Of($"""
            <tr class="govuk-table__row">
              <td class="govuk-table__cell"><a class="govuk-link" href="/candidates/{i.Candidate.Id}">{i.Candidate.GivenName} {i.Candidate.FamilyName}</a></td>
              <td class="govuk-table__cell">{StageNames.Tag(i.Candidate.Stage)}</td>
              <td class="govuk-table__cell">{why(i)}</td>
            </tr>
            """));
        return Html.Of($"""
            <h3 class="govuk-heading-s" id="{id}">{title} ({items.Count})</h3>
            {(items.Count == 0 ? Html.Of($"<p class=\"govuk-body\">Nobody.</p>") : Html.Of($"""
            <table class="govuk-table" aria-labelledby="{id}">
              <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Candidate</th><th scope="col" class="govuk-table__header">Stage</th><th scope="col" class="govuk-table__header">Why</th></tr></thead>
              <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            """))}
            """);
    }
}
