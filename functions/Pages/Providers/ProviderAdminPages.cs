
namespace Apprenticeships.Functions.Pages.Providers;

/// <summary>
/// Training providers and their API keys, for hub administrators. A key is shown once, when it is
/// issued, and kept only as a hash: issuing a new one stops the old one at once.
/// </summary>
public static class ProviderAdminPages
{
    public static IEndpointRouteBuilder MapProviderAdminPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/providers").RequireAuthorization(StaffPolicies.Administration);
        group.MapGet("", async (HttpContext http, ProviderKeys keys, CancellationToken ct) => await RenderAsync(http, keys, [], null, ct));

        group.MapPost("", async (HttpContext http, IFormCollection form, ProviderKeys keys, CancellationToken ct) =>
            await keys.RegisterAsync(new RegisterProvider(form["id"], form["name"]), ct) is var issued && issued.Problem is { } problem
                ? await RenderAsync(http, keys, problem.ToDictionary(), null, ct, form["id"], form["name"])
                : await RenderAsync(http, keys, [], issued.Value, ct));

        group.MapPost("/{id}/key", async (HttpContext http, string id, ProviderKeys keys, CancellationToken ct) =>
            await keys.IssueNewKeyAsync(id, ct) is var issued && issued.Problem is { } problem
                ? await RenderAsync(http, keys, problem.ToDictionary(), null, ct)
                : await RenderAsync(http, keys, [], issued.Value, ct));
        return app;
    }

    private static async Task<IResult> RenderAsync(HttpContext http, ProviderKeys keys, Dictionary<string, string[]> errors,
        IssuedKey? issued, CancellationToken ct, string? id = null, string? name = null)
    {
        var rows = (await keys.ListAsync(ct)).Select(p => Html.Of($"""
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">{p.Name}</td><td class="govuk-table__cell">{p.Id}</td>
              <td class="govuk-table__cell">{StageNames.When(p.KeyIssuedAt)}</td>
              <td class="govuk-table__cell">
                <form method="post" action="/providers/{p.Id}/key">{PageLayout.Antiforgery(http)}{FormFields.Button($"Issue a new key for {p.Name}", secondary: true)}</form>
              </td>
            </tr>
            """));
        var shown = issued is not var (account, key) ? Html.Empty : Html.Of($"""
            <div class="govuk-panel govuk-panel--confirmation" id="issued-key">
              <h2 class="govuk-panel__title">API key for {account.Name}</h2>
              <div class="govuk-panel__body"><span class="app-key" id="api-key">{key}</span></div>
            </div>
            <div class="govuk-warning-text">
              <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
              <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> Copy this key now and give it to the provider securely. It is not stored and will not be shown again.</strong>
            </div>
            """);
        return PageLayout.Render(http, "Providers", Html.Of($"""
            {FormFields.ErrorSummary(errors, ["id", "name"])}
            <h1 class="govuk-heading-l">Training providers</h1>
            {shown}
            <table class="govuk-table">
              <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Id</th>
                <th scope="col" class="govuk-table__header">Key issued</th><th scope="col" class="govuk-table__header">Key</th>
              </tr></thead>
              <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            <h2 class="govuk-heading-m">Register a provider</h2>
            <form method="post" action="/providers" novalidate>
              {PageLayout.Antiforgery(http)}
              {FormFields.Text("id", "Provider id", id, errors, hint: "Letters, digits, '-' and '_'; it starts their API key", width: "govuk-input--width-20", spellcheck: false)}
              {FormFields.Text("name", "Name", name, errors, width: "govuk-input--width-30")}
              {FormFields.Button("Register and issue a key")}
            </form>
            """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);
    }
}
