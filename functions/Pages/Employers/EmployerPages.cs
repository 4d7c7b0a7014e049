using Apprenticeships.Application.Employers.Commands;
using Apprenticeships.Application.Employers.Queries;
using Apprenticeships.Application.Staff.Commands;
using Apprenticeships.Domain.Employers;

namespace Apprenticeships.Functions.Pages.Employers;

/// <summary>
/// The hub's employers as advisors work with them: the list (member of the scheme or not, sector),
/// and one employer's page with its sites, contacts and membership history, and short forms to
/// record joining, leaving, an event attended and a support session (<see cref="SchemeMembership"/>).
/// Each form's fields have names of their own, so four forms share the page without sharing an id.
/// </summary>
public static class EmployerPages
{
    /// <summary>A membership form: the command's field names as the form names them.</summary>
    private sealed record StepForm(string Step, IReadOnlyDictionary<string, string> Fields);

    private static readonly StepForm Join = new("join", new Dictionary<string, string> { ["date"] = "joinDate", ["support"] = "support" });
    private static readonly StepForm Leave = new("leave", new Dictionary<string, string> { ["date"] = "leaveDate", ["reason"] = "reason" });
    private static readonly StepForm Event = new("events", new Dictionary<string, string> { ["date"] = "eventDate", ["eventName"] = "eventName" });
    private static readonly StepForm Session = new("sessions", new Dictionary<string, string> { ["date"] = "sessionDate", ["topic"] = "topic", ["advisorId"] = "advisorId", ["note"] = "note" });

    public static IEndpointRouteBuilder MapEmployerPages(this IEndpointRouteBuilder app)
    {
        app.MapEmployerAdminPages();
        app.MapGet("/employers", async (HttpContext http, EmployerQueries employers, CancellationToken ct) => List(http, await employers.ListAsync(ct)))
            .RequireAuthorization(StaffPolicies.Candidates);

        var one = app.MapGroup("/employers/{employerId}").RequireAuthorization(StaffPolicies.Candidates);
        one.MapGet("", async (HttpContext http, string employerId, string? saved, EmployerQueries employers, CancellationToken ct) =>
            (await employers.DetailsAsync(employerId, ct)).Value is { } details ? await DetailsAsync(http, details, saved, new(), [], ct) : NotFound(http));

        one.MapPost("/membership/join", (HttpContext http, string employerId, IFormCollection form, SchemeMembership scheme, CancellationToken ct) =>
            StepAsync(http, employerId, form, Join, v =>
            {
                var (date, problem) = PageParts.DateFromBoxes(v, "joinDate", "Date joined");
                return (scheme.JoinAsync(employerId, new JoinScheme(date, form["support"].Where(s => s is not null).Select(s => s!).ToList()), ct), [("joinDate", problem)]);
            }, "joined", ct));
        one.MapPost("/membership/leave", (HttpContext http, string employerId, IFormCollection form, SchemeMembership scheme, CancellationToken ct) =>
            StepAsync(http, employerId, form, Leave, v =>
            {
                var (date, problem) = PageParts.DateFromBoxes(v, "leaveDate", "Date left");
                return (scheme.LeaveAsync(employerId, new LeaveScheme(date, v.GetValueOrDefault("reason")), ct), [("leaveDate", problem)]);
            }, "left", ct));
        one.MapPost("/membership/events", (HttpContext http, string employerId, IFormCollection form, SchemeMembership scheme, CancellationToken ct) =>
            StepAsync(http, employerId, form, Event, v =>
            {
                var (date, problem) = PageParts.DateFromBoxes(v, "eventDate", "Event date");
                return (scheme.RecordEventAsync(employerId, new RecordSchemeEvent(date, v.GetValueOrDefault("eventName")), ct), [("eventDate", problem)]);
            }, "event", ct));
        one.MapPost("/membership/sessions", (HttpContext http, string employerId, IFormCollection form, SchemeMembership scheme, CancellationToken ct) =>
            StepAsync(http, employerId, form, Session, v =>
            {
                var (date, problem) = PageParts.DateFromBoxes(v, "sessionDate", "Session date");
                return (scheme.LogSessionAsync(employerId, new LogSupportSession(date, v.GetValueOrDefault("topic"), v.GetValueOrDefault("advisorId"), v.GetValueOrDefault("note")), ct),
                    [("sessionDate", problem)]);
            }, "session", ct));
        return app;
    }

    /// <summary>
    /// Records one membership step from its form. A date the boxes could not make is sent as none,
    /// so the command refuses it and saves nothing; the form's own problem is shown over the command's.
    /// </summary>
    private static async Task<IResult> StepAsync(HttpContext http, string employerId, IFormCollection form, StepForm step,
        Func<Dictionary<string, string?>, (Task<Result<EmployerMembership>> Done, (string, string?)[] Own)> record, string saved, CancellationToken ct)
    {
        var queries = http.RequestServices.GetRequiredService<EmployerQueries>();
        if (await queries.RecordAsync(employerId, ct) is null) return NotFound(http);
        var v = PageParts.Values(form);
        var (done, own) = record(v);
        var result = await done;
        if (result.Succeeded) return Results.Redirect($"/employers/{employerId}?saved={saved}");
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (field, messages) in result.Problem!.Errors) errors[step.Fields.GetValueOrDefault(field, step.Fields.Values.First())] = messages;
        errors = PageParts.With(errors, own);
        var details = (await queries.DetailsAsync(employerId, ct)).Value;
        return details is null ? NotFound(http) : await DetailsAsync(http, details, null, v, errors, ct,
            result.Problem.Kind == ProblemKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
    }

    private static IResult List(HttpContext http, List<EmployerSummary> employers)
    {
        var rows = employers.Select(e => Html.Of($"""
            <tr class="govuk-table__row">
              <td class="govuk-table__cell"><a class="govuk-link" href="/employers/{e.Id}">{e.Name}</a><br><span class="govuk-hint govuk-!-font-size-16">{e.Id}</span></td>
              <td class="govuk-table__cell">{(e.Sector.Length == 0 ? "Not recorded" : e.Sector)}</td>
              <td class="govuk-table__cell">{(e.IsLevyPayer ? "Levy payer" : "Non-levy")}{(e.IsSme ? ", SME" : "")}</td>
              <td class="govuk-table__cell">{(e.IsMember
                  ? Html.Of($"<strong class=\"govuk-tag govuk-tag--green\">Member</strong> <span class=\"govuk-body-s\">since {PageParts.LongDate(e.MemberSince!.Value)}</span>")
                  : Html.Of($"<strong class=\"govuk-tag govuk-tag--grey\">Not a member</strong>"))}</td>
            </tr>
            """)).ToList();
        return PageLayout.Render(http, "Employers", Html.Of($"""
            <h1 class="govuk-heading-l">Employers</h1>
            <p class="govuk-body">The employers the hub works with: one record each, which academies, job starts, cohorts and the levy account refer to, and their membership of the hub's employer scheme.</p>
            {(PageParts.IsAdmin(http) ? PageParts.ButtonLink("/employers/new", "Add an employer") : Html.Empty)}
            {(rows.Count == 0 ? Html.Of($"<p class=\"govuk-body\">None yet.</p>") : Html.Of($"""
            <table class="govuk-table" id="employers">
              <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Employer</th><th scope="col" class="govuk-table__header">Sector</th>
                <th scope="col" class="govuk-table__header">Levy</th><th scope="col" class="govuk-table__header">Scheme</th>
              </tr></thead>
              <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            """))}
            """));
    }

    private static async Task<IResult> DetailsAsync(HttpContext http, EmployerDetails details, string? saved, Dictionary<string, string?> v,
        Dictionary<string, string[]> errors, CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var (e, m) = (details.Employer, details.Membership);
        var directory = http.RequestServices.GetRequiredService<AdvisorDirectory>();
        var advisors = (await directory.ListAsync(ct)).ToDictionary(a => a.Id, a => a.Name);
        var isAdmin = PageParts.IsAdmin(http);
        var notice = saved switch
        {
            "created" => "Employer added.",
            "edited" => "Employer saved.",
            "contact" => "Contact added.",
            "erased" => "Contact erased: nothing of them is kept.",
            "joined" => "Joining the scheme recorded.",
            "left" => "Leaving the scheme recorded.",
            "event" => "Event recorded.",
            "session" => "Support session recorded.",
            _ => null,
        };
        var sites = e.Sites.Select(s => Html.Of($"<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">{s.Name}</td><td class=\"govuk-table__cell\">{s.Postcode}</td></tr>")).ToList();
        var contacts = details.Contacts.Select(c => Html.Of($"""
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">{c.Name}{(c.IsPrimary ? Html.Of($" <strong class=\"govuk-tag govuk-tag--blue\">Primary</strong>") : Html.Empty)}</td>
              <td class="govuk-table__cell">{c.Role}</td><td class="govuk-table__cell">{c.Email}</td><td class="govuk-table__cell">{c.Phone ?? ""}</td>
              {(isAdmin ? Html.Of($"""
              <td class="govuk-table__cell">
                <form method="post" action="/employers/{e.Id}/contacts/{c.Id}/erase" novalidate>
                  {PageLayout.Antiforgery(http)}
                  <button type="submit" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button">Erase<span class="govuk-visually-hidden"> {c.Name}</span></button>
                </form>
              </td>
              """) : Html.Empty)}
            </tr>
            """)).ToList();
        var spells = m.Spells.Select(s => Html.Of($"""
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">{PageParts.LongDate(s.Joined)}</td>
              <td class="govuk-table__cell">{string.Join(", ", s.Support.Select(SupportName))}</td>
              <td class="govuk-table__cell">{(s.Left is { } left ? $"{PageParts.LongDate(left)}: {s.LeftReason}" : "Still a member")}</td>
            </tr>
            """)).ToList();
        var events = m.Events.OrderByDescending(x => x.Date).Select(x => Html.Of($"<tr class=\"govuk-table__row\"><td class=\"govuk-table__cell\">{PageParts.LongDate(x.Date)}</td><td class=\"govuk-table__cell\">{x.EventName}</td></tr>")).ToList();
        var sessions = m.Sessions.OrderByDescending(x => x.Date).Select(x => Html.Of($"""
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">{PageParts.LongDate(x.Date)}</td><td class="govuk-table__cell">{x.Topic}</td>
              <td class="govuk-table__cell">{advisors.GetValueOrDefault(x.AdvisorId, x.AdvisorId)}</td><td class="govuk-table__cell">{x.Note ?? ""}</td>
            </tr>
            """)).ToList();
        var order = new[] { Join, Leave, Event, Session }.SelectMany(f => f.Fields.Values).ToList();
        return PageLayout.Render(http, e.Name, Html.Of($"""
            {FormFields.ErrorSummary(errors, order)}
            {(notice is null ? Html.Empty : PageParts.SuccessBanner(Html.Of($"{notice}")))}
            <span class="govuk-caption-l">Employer {e.Id}</span>
            <h1 class="govuk-heading-l">{e.Name}</h1>
            <dl class="govuk-summary-list">
              {PageParts.Row("Sector", e.Sector.Length == 0 ? "Not recorded" : e.Sector)}
              {PageParts.Row("Levy", e.IsLevyPayer ? "Pays the apprenticeship levy" : "Does not pay the levy")}
              {PageParts.Row("Size", e.IsSme ? "Small or medium-sized (SME)" : "Large")}
              {PageParts.Row("Employer scheme", m.Current is { } current ? $"Member since {PageParts.LongDate(current.Joined)}" : m.Spells.Count > 0 ? "Not a member now" : "Never a member")}
            </dl>
            {(isAdmin ? Html.Of($"<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/employers/{e.Id}/edit\">Edit this employer</a></p>") : Html.Empty)}
            <ul class="govuk-list">
              <li><a class="govuk-link" href="/employers/{e.Id}/progression">In-work progression: training-needs reviews, people followed in work, headcount</a></li>
              <li><a class="govuk-link" href="/vacancies?employerId={e.Id}">Vacancies</a></li>
            </ul>
            <h2 class="govuk-heading-m">Sites</h2>
            {Table("sites", ["Site", "Postcode"], sites, "No sites recorded.")}
            <h2 class="govuk-heading-m">Contacts</h2>
            {Table("contacts", isAdmin ? ["Name", "Role", "Email", "Phone", "Erase"] : ["Name", "Role", "Email", "Phone"], contacts, "No contacts recorded.")}
            {(isAdmin ? Html.Of($"<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/employers/{e.Id}/contacts/new\">Add a contact</a></p>") : Html.Empty)}
            <h2 class="govuk-heading-m">Employer scheme</h2>
            <h3 class="govuk-heading-s">Membership</h3>
            {Table("membership", ["Joined", "Support offered", "Left"], spells, "Never a member.")}
            <h3 class="govuk-heading-s">Events attended</h3>
            {Table("events", ["Date", "Event"], events, "None recorded.")}
            <h3 class="govuk-heading-s">Support sessions</h3>
            {Table("sessions", ["Date", "Topic", "Advisor", "Note"], sessions, "None recorded.")}
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              {(m.Current is null ? JoinForm(http, e, v, errors) : Html.Of($"""
                {SessionForm(http, e, v, errors, advisors)}
                {EventForm(http, e, v, errors)}
                {LeaveForm(http, e, v, errors)}
                """))}
            </div></div>
            <p class="govuk-body"><a class="govuk-link" href="/employers">See all employers</a></p>
            """), errors.Count == 0 ? StatusCodes.Status200OK : status, hasErrors: errors.Count > 0);
    }

    private static Html JoinForm(HttpContext http, Employer e, Dictionary<string, string?> v, Dictionary<string, string[]> errors)
    {
        var chosen = http.Request.HasFormContentType ? http.Request.Form["support"].ToArray() : [];
        var error = FormFields.ErrorOf("support", errors);
        var boxes = Enum.GetValues<MemberSupport>().Select((s, i) => Html.Of($"""
            <div class="govuk-checkboxes__item">
              <input class="govuk-checkboxes__input" id="{(i == 0 ? "support" : $"support-{i + 1}")}" name="support" type="checkbox" value="{s}"{(chosen.Contains(s.ToString()) ? new Html(" checked") : Html.Empty)}>
              <label class="govuk-label govuk-checkboxes__label" for="{(i == 0 ? "support" : $"support-{i + 1}")}">{SupportName(s)}</label>
            </div>
            """));
        return Html.Of($"""
            <h2 class="govuk-heading-m">Record joining the scheme</h2>
            <form method="post" action="/employers/{e.Id}/membership/join" novalidate>
              {PageLayout.Antiforgery(http)}
              {FormFields.Date("joinDate", "Date joined", PageParts.Boxes(v, "joinDate"), errors, hint: "For example, 27 3 2026")}
              <div class="govuk-form-group{(error is null ? "" : " govuk-form-group--error")}">
                <fieldset class="govuk-fieldset"{(error is null ? Html.Empty : new Html(" aria-describedby=\"support-error\""))}>
                  <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Support offered</legend>
                  {(error is null ? Html.Empty : Html.Of($"<p id=\"support-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {error}</p>"))}
                  <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">{boxes}</div>
                </fieldset>
              </div>
              {FormFields.Button("Record joining")}
            </form>
            """);
    }

    private static Html SessionForm(HttpContext http, Employer e, Dictionary<string, string?> v, Dictionary<string, string[]> errors, Dictionary<string, string> advisors)
    {
        var me = http.User.FindFirst(StaffClaims.Id)?.Value ?? "";
        var options = new[] { (me, $"You ({http.User.Identity?.Name ?? me})") }.Concat(advisors.Where(a => a.Key != me).Select(a => (a.Key, a.Value)));
        return Html.Of($"""
            <h2 class="govuk-heading-m">Log a support session</h2>
            <form method="post" action="/employers/{e.Id}/membership/sessions" novalidate>
              {PageLayout.Antiforgery(http)}
              {FormFields.Date("sessionDate", "Date of the session", PageParts.Boxes(v, "sessionDate"), errors, hint: "Today or earlier, for example 27 3 2026")}
              {FormFields.Text("topic", "Topic", v.GetValueOrDefault("topic"), errors, hint: "For example, Recruiting for the winter", width: "govuk-input--width-30")}
              {FormFields.Select("advisorId", "Advisor", options, v.GetValueOrDefault("advisorId") ?? me, errors)}
              {FormFields.TextArea("note", "Note (optional)", v.GetValueOrDefault("note"), errors, hint: $"Up to {InputLimits.Detail} characters about the employer's business. Do not name or describe other people.", rows: 2)}
              {FormFields.Button("Log session")}
            </form>
            """);
    }

    private static Html EventForm(HttpContext http, Employer e, Dictionary<string, string?> v, Dictionary<string, string[]> errors) => Html.Of($"""
        <h2 class="govuk-heading-m">Log an event attended</h2>
        <form method="post" action="/employers/{e.Id}/membership/events" novalidate>
          {PageLayout.Antiforgery(http)}
          {FormFields.Date("eventDate", "Date of the event", PageParts.Boxes(v, "eventDate"), errors, hint: "Today or earlier")}
          {FormFields.Text("eventName", "Event", v.GetValueOrDefault("eventName"), errors, hint: "For example, Care careers fair", width: "govuk-input--width-30")}
          {FormFields.Button("Log event", secondary: true)}
        </form>
        """);

    private static Html LeaveForm(HttpContext http, Employer e, Dictionary<string, string?> v, Dictionary<string, string[]> errors) => Html.Of($"""
        <h2 class="govuk-heading-m">Record leaving the scheme</h2>
        <form method="post" action="/employers/{e.Id}/membership/leave" novalidate>
          {PageLayout.Antiforgery(http)}
          {FormFields.Date("leaveDate", "Date left", PageParts.Boxes(v, "leaveDate"), errors, hint: "The employer can rejoin later; its history stays.")}
          {FormFields.TextArea("reason", "Reason", v.GetValueOrDefault("reason"), errors, rows: 2)}
          {FormFields.Button("Record leaving", warning: true)}
        </form>
        """);

    internal static string SupportName(MemberSupport s) => s switch
    {
        MemberSupport.RecruitmentSupport => "Recruitment support",
        MemberSupport.RetentionSupport => "Retention support",
        MemberSupport.TrainingAdvice => "Training advice",
        MemberSupport.EventsInvitation => "Invitations to events",
        _ => s.ToString(),
    };

    private static Html Table(string id, string[] headers, List<Html> rows, string none) => rows.Count == 0
        ? Html.Of($"<p class=\"govuk-body\" id=\"{id}\">{none}</p>")
        : Html.Of($"""
            <table class="govuk-table" id="{id}">
              <thead class="govuk-table__head"><tr class="govuk-table__row">{headers.Select(h => Html.Of($"<th scope=\"col\" class=\"govuk-table__header\">{h}</th>"))}</tr></thead>
              <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            """);

    internal static IResult NotFound(HttpContext http) => PageParts.NotFound(http, "Employer", "/employers", "See all employers");
}
