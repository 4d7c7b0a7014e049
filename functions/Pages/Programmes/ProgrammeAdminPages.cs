using Apprenticeships.Application.Vacancies;
using Apprenticeships.Application.Vacancies.Queries;
using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Domain.Vacancies;

namespace Apprenticeships.Functions.Pages.Programmes;

/// <summary>
/// Hub administrators create and edit academies and cohorts (<see cref="AcademyCreation"/>,
/// <see cref="AcademyEditing"/>, <see cref="CohortCreation"/>, <see cref="CohortEditing"/>); and
/// anyone who works with candidates sees a cohort with its members.
/// </summary>
public static class ProgrammeAdminPages
{
    private static readonly string[] AcademyFields = ["id", "name", "employerId", "vacancyIds", "sector", "providerId", "place", "sessions", "placementStart", "placementEnd", "interviewDate", "costPerPlace"];
    private static readonly string[] CohortFields = ["id", "name", "standardName", "employerId", "providerId", "startDate", "durationMonths", "agreedPrice", "fundingBandMaximum"];

    public static IEndpointRouteBuilder MapProgrammeAdminPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/academies/new", async (HttpContext http, CancellationToken ct) => await AcademyFormAsync(http, null, new(), [], ct))
            .RequireAuthorization(StaffPolicies.Administration);
        app.MapPost("/academies/new", async (HttpContext http, IFormCollection form, AcademyCreation creation, CancellationToken ct) =>
        {
            var v = PageParts.Values(form);
            var (details, own) = ReadAcademy(v);
            var command = new CreateAcademy(string.IsNullOrWhiteSpace(v.GetValueOrDefault("id")) ? null : v["id"], details.Name, details.EmployerId, details.Sector,
                details.ProviderId, details.Place, details.Sessions, details.PlacementStart, details.PlacementEnd, details.InterviewDate, details.CostPerPlace)
            { VacancyIds = details.VacancyIds };
            return await SaveAsync(own, () => creation.Check(command), () => creation.CreateAsync(command, ct), AcademyFields,
                errors => AcademyFormAsync(http, null, v, errors, ct), created => $"/academies/{created.Id}?saved=created");
        }).RequireAuthorization(StaffPolicies.Administration);

        app.MapGet("/academies/{id}/edit", async (HttpContext http, string id, ProgrammeQueries programmes, CancellationToken ct) =>
            await programmes.AcademyRecordAsync(id, ct) is { } academy
                ? await AcademyFormAsync(http, academy, AcademyValues(EditAcademy.From(academy)), [], ct)
                : NotFound(http, "Academy", "/academies", "See all academies"))
            .RequireAuthorization(StaffPolicies.Administration);
        app.MapPost("/academies/{id}/edit", async (HttpContext http, string id, IFormCollection form, ProgrammeQueries programmes, AcademyEditing editing, CancellationToken ct) =>
        {
            if (await programmes.AcademyRecordAsync(id, ct) is not { } academy) return NotFound(http, "Academy", "/academies", "See all academies");
            var v = PageParts.Values(form);
            var (command, own) = ReadAcademy(v);
            return await SaveAsync(own, () => editing.CheckFields(command), () => editing.EditAsync(academy.Id, command, ct), AcademyFields,
                errors => AcademyFormAsync(http, academy, v, errors, ct), _ => $"/academies/{academy.Id}?saved=edited");
        }).RequireAuthorization(StaffPolicies.Administration);

        app.MapGet("/cohorts/new", async (HttpContext http, CancellationToken ct) => await CohortFormAsync(http, null, new(), [], ct))
            .RequireAuthorization(StaffPolicies.Administration);
        app.MapPost("/cohorts/new", async (HttpContext http, IFormCollection form, CohortCreation creation, CancellationToken ct) =>
        {
            var v = PageParts.Values(form);
            var (details, own) = ReadCohort(v);
            var command = new CreateCohort(string.IsNullOrWhiteSpace(v.GetValueOrDefault("id")) ? null : v["id"], details.Name, details.StandardName, details.EmployerId,
                details.ProviderId, details.StartDate, details.DurationMonths, details.AgreedPrice, details.FundingBandMaximum);
            return await SaveAsync(own, () => creation.Check(command), () => creation.CreateAsync(command, ct), CohortFields,
                errors => CohortFormAsync(http, null, v, errors, ct), created => $"/cohorts/{created.Id}?saved=created");
        }).RequireAuthorization(StaffPolicies.Administration);

        app.MapGet("/cohorts/{id}/edit", async (HttpContext http, string id, ProgrammeQueries programmes, CancellationToken ct) =>
            await programmes.CohortRecordAsync(id, ct) is { } cohort
                ? await CohortFormAsync(http, cohort, CohortValues(EditCohort.From(cohort)), [], ct)
                : NotFound(http, "Cohort", "/cohorts", "See all cohorts"))
            .RequireAuthorization(StaffPolicies.Administration);
        app.MapPost("/cohorts/{id}/edit", async (HttpContext http, string id, IFormCollection form, ProgrammeQueries programmes, CohortEditing editing, CancellationToken ct) =>
        {
            if (await programmes.CohortRecordAsync(id, ct) is not { } cohort) return NotFound(http, "Cohort", "/cohorts", "See all cohorts");
            var v = PageParts.Values(form);
            var (command, own) = ReadCohort(v);
            return await SaveAsync(own, () => editing.CheckFields(command), () => editing.EditAsync(cohort.Id, command, ct), CohortFields,
                errors => CohortFormAsync(http, cohort, v, errors, ct), _ => $"/cohorts/{cohort.Id}?saved=edited");
        }).RequireAuthorization(StaffPolicies.Administration);

        app.MapGet("/cohorts/{id}", async (HttpContext http, string id, string? saved, ProgrammeQueries programmes, CancellationToken ct) =>
            (await programmes.CohortAsync(id, ct)).Value is { } details ? Cohort(http, details, saved) : NotFound(http, "Cohort", "/cohorts", "See all cohorts"))
            .RequireAuthorization(StaffPolicies.Candidates);
        return app;
    }

    /// <summary>
    /// Saves a form: when a box made no date or amount, the form again with those problems and the command's own field
    /// checks together (so every problem shows at once); otherwise the command, then its problems on the form or the saved page.
    /// </summary>
    private static async Task<IResult> SaveAsync<T>((string Field, string? Problem)[] own, Func<Dictionary<string, string[]>> check, Func<Task<Result<T>>> save,
        string[] fields, Func<Dictionary<string, string[]>, Task<IResult>> form, Func<T, string> saved)
    {
        if (own.Any(o => o.Problem is not null)) return await form(PageParts.With(check(), own));
        var result = await save();
        return result.Problem is { } problem ? await form(PageParts.OnFields(problem.Errors, fields, "name")) : Results.Redirect(saved(result.Done));
    }

    /// <summary>The academy form's fields as the commands read them, and the problems only the form can see (boxes that make no date or amount).</summary>
    private static (EditAcademy Command, (string Field, string? Problem)[] Own) ReadAcademy(Dictionary<string, string?> v)
    {
        var (sessions, sessionsProblem) = PageParts.DateLines(v.GetValueOrDefault("sessions"), "Session dates");
        var (placementStart, startProblem) = PageParts.DateFromBoxes(v, "placementStart", "Placement start");
        var (placementEnd, endProblem) = PageParts.DateFromBoxes(v, "placementEnd", "Placement end");
        var (interview, interviewProblem) = PageParts.DateFromBoxes(v, "interviewDate", "Interview date");
        var (cost, costProblem) = PageParts.Money(v.GetValueOrDefault("costPerPlace"), "Cost per place");
        // Checked vacancies come as one value per box (joined with commas here; ids have none); none checked, none kept.
        var vacancyIds = (v.GetValueOrDefault("vacancyIds") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        return (new EditAcademy(v.GetValueOrDefault("name"), v.GetValueOrDefault("employerId"), v.GetValueOrDefault("sector"), v.GetValueOrDefault("providerId"),
                v.GetValueOrDefault("place"), sessions, placementStart, placementEnd, interview, cost) { VacancyIds = vacancyIds },
            [("sessions", sessionsProblem), ("placementStart", startProblem), ("placementEnd", endProblem), ("interviewDate", interviewProblem), ("costPerPlace", costProblem)]);
    }

    private static (EditCohort Command, (string Field, string? Problem)[] Own) ReadCohort(Dictionary<string, string?> v)
    {
        var (start, startProblem) = PageParts.DateFromBoxes(v, "startDate", "Start date");
        var (months, monthsProblem) = PageParts.Whole(v.GetValueOrDefault("durationMonths"), "Duration in months");
        var (price, priceProblem) = PageParts.Money(v.GetValueOrDefault("agreedPrice"), "Agreed price");
        var (band, bandProblem) = PageParts.Money(v.GetValueOrDefault("fundingBandMaximum"), "Funding band maximum");
        return (new EditCohort(v.GetValueOrDefault("name"), v.GetValueOrDefault("standardName"), v.GetValueOrDefault("employerId"), v.GetValueOrDefault("providerId"),
                start, months, price, band),
            [("startDate", startProblem), ("durationMonths", monthsProblem), ("agreedPrice", priceProblem), ("fundingBandMaximum", bandProblem)]);
    }

    private static Dictionary<string, string?> AcademyValues(EditAcademy a) => new()
    {
        ["name"] = a.Name, ["employerId"] = a.EmployerId, ["vacancyIds"] = string.Join(',', a.VacancyIds ?? []), ["sector"] = a.Sector, ["providerId"] = a.ProviderId, ["place"] = a.Place,
        ["sessions"] = PageParts.AsLines(a.Sessions), ["placementStart"] = a.PlacementStart, ["placementEnd"] = a.PlacementEnd, ["interviewDate"] = a.InterviewDate,
        ["costPerPlace"] = a.CostPerPlace?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string?> CohortValues(EditCohort k) => new()
    {
        ["name"] = k.Name, ["standardName"] = k.StandardName, ["employerId"] = k.EmployerId, ["providerId"] = k.ProviderId, ["startDate"] = k.StartDate,
        ["durationMonths"] = k.DurationMonths?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["agreedPrice"] = k.AgreedPrice?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        ["fundingBandMaximum"] = k.FundingBandMaximum?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static async Task<IResult> AcademyFormAsync(HttpContext http, Academy? editing, Dictionary<string, string?> v, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        string? V(string name) => v.GetValueOrDefault(name);
        var providers = await ProvidersAsync(http, ct);
        var employers = await EmployersAsync(http, ct);
        var chosen = (V("vacancyIds") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var vacancies = await VacanciesAsync(http, chosen, ct);
        var (title, action) = editing is null ? ("Create an academy", "/academies/new") : ($"Edit {editing.Name}", $"/academies/{editing.Id}/edit");
        return PageLayout.Render(http, title, Html.Of($"""
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              {FormFields.ErrorSummary(errors, AcademyFields)}
              {(editing is null ? Html.Empty : Html.Of($"<span class=\"govuk-caption-l\">Academy {editing.Id}</span>"))}
              <h1 class="govuk-heading-l">{title}</h1>
              <p class="govuk-body">A sector-based work academy: pre-employment sessions, a work placement and a guaranteed interview, up to six weeks from the first session to the interview.{(editing is null ? "" : " Once it has members its dates and provider stay as they are; a new cost per place counts for members who join from now.")}</p>
              <form method="post" action="{action}" novalidate>
                {PageLayout.Antiforgery(http)}
                {(editing is null ? FormFields.Text("id", "Academy id (optional)", V("id"), errors, hint: "Letters, digits, '-' and '_'. Leave it blank and one is made.", width: "govuk-input--width-20", spellcheck: false) : Html.Empty)}
                {FormFields.Text("name", "Name", V("name"), errors, width: "govuk-input--width-30")}
                {FormFields.Select("employerId", "Employer", employers, V("employerId"), errors,
                    hint: editing is { EmployerId: null, EmployerName: { } typed } ? $"Whose vacancies the academy is built around. It was recorded as \"{typed}\": choose that employer's record." : "Whose vacancies the academy is built around (add employers under Employers)")}
                {(vacancies.Count == 0 ? Html.Empty : FormFields.Checkboxes("vacancyIds", "Vacancies it is built around (optional)", vacancies, chosen, errors,
                    hint: "The employer's open vacancies that the academy's members will be interviewed for."))}
                {FormFields.Text("sector", "Sector", V("sector"), errors, width: "govuk-input--width-20")}
                {FormFields.Select("providerId", "Training provider", providers, V("providerId"), errors)}
                {FormFields.Text("place", "Place", V("place"), errors, hint: "Where the sessions are held", width: "govuk-input--width-30")}
                {FormFields.TextArea("sessions", "Session dates", V("sessions"), errors, hint: "One date to a line, for example 27/3/2026", rows: 4)}
                {FormFields.Date("placementStart", "Placement starts", PageParts.Boxes(v, "placementStart"), errors, hint: "For example, 6 4 2026")}
                {FormFields.Date("placementEnd", "Placement ends", PageParts.Boxes(v, "placementEnd"), errors)}
                {FormFields.Date("interviewDate", "Interview date", PageParts.Boxes(v, "interviewDate"), errors)}
                {FormFields.Text("costPerPlace", "Cost per place in pounds (optional)", V("costPerPlace"), errors, hint: "What a place costs the hub, for cost per outcome; for example 450.00", width: "govuk-input--width-10")}
                {FormFields.Button(editing is null ? "Create academy" : "Save academy")}
              </form>
              <p class="govuk-body"><a class="govuk-link" href="{(editing is null ? "/academies" : $"/academies/{editing.Id}")}">Cancel</a></p>
            </div></div>
            """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);
    }

    private static async Task<IResult> CohortFormAsync(HttpContext http, Cohort? editing, Dictionary<string, string?> v, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        string? V(string name) => v.GetValueOrDefault(name);
        var providers = await ProvidersAsync(http, ct);
        var employers = await EmployersAsync(http, ct);
        var policy = http.RequestServices.GetRequiredService<FundingPolicy>();
        var today = http.RequestServices.GetRequiredService<TimeProvider>().Today();
        var (title, action) = editing is null ? ("Create a cohort", "/cohorts/new") : ($"Edit {editing.Name}", $"/cohorts/{editing.Id}/edit");
        return PageLayout.Render(http, title, Html.Of($"""
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              {FormFields.ErrorSummary(errors, CohortFields)}
              {(editing is null ? Html.Empty : Html.Of($"<span class=\"govuk-caption-l\">Cohort {editing.Id}</span>"))}
              <h1 class="govuk-heading-l">{title}</h1>
              <p class="govuk-body">An apprenticeship intake: one employer, whose levy account pays, one training provider and one standard.{(editing is null ? "" : " Once it has members its start, duration and provider stay as they are, and once it has started so do its employer, price and band.")}</p>
              <form method="post" action="{action}" novalidate>
                {PageLayout.Antiforgery(http)}
                {(editing is null ? FormFields.Text("id", "Cohort id (optional)", V("id"), errors, hint: "Letters, digits, '-' and '_'. Leave it blank and one is made.", width: "govuk-input--width-20", spellcheck: false) : Html.Empty)}
                {FormFields.Text("name", "Name", V("name"), errors, width: "govuk-input--width-30")}
                {FormFields.Text("standardName", "Apprenticeship standard", V("standardName"), errors, hint: "For example, Adult care worker (level 2)", width: "govuk-input--width-30")}
                {FormFields.Select("employerId", "Employer", employers, V("employerId"), errors, hint: "Its levy account pays: a levy payer's own, or one that receives transfers")}
                {FormFields.Select("providerId", "Training provider", providers, V("providerId"), errors)}
                {FormFields.Date("startDate", "Start date", PageParts.Boxes(v, "startDate"), errors, hint: "For example, 1 9 2026")}
                {FormFields.Text("durationMonths", "Duration in months", V("durationMonths"), errors, hint: $"{CohortRules.ShortestMonths} to {CohortRules.LongestMonths}", width: "govuk-input--width-4")}
                {FormFields.Text("agreedPrice", "Agreed price in pounds", V("agreedPrice"), errors, hint: "For example, 7000.00", width: "govuk-input--width-10")}
                {FormFields.Text("fundingBandMaximum", "Funding band maximum in pounds", V("fundingBandMaximum"), errors,
                    hint: $"The standard's funding band: today from {policy.FundingBandFloor.At(today):0} to {policy.FundingBandCeiling.At(today):0}", width: "govuk-input--width-10")}
                {FormFields.Button(editing is null ? "Create cohort" : "Save cohort")}
              </form>
              <p class="govuk-body"><a class="govuk-link" href="{(editing is null ? "/cohorts" : $"/cohorts/{editing.Id}")}">Cancel</a></p>
            </div></div>
            """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);
    }

    private static IResult Cohort(HttpContext http, CohortDetails details, string? saved)
    {
        var k = details.Cohort;
        var notice = saved switch
        {
            "created" => PageParts.SuccessBanner(Html.Of($"Cohort created.")),
            "edited" => PageParts.SuccessBanner(Html.Of($"Cohort saved.")),
            _ => Html.Empty,
        };
        var members = details.Members.Select(m => Html.Of($"""
            <tr class="govuk-table__row">
              <td class="govuk-table__cell"><a class="govuk-link" href="/candidates/{m.CandidateId}">{m.Name}</a></td>
              <td class="govuk-table__cell">{StageNames.Tag(m.Stage)}</td>
              <td class="govuk-table__cell"><ul class="govuk-list govuk-body-s">{m.Facts.Select(f => Html.Of($"<li>{f}</li>"))}</ul></td>
            </tr>
            """)).ToList();
        return PageLayout.Render(http, k.Name, Html.Of($"""
            {notice}
            <span class="govuk-caption-l">Cohort {k.Id}</span>
            <h1 class="govuk-heading-l">{k.Name}</h1>
            <dl class="govuk-summary-list">
              {PageParts.Row("Standard", k.StandardName)}{PageParts.Row("Employer", Html.Of($"<a class=\"govuk-link\" href=\"/employers/{k.EmployerId}\">{details.Employer}</a>"))}{PageParts.Row("Provider", details.Provider)}
              {PageParts.Row("Runs", $"{PageParts.LongDate(k.StartDate)} to {PageParts.LongDate(details.PlannedEndDate)} ({k.DurationMonths} months)")}
              {PageParts.Row("Agreed price", k.AgreedPrice.ToString("C", PageParts.EnGb))}{PageParts.Row("Funding band maximum", k.FundingBandMaximum.ToString("C", PageParts.EnGb))}
            </dl>
            {(PageParts.IsAdmin(http) ? Html.Of($"<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/cohorts/{k.Id}/edit\">Edit this cohort</a></p>") : Html.Empty)}
            <h2 class="govuk-heading-m">Members</h2>
            {(members.Count == 0 ? Html.Of($"<p class=\"govuk-body\">No members yet. Accept engaged candidates from their own page.</p>") : Html.Of($"""
            <table class="govuk-table" id="members">
              <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Stage</th><th scope="col" class="govuk-table__header">Recorded</th>
              </tr></thead>
              <tbody class="govuk-table__body">{members}</tbody>
            </table>
            """))}
            """));
    }

    /// <summary>The hub's employers for a select list, by name: shared by the academy, cohort and job-start forms.</summary>
    internal static async Task<IEnumerable<(string, string)>> EmployersAsync(HttpContext http, CancellationToken ct) =>
        new[] { ("", "Choose…") }.Concat((await http.RequestServices.GetRequiredService<Apprenticeships.Application.Employers.Queries.EmployerQueries>().ListAsync(ct))
            .Select(e => (e.Id, $"{e.Name} ({e.Id})")));

    /// <summary>Open vacancies, and any already chosen (they may have closed since), as "Senior carer at Oak House, Acorn Care (closes 1 May 2027)".</summary>
    private static async Task<List<(string, string)>> VacanciesAsync(HttpContext http, IReadOnlySet<string> chosen, CancellationToken ct) =>
        (await http.RequestServices.GetRequiredService<VacancyQueries>().ListAsync(openOnly: false, employerId: null, Actor.Hub, ct)).Done
            .Where(x => x.Status == VacancyStatus.Open || chosen.Contains(x.Vacancy.Id))
            .OrderBy(x => x.EmployerName, StringComparer.Ordinal).ThenBy(x => x.Vacancy.Role, StringComparer.Ordinal)
            .Select(x => (x.Vacancy.Id, $"{x.Vacancy.Role}{(x.SiteName is null ? "" : $" at {x.SiteName}")}, {x.EmployerName} (closes {PageParts.LongDate(x.Vacancy.ClosingDate)})"))
            .ToList();

    private static async Task<IEnumerable<(string, string)>> ProvidersAsync(HttpContext http, CancellationToken ct) =>
        new[] { ("", "Choose…") }.Concat((await http.RequestServices.GetRequiredService<ProviderKeys>().ListAsync(ct)).Select(p => (p.Id, $"{p.Name} ({p.Id})")));

    private static IResult NotFound(HttpContext http, string what, string back, string backText) => PageParts.NotFound(http, what, back, backText);
}
