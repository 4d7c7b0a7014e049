using Apprenticeships.Application.Attention;
using Apprenticeships.Functions.Pages.SignIn;

namespace Apprenticeships.Functions.Pages.Candidates;

/// <summary>
/// The pipeline board: how many candidates are at each stage, and who needs attention: every
/// workflow alert not yet acted upon (<see cref="PipelineAttention"/>), grouped by why, with the
/// candidate's name read now. What raises and clears each kind is the application's to say.
/// </summary>
public static class BoardPage
{
    public static IEndpointRouteBuilder MapBoardPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (HttpContext http, PipelineAttention attention, CancellationToken ct) =>
        {
            // Finance officers have no candidates to see; their start is the levy accounts.
            if (!http.User.IsInRole(StaffRoles.Advisor) && !http.User.IsInRole(StaffRoles.Admin))
                return Results.Redirect(StaffSignInPages.HomeOf(StaffRoles.Finance));
            var board = await attention.ReadAsync(ct);
            var counts = Enum.GetValues<CandidateStage>().Select(stage => Html.Of($"""
                <li class="app-board__stage{(stage.IsClosed() ? " app-board__stage--closed" : "")}" data-stage="{stage}">
                  <a class="govuk-link govuk-link--no-visited-state" href="/candidates?stage={stage}">
                    <span class="app-board__count">{board.All.Count(c => c.Stage == stage)}</span>
                    <span class="govuk-body-s">{StageNames.Of(stage)}</span>
                  </a>
                </li>
                """));
            var sections = AttentionWords.BoardOrder
                .Select(kind => (kind, items: board.Attention.Where(e => e.Kind == kind).ToList()))
                .Where(s => s.items.Count > 0)
                .Select(s => Section(http, s.kind, s.items));
            var rules = AttentionWords.BoardOrder.Where(k => k != AttentionKind.Other).Select(kind => Html.Of($"""
                <div class="govuk-summary-list__row">
                  <dt class="govuk-summary-list__key">{AttentionWords.Title(kind)}</dt>
                  <dd class="govuk-summary-list__value">{AttentionWords.WhenRaised(kind)} {AttentionWords.Clears(kind)}</dd>
                </div>
                """));
            return PageLayout.Render(http, "Pipeline board", Html.Of($"""
                <h1 class="govuk-heading-l">Pipeline board</h1>
                <p class="govuk-body"><a class="govuk-button" data-module="govuk-button" href="/candidates/new">Enrol a candidate</a></p>
                <h2 class="govuk-heading-m">Candidates by stage</h2>
                <ul class="app-board" aria-label="Candidates by stage">{counts}</ul>
                <h2 class="govuk-heading-m" id="attention">Who needs attention ({board.Attention.Count})</h2>
                {(board.Attention.Count == 0 ? Html.Of($"<p class=\"govuk-body\" id=\"attention-none\">Nobody needs attention.</p>") : Html.Join(sections))}
                <details class="govuk-details">
                  <summary class="govuk-details__summary"><span class="govuk-details__summary-text">What puts a candidate on this list, and what takes them off</span></summary>
                  <div class="govuk-details__text">
                    <p class="govuk-body">The workflows alert advisors on these days, and the alert stays here until it is acted upon.</p>
                    <dl class="govuk-summary-list">{rules}</dl>
                  </div>
                </details>
                """));
        }).RequireAuthorization(StaffPolicies.AnyStaff);

        // Marking a news item seen; an item that clears by being acted upon is refused (the rules say why).
        app.MapPost("/attention/dismiss", async (HttpContext http, IFormCollection form, PipelineAttention attention, CancellationToken ct) =>
        {
            var dismissed = await attention.DismissAsync(new DismissAttention(form["candidateId"], form["key"]), http.User.FindFirst(StaffClaims.Id)?.Value ?? "unknown", ct);
            return dismissed.Problem is { } problem
                ? PageLayout.Render(http, "Cannot mark as seen", Html.Of($"""
                    <h1 class="govuk-heading-l">This alert cannot be marked as seen</h1>
                    <p class="govuk-body">{string.Join(" ", problem.Errors.Values.SelectMany(m => m))}</p>
                    <p class="govuk-body"><a class="govuk-link" href="/#attention">Back to the pipeline board</a></p>
                    """), problem.Kind == ProblemKind.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict)
                : Results.Redirect("/#attention");
        }).RequireAuthorization(StaffPolicies.Candidates);
        return app;
    }

    private static Html Section(HttpContext http, AttentionKind kind, List<AttentionEntry> items)
    {
        var id = $"attention-{kind}";
        var news = AttentionRules.IsNews(kind);
        Html Seen(AttentionEntry i) => news ? Html.Of($"""
            <td class="govuk-table__cell">
              <form method="post" action="/attention/dismiss">
                {PageLayout.Antiforgery(http)}
                <input type="hidden" name="candidateId" value="{i.CandidateId}"><input type="hidden" name="key" value="{i.Key}">
                <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Mark as seen<span class="govuk-visually-hidden"> for {i.CandidateName}</span></button>
              </form>
            </td>
            """) : Html.Empty;
        var rows = items.Select(i => Html.Of($"""
            <tr class="govuk-table__row" data-candidate="{i.CandidateId}">
              <td class="govuk-table__cell"><a class="govuk-link" href="/candidates/{i.CandidateId}">{i.CandidateName}</a></td>
              <td class="govuk-table__cell">{StageNames.Tag(i.Stage)}</td>
              <td class="govuk-table__cell">{i.What}</td>
              <td class="govuk-table__cell">{StageNames.When(i.RaisedAt)}</td>
              {Seen(i)}
            </tr>
            """));
        return Html.Of($"""
            <section data-kind="{kind}">
              <h3 class="govuk-heading-s" id="{id}">{AttentionWords.Title(kind)} ({items.Count})</h3>
              <table class="govuk-table" aria-labelledby="{id}">
                <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Candidate</th><th scope="col" class="govuk-table__header">Stage</th><th scope="col" class="govuk-table__header">Why</th><th scope="col" class="govuk-table__header">Alerted</th>{(news ? Html.Of($"<th scope=\"col\" class=\"govuk-table__header\"><span class=\"govuk-visually-hidden\">Action</span></th>") : Html.Empty)}</tr></thead>
                <tbody class="govuk-table__body">{rows}</tbody>
              </table>
              <p class="govuk-body-s">{AttentionWords.Clears(kind)}</p>
            </section>
            """);
    }
}
