using Apprenticeships.Application.Staff.Commands;
using Apprenticeships.Domain.Staff;

namespace Apprenticeships.Functions.Pages.Candidates;

/// <summary>
/// The advisor directory, for hub administrators: each advisor's staff id, name and email, so that
/// candidates' emails name their advisor (<see cref="AdvisorDirectory"/>).
/// </summary>
public static class AdvisorDirectoryPages
{
    private static readonly string[] Fields = ["id", "name", "email"];

    public static IEndpointRouteBuilder MapAdvisorDirectoryPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/advisors").RequireAuthorization(StaffPolicies.Administration);
        group.MapGet("", async (HttpContext http, string? saved, AdvisorDirectory directory, CancellationToken ct) =>
            await ListAsync(http, directory, new(), [], saved is { } id ? await directory.GetAsync(id, ct) : null, ct));

        group.MapPost("", async (HttpContext http, IFormCollection form, AdvisorDirectory directory, CancellationToken ct) =>
        {
            var v = PageParts.Values(form);
            var added = await directory.AddAsync(new AddAdvisor(v.GetValueOrDefault("id"), v.GetValueOrDefault("name"), v.GetValueOrDefault("email")), ct);
            return added.Problem is { } problem
                ? await ListAsync(http, directory, v, PageParts.OnFields(problem.Errors, Fields, "id"), null, ct)
                : Results.Redirect($"/advisors?saved={added.Done.Id}");
        });

        group.MapGet("/{id}/edit", async (HttpContext http, string id, AdvisorDirectory directory, CancellationToken ct) =>
            await directory.GetAsync(id, ct) is { } advisor
                ? Edit(http, advisor, new() { ["name"] = advisor.Name, ["email"] = advisor.Email }, [])
                : NotFound(http));

        group.MapPost("/{id}/edit", async (HttpContext http, string id, IFormCollection form, AdvisorDirectory directory, CancellationToken ct) =>
        {
            if (await directory.GetAsync(id, ct) is not { } advisor) return NotFound(http);
            var v = PageParts.Values(form);
            var edited = await directory.EditAsync(advisor.Id, new EditAdvisor(v.GetValueOrDefault("name"), v.GetValueOrDefault("email")), ct);
            return edited.Problem is { } problem
                ? Edit(http, advisor, v, PageParts.OnFields(problem.Errors, Fields, "name"))
                : Results.Redirect($"/advisors?saved={advisor.Id}");
        });
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, AdvisorDirectory directory, Dictionary<string, string?> v, Dictionary<string, string[]> errors,
        Advisor? saved, CancellationToken ct)
    {
        var rows = (await directory.ListAsync(ct)).Select(a => Html.Of($"""
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">{a.Name}</td><td class="govuk-table__cell">{a.Id}</td><td class="govuk-table__cell">{a.Email}</td>
              <td class="govuk-table__cell"><a class="govuk-link" href="/advisors/{a.Id}/edit">Change<span class="govuk-visually-hidden"> {a.Name}</span></a></td>
            </tr>
            """)).ToList();
        return PageLayout.Render(http, "Advisors", Html.Of($"""
            {FormFields.ErrorSummary(errors, Fields)}
            {(saved is null ? Html.Empty : PageParts.SuccessBanner(Html.Of($"{saved.Name} is in the directory. Their candidates' emails now name them.")))}
            <h1 class="govuk-heading-l">Advisors</h1>
            <p class="govuk-body">Candidates' emails name their advisor from this directory, by the staff id on the candidate's record; an advisor not listed is "{AdvisorDirectory.Unnamed}".</p>
            {(rows.Count == 0 ? Html.Of($"<p class=\"govuk-body\">No advisors yet.</p>") : Html.Of($"""
            <table class="govuk-table" id="advisors">
              <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Staff id</th>
                <th scope="col" class="govuk-table__header">Email</th><th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Change</span></th>
              </tr></thead>
              <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            """))}
            <h2 class="govuk-heading-m">Add an advisor</h2>
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
            <form method="post" action="/advisors" novalidate>
              {PageLayout.Antiforgery(http)}
              {FormFields.Text("id", "Staff id", v.GetValueOrDefault("id"), errors, hint: "As on their candidates' records: their Microsoft Entra object id (or a demo user's id locally)", width: "govuk-input--width-30", spellcheck: false)}
              {FormFields.Text("name", "Name", v.GetValueOrDefault("name"), errors, hint: "As candidates will read it, for example Amara Okafor", width: "govuk-input--width-20", autocomplete: "off")}
              {FormFields.Text("email", "Email address", v.GetValueOrDefault("email"), errors, type: "email", width: "govuk-input--width-30", autocomplete: "off", spellcheck: false)}
              {FormFields.Button("Add advisor")}
            </form>
            </div></div>
            """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);
    }

    private static IResult Edit(HttpContext http, Advisor advisor, Dictionary<string, string?> v, Dictionary<string, string[]> errors) =>
        PageLayout.Render(http, $"Change {advisor.Name}", Html.Of($"""
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              {FormFields.ErrorSummary(errors, Fields)}
              <span class="govuk-caption-l">Advisor {advisor.Id}</span>
              <h1 class="govuk-heading-l">Change {advisor.Name}</h1>
              <form method="post" action="/advisors/{advisor.Id}/edit" novalidate>
                {PageLayout.Antiforgery(http)}
                {FormFields.Text("name", "Name", v.GetValueOrDefault("name"), errors, width: "govuk-input--width-20", autocomplete: "off")}
                {FormFields.Text("email", "Email address", v.GetValueOrDefault("email"), errors, type: "email", width: "govuk-input--width-30", autocomplete: "off", spellcheck: false)}
                {FormFields.Button("Save advisor")}
              </form>
              <p class="govuk-body"><a class="govuk-link" href="/advisors">Cancel</a></p>
            </div></div>
            """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);

    private static IResult NotFound(HttpContext http) => PageParts.NotFound(http, "Advisor", "/advisors", "See all advisors");
}
