using Apprenticeships.Application.Employers.Commands;
using Apprenticeships.Application.Employers.Queries;
using Apprenticeships.Domain.Employers;
using Apprenticeships.Functions.Http.Employers;

namespace Apprenticeships.Functions.Pages.Employers;

/// <summary>
/// Hub administrators add and edit employers (<see cref="EmployerRegistration"/>) and their contacts
/// (<see cref="EmployerContacts"/>), erasing a contact on request. Sites are typed one to a line as
/// "name, postcode"; a site whose name stays the same keeps its id, so what refers to it still does.
/// </summary>
public static class EmployerAdminPages
{
    private static readonly string[] EmployerFields = ["id", "name", "sector", "isLevyPayer", "isSme", "sites"];
    private static readonly string[] ContactFields = ["name", "role", "email", "phone", "isPrimary"];

    public static IEndpointRouteBuilder MapEmployerAdminPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/employers/new", (HttpContext http) => EmployerForm(http, null, new() { ["isSme"] = "false" }, []))
            .RequireAuthorization(StaffPolicies.Administration);
        app.MapPost("/employers/new", async (HttpContext http, IFormCollection form, EmployerRegistration registration, CancellationToken ct) =>
        {
            var v = PageParts.Values(form);
            var (details, sitesProblem) = Read(v, null);
            var command = new CreateEmployer(string.IsNullOrWhiteSpace(v.GetValueOrDefault("id")) ? null : v["id"], details.Name, details.Sector, details.IsLevyPayer, details.IsSme, details.Sites);
            if (sitesProblem is not null) return EmployerForm(http, null, v, PageParts.With(registration.Check(details), [("sites", sitesProblem)]));
            var created = await registration.CreateAsync(command, ct);
            return created.Problem is { } problem
                ? EmployerForm(http, null, v, PageParts.OnFields(problem.Errors, EmployerFields, "name"))
                : Results.Redirect($"/employers/{created.Done.Id}?saved=created");
        }).RequireAuthorization(StaffPolicies.Administration);

        var one = app.MapGroup("/employers/{employerId}").RequireAuthorization(StaffPolicies.Administration);
        one.MapGet("/edit", async (HttpContext http, string employerId, EmployerQueries employers, CancellationToken ct) =>
            await employers.RecordAsync(employerId, ct) is { } employer ? EmployerForm(http, employer, Values(employer), []) : EmployerPages.NotFound(http));
        one.MapPost("/edit", async (HttpContext http, string employerId, IFormCollection form, EmployerQueries employers, EmployerRegistration registration, CancellationToken ct) =>
        {
            if (await employers.RecordAsync(employerId, ct) is not { } employer) return EmployerPages.NotFound(http);
            var v = PageParts.Values(form);
            var (command, sitesProblem) = Read(v, employer);
            if (sitesProblem is not null) return EmployerForm(http, employer, v, PageParts.With(registration.Check(command), [("sites", sitesProblem)]));
            var edited = await registration.EditAsync(employer.Id, command, ct);
            return edited.Problem is { } problem
                ? EmployerForm(http, employer, v, PageParts.OnFields(problem.Errors, EmployerFields, "name"))
                : Results.Redirect($"/employers/{employer.Id}?saved=edited");
        });

        one.MapGet("/contacts/new", async (HttpContext http, string employerId, EmployerQueries employers, CancellationToken ct) =>
            await employers.RecordAsync(employerId, ct) is { } employer ? ContactForm(http, employer, new(), []) : EmployerPages.NotFound(http));
        one.MapPost("/contacts/new", async (HttpContext http, string employerId, IFormCollection form, EmployerQueries employers, EmployerContacts contacts, CancellationToken ct) =>
        {
            if (await employers.RecordAsync(employerId, ct) is not { } employer) return EmployerPages.NotFound(http);
            var v = PageParts.Values(form);
            var added = await contacts.AddAsync(employer.Id, new AddContact(v.GetValueOrDefault("name"), v.GetValueOrDefault("role"), v.GetValueOrDefault("email"),
                v.GetValueOrDefault("phone"), v.GetValueOrDefault("isPrimary") == "true"), ct);
            return added.Problem is { } problem
                ? ContactForm(http, employer, v, PageParts.OnFields(problem.Errors, ContactFields, "name"))
                : Results.Redirect($"/employers/{employer.Id}?saved=contact");
        });
        one.MapPost("/contacts/{contactId}/erase", async (HttpContext http, string employerId, string contactId, EmployerContacts contacts, CancellationToken ct) =>
        {
            var erased = await contacts.EraseAsync(employerId, contactId, EmployersApi.StaffIdOf(http), ct);
            return erased.Succeeded ? Results.Redirect($"/employers/{employerId}?saved=erased") : PageParts.NotFound(http, "Contact", $"/employers", "See all employers");
        });
        return app;
    }

    /// <summary>The form's fields as the command reads them, and the problem only the form can see (a site line that is not "name, postcode").</summary>
    private static (EditEmployer Command, string? SitesProblem) Read(Dictionary<string, string?> v, Employer? before)
    {
        var sites = new List<SiteFields>();
        string? problem = null;
        foreach (var line in (v.GetValueOrDefault("sites") ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var comma = line.LastIndexOf(',');
            if (comma <= 0) { problem = $"Each site is a name and a postcode separated by a comma, like Acorn House, WR1 2AB: '{(line.Length > 20 ? line[..20] + "…" : line)}' is not."; break; }
            var name = line[..comma].Trim();
            var same = before?.Sites.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase) && sites.All(x => x.Id != s.Id));
            sites.Add(new SiteFields(same?.Id, name, line[(comma + 1)..].Trim()));
        }
        bool? Choice(string field) => v.GetValueOrDefault(field) switch { "true" => true, "false" => false, _ => null };
        return (new EditEmployer(v.GetValueOrDefault("name"), v.GetValueOrDefault("sector"), Choice("isLevyPayer"), Choice("isSme") ?? false, sites), problem);
    }

    private static Dictionary<string, string?> Values(Employer e) => new()
    {
        ["name"] = e.Name, ["sector"] = e.Sector, ["isLevyPayer"] = e.IsLevyPayer ? "true" : "false", ["isSme"] = e.IsSme ? "true" : "false",
        ["sites"] = string.Join("\n", e.Sites.Select(s => $"{s.Name}, {s.Postcode}")),
    };

    private static IResult EmployerForm(HttpContext http, Employer? editing, Dictionary<string, string?> v, Dictionary<string, string[]> errors)
    {
        string? V(string name) => v.GetValueOrDefault(name);
        var (title, action) = editing is null ? ("Add an employer", "/employers/new") : ($"Edit {editing.Name}", $"/employers/{editing.Id}/edit");
        return PageLayout.Render(http, title, Html.Of($"""
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              {FormFields.ErrorSummary(errors, EmployerFields)}
              {(editing is null ? Html.Empty : Html.Of($"<span class=\"govuk-caption-l\">Employer {editing.Id}</span>"))}
              <h1 class="govuk-heading-l">{title}</h1>
              <p class="govuk-body">One record for the employer: academies, job starts, cohorts and its levy account all refer to it, so a new name shows everywhere.</p>
              <form method="post" action="{action}" novalidate>
                {PageLayout.Antiforgery(http)}
                {(editing is null ? FormFields.Text("id", "Employer id (optional)", V("id"), errors, hint: "Letters, digits, '-' and '_'. Leave it blank and one is made.", width: "govuk-input--width-20", spellcheck: false) : Html.Empty)}
                {FormFields.Text("name", "Name", V("name"), errors, width: "govuk-input--width-30")}
                {FormFields.Text("sector", "Sector", V("sector"), errors, hint: "For example, Adult care", width: "govuk-input--width-20")}
                {FormFields.Radios("isLevyPayer", "Does the employer pay the apprenticeship levy?", [("true", "Yes, it pays the levy"), ("false", "No")], V("isLevyPayer"), errors, inline: true)}
                {FormFields.Radios("isSme", "Is it a small or medium-sized employer (SME)?", [("true", "Yes"), ("false", "No")], V("isSme"), errors, inline: true)}
                {FormFields.TextArea("sites", "Sites (optional)", V("sites"), errors, hint: "One to a line: the site's name, a comma, its postcode. For example, Acorn House, WR1 2AB", rows: 4)}
                {FormFields.Button(editing is null ? "Add employer" : "Save employer")}
              </form>
              <p class="govuk-body"><a class="govuk-link" href="{(editing is null ? "/employers" : $"/employers/{editing.Id}")}">Cancel</a></p>
            </div></div>
            """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);
    }

    private static IResult ContactForm(HttpContext http, Employer employer, Dictionary<string, string?> v, Dictionary<string, string[]> errors)
    {
        string? V(string name) => v.GetValueOrDefault(name);
        return PageLayout.Render(http, $"Add a contact at {employer.Name}", Html.Of($"""
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              {FormFields.ErrorSummary(errors, ContactFields)}
              <span class="govuk-caption-l">{employer.Name}</span>
              <h1 class="govuk-heading-l">Add a contact</h1>
              <p class="govuk-body">A person the hub deals with at the employer. Their details are personal data: kept apart from the employer and erased on request.</p>
              <form method="post" action="/employers/{employer.Id}/contacts/new" novalidate>
                {PageLayout.Antiforgery(http)}
                {FormFields.Text("name", "Full name", V("name"), errors, autocomplete: "off", width: "govuk-input--width-30")}
                {FormFields.Text("role", "Role", V("role"), errors, hint: "For example, Registered manager", width: "govuk-input--width-30")}
                {FormFields.Text("email", "Email", V("email"), errors, type: "email", autocomplete: "off", width: "govuk-input--width-30", spellcheck: false)}
                {FormFields.Text("phone", "Phone (optional)", V("phone"), errors, type: "tel", autocomplete: "off", width: "govuk-input--width-20")}
                {FormFields.Checkbox("isPrimary", "Primary contact", "The hub writes to this person first", V("isPrimary") == "true", errors)}
                {FormFields.Button("Add contact")}
              </form>
              <p class="govuk-body"><a class="govuk-link" href="/employers/{employer.Id}">Cancel</a></p>
            </div></div>
            """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);
    }
}
