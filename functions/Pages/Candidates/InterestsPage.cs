using Apprenticeships.Application.Vacancies.Queries;

namespace Apprenticeships.Functions.Pages.Candidates;

/// <summary>
/// A candidate's sector interests, which match them to vacancies: the sectors the hub already
/// knows (its employers' and vacancies') to tick, and a box for others.
/// </summary>
public static class InterestsPage
{
    public static IEndpointRouteBuilder MapInterestsPage(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/candidates/{id}/interests").RequireAuthorization(StaffPolicies.Candidates).AddEndpointFilter<PersonalDataAudit>();
        group.MapGet("", async (HttpContext http, string id, CandidateQueries candidates, VacancyQueries vacancies, CancellationToken ct) =>
            await candidates.GetAsync(id, ct) is { } c ? Render(http, c, await vacancies.KnownSectorsAsync(ct), c.SectorInterests, null, []) : NotFound(http));
        group.MapPost("", async (HttpContext http, string id, IFormCollection form, CandidateQueries candidates, CandidateInterests interests,
            VacancyQueries vacancies, CancellationToken ct) =>
        {
            if (await candidates.GetAsync(id, ct) is not { } candidate) return NotFound(http);
            var chosen = form["sectors"].Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!).ToList();
            var other = form["other"].ToString();
            var sectors = chosen.Concat(other.Split(',').Where(s => !string.IsNullOrWhiteSpace(s))).ToList();
            var result = await interests.SetAsync(id, new SetInterests(sectors), ct);
            if (result.Succeeded) return Results.Redirect($"/candidates/{id}");
            var errors = new Dictionary<string, string[]> { ["sectors"] = [result.Problem!.Detail] };
            return Render(http, candidate, await vacancies.KnownSectorsAsync(ct), chosen, other, errors);
        });
        return app;
    }

    private static IResult Render(HttpContext http, Candidate c, List<string> known, IReadOnlyList<string> chosen, string? other, Dictionary<string, string[]> errors)
    {
        var options = known.Concat(chosen).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        // With no sectors to tick, the box for others is the only field: the problem goes beside it.
        if (options.Count == 0 && errors.Remove("sectors", out var messages)) errors["other"] = messages;
        var error = FormFields.ErrorOf("sectors", errors);
        var boxes = options.Select((s, i) => Html.Of($"""
            <div class="govuk-checkboxes__item">
              <input class="govuk-checkboxes__input" id="{(i == 0 ? "sectors" : $"sectors-{i + 1}")}" name="sectors" type="checkbox" value="{s}"{(chosen.Contains(s, StringComparer.OrdinalIgnoreCase) ? new Html(" checked") : Html.Empty)}>
              <label class="govuk-label govuk-checkboxes__label" for="{(i == 0 ? "sectors" : $"sectors-{i + 1}")}">{s}</label>
            </div>
            """)).ToList();
        var name = $"{c.GivenName} {c.FamilyName}";
        return PageLayout.Render(http, "Sector interests", Html.Of($"""
            <a href="/candidates/{c.Id}" class="govuk-back-link">Back</a>
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              {FormFields.ErrorSummary(errors)}
              <span class="govuk-caption-l">{name}</span>
              <h1 class="govuk-heading-l">Sector interests</h1>
              <p class="govuk-body">Vacancies in these sectors list {name} as a match.</p>
              <form method="post" action="/candidates/{c.Id}/interests" novalidate>
                {PageLayout.Antiforgery(http)}
                {(boxes.Count == 0 ? Html.Empty : Html.Of($"""
                <div class="govuk-form-group{(error is null ? "" : " govuk-form-group--error")}">
                  <fieldset class="govuk-fieldset"{(error is null ? Html.Empty : new Html(" aria-describedby=\"sectors-error\""))}>
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Which sectors would they like to work in?</legend>
                    {(error is null ? Html.Empty : Html.Of($"<p id=\"sectors-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {error}</p>"))}
                    <div class="govuk-checkboxes" data-module="govuk-checkboxes">{boxes}</div>
                  </fieldset>
                </div>
                """))}
                {FormFields.Text("other", boxes.Count == 0 ? "Sectors" : "Other sectors (optional)", other, errors,
                    hint: "Separate sectors with commas, for example Construction, Hospitality", width: "govuk-input--width-30")}
                {FormFields.Button("Save interests")}
              </form>
            </div></div>
            """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);
    }

    private static IResult NotFound(HttpContext http) => PageParts.NotFound(http, "Candidate", "/candidates", "Find a candidate");
}
