namespace Apprenticeships.Functions.Pages.Programmes;

/// <summary>
/// One academy as an advisor works it: its dates, its sessions with a register for each, and its
/// members with what is recorded about them and a link to record each one's outcome.
/// </summary>
public static class AcademyPages
{
    public static IEndpointRouteBuilder MapAcademyPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/academies/{id}").RequireAuthorization(StaffPolicies.Candidates);
        group.MapGet("", async (HttpContext http, string id, string? attendance, string? outcome, string? offer, string? saved,
            ProgrammeQueries programmes, CancellationToken ct) =>
        {
            if ((await programmes.AcademyAsync(id, ct)).Value is not { } details) return NotFound(http);
            return Render(http, details, Notice(details, attendance, outcome, offer, saved));
        });

        group.MapGet("/attendance", async (HttpContext http, string id, string? date, AcademyAttendance attendance, CancellationToken ct) =>
        {
            if (string.IsNullOrEmpty(date)) return await ChooseSessionAsync(http, id, null, [], ct);
            var register = await attendance.RegisterAsync(id, date, ct);
            return register.Problem switch
            {
                null => Register(http, register.Done, [], null),
                { Kind: ProblemKind.NotFound } => NotFound(http),
                var problem => await ChooseSessionAsync(http, id, date, problem.ToDictionary(), ct),
            };
        });

        group.MapPost("/attendance", async (HttpContext http, string id, IFormCollection form, AcademyAttendance attendance, CancellationToken ct) =>
        {
            var date = form["date"].ToString();
            var answers = new Dictionary<string, bool?>(StringComparer.Ordinal);
            foreach (var key in form.Keys.Where(k => k.StartsWith(AnswerPrefix, StringComparison.Ordinal)))
                answers[key[AnswerPrefix.Length..]] = form[key].ToString() switch { Attended => true, Absent => false, _ => null };
            var recorded = await attendance.RecordSessionAttendanceAsync(id, new RecordSessionAttendance(date, answers), ct);
            if (recorded.Succeeded) return Results.Redirect($"/academies/{id}?attendance={PageParts.Iso(recorded.Done.Session)}");
            var register = await attendance.RegisterAsync(id, date, ct);
            return register.Problem switch
            {
                null => Register(http, register.Done, recorded.Problem!.ToDictionary(), PageParts.Values(form)),
                { Kind: ProblemKind.NotFound } => NotFound(http),
                var problem => await ChooseSessionAsync(http, id, date, problem.ToDictionary(), ct),
            };
        });
        return app;
    }

    private const string Attended = "attended", Absent = "absent";
    private static readonly string AnswerPrefix = AcademyAttendance.AnswerField("");

    private static Html Notice(AcademyDetails details, string? attendance, string? outcome, string? offer, string? saved)
    {
        if (DateOnly.TryParseExact(attendance, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var session))
            return PageParts.SuccessBanner(Html.Of($"Attendance saved for the session on {PageParts.LongDate(session)}."));
        if (outcome is not null && details.Members.FirstOrDefault(m => m.CandidateId == outcome) is { } member)
            return PageParts.SuccessBanner(offer == nameof(SwapOffer.Job)
                ? Html.Of($"Outcome recorded for {member.Name}. When they start work, <a class=\"govuk-notification-banner__link\" href=\"/candidates/{member.CandidateId}/job-start\">record their job start</a>.")
                : Html.Of($"Outcome recorded for {member.Name}."));
        return saved switch
        {
            "created" => PageParts.SuccessBanner(Html.Of($"Academy created.")),
            "edited" => PageParts.SuccessBanner(Html.Of($"Academy saved.")),
            _ => Html.Empty,
        };
    }

    private static IResult Render(HttpContext http, AcademyDetails details, Html notice)
    {
        var a = details.Academy;
        var sessions = a.Sessions.Select(s => Html.Of($"""
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">{PageParts.LongDate(s)}</td>
              <td class="govuk-table__cell"><a class="govuk-link" href="/academies/{a.Id}/attendance?date={PageParts.Iso(s)}">Record attendance<span class="govuk-visually-hidden"> for {PageParts.LongDate(s)}</span></a></td>
            </tr>
            """));
        var members = details.Members.Select(m => Html.Of($"""
            <tr class="govuk-table__row">
              <td class="govuk-table__cell"><a class="govuk-link" href="/candidates/{m.CandidateId}">{m.Name}</a></td>
              <td class="govuk-table__cell">{StageNames.Tag(m.Stage)}</td>
              <td class="govuk-table__cell"><ul class="govuk-list govuk-body-s">{m.Facts.Select(f => Html.Of($"<li>{f}</li>"))}</ul></td>
              <td class="govuk-table__cell">{(m.Stage == CandidateStage.InSwap
                  ? Html.Of($"<a class=\"govuk-link\" href=\"/candidates/{m.CandidateId}/academy-outcome\">Record outcome<span class=\"govuk-visually-hidden\"> for {m.Name}</span></a>")
                  : Html.Empty)}</td>
            </tr>
            """)).ToList();
        var edit = PageParts.IsAdmin(http) ? Html.Of($"<p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/academies/{a.Id}/edit\">Edit this academy</a></p>") : Html.Empty;
        return PageLayout.Render(http, a.Name, Html.Of($"""
            {notice}
            <span class="govuk-caption-l">Academy {a.Id}</span>
            <h1 class="govuk-heading-l">{a.Name}</h1>
            <dl class="govuk-summary-list">
              {PageParts.Row("Employer", a.EmployerId is { } employerId
                  ? Html.Of($"<a class=\"govuk-link\" href=\"/employers/{employerId}\">{a.EmployerName}</a> ({a.Sector})")
                  : Html.Of($"{a.EmployerName} ({a.Sector})"))}{(details.Vacancies.Count == 0 ? Html.Empty : PageParts.Row("Built around", Html.Of($"<ul class=\"govuk-list\">{details.Vacancies.Select(x => Html.Of($"<li><a class=\"govuk-link\" href=\"/vacancies/{x.Id}\">{x.Role}</a></li>"))}</ul>")))}{PageParts.Row("Provider", details.Provider)}{PageParts.Row("Place", a.Place)}
              {PageParts.Row("Placement", $"{PageParts.LongDate(a.PlacementStart)} to {PageParts.LongDate(a.PlacementEnd)}")}
              {PageParts.Row("Interview", PageParts.LongDate(a.InterviewDate))}{PageParts.Row("Cost per place", a.CostPerPlace.ToString("C", PageParts.EnGb))}
            </dl>
            {edit}
            <h2 class="govuk-heading-m">Sessions</h2>
            <table class="govuk-table" id="sessions">
              <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Date</th><th scope="col" class="govuk-table__header">Register</th></tr></thead>
              <tbody class="govuk-table__body">{sessions}</tbody>
            </table>
            <h2 class="govuk-heading-m">Members</h2>
            {(members.Count == 0 ? Html.Of($"<p class=\"govuk-body\">No members yet. Assign engaged candidates from their own page.</p>") : Html.Of($"""
            <table class="govuk-table" id="members">
              <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Stage</th>
                <th scope="col" class="govuk-table__header">Recorded</th><th scope="col" class="govuk-table__header">Outcome</th>
              </tr></thead>
              <tbody class="govuk-table__body">{members}</tbody>
            </table>
            """))}
            """));
    }

    /// <summary>A session's register: every member expected at it on one form, attended or absent, saved with one button.</summary>
    private static IResult Register(HttpContext http, SessionRegister register, Dictionary<string, string[]> errors, IReadOnlyDictionary<string, string?>? posted)
    {
        var (a, session) = (register.Academy, register.Session);
        var fields = register.Lines.Select(l => AcademyAttendance.AnswerField(l.CandidateId)).ToList();
        var shown = PageParts.OnFields(errors, fields, fields.FirstOrDefault() ?? "date");
        var lines = register.Lines.Select(l =>
        {
            var field = AcademyAttendance.AnswerField(l.CandidateId);
            var selected = posted?.GetValueOrDefault(field) ?? l.Recorded switch
            {
                AcademyAttendance.Present => Attended,
                AcademyAttendance.Absent => Absent,
                _ => null,
            };
            var hint = l.Recorded == AcademyAttendance.NotRecorded ? null : "Already recorded";
            return FormFields.Radios(field, l.Name, [(Attended, "Attended"), (Absent, "Absent")], selected, shown, hint, small: true, inline: true);
        });
        var body = register.Lines.Count == 0
            ? Html.Of($"<p class=\"govuk-body\">Nobody is on this session's register: the academy has no members on it.</p>")
            : Html.Of($"""
                <form method="post" action="/academies/{a.Id}/attendance" novalidate>
                  {PageLayout.Antiforgery(http)}
                  <input type="hidden" name="date" value="{PageParts.Iso(session)}">
                  {lines}
                  {FormFields.Button("Save attendance")}
                </form>
                """);
        return PageLayout.Render(http, $"Attendance on {PageParts.LongDate(session)}", Html.Of($"""
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              {FormFields.ErrorSummary(shown, fields)}
              <span class="govuk-caption-l">{a.Name}</span>
              <h1 class="govuk-heading-l">Attendance on {session.ToString("dddd d MMMM yyyy", PageParts.EnGb)}</h1>
              <p class="govuk-body">Record everyone on the register at once. A missed session alerts the member's advisor; a recorded answer cannot be changed.</p>
              {body}
              <p class="govuk-body"><a class="govuk-link" href="/academies/{a.Id}">Back to {a.Name}</a></p>
            </div></div>
            """), shown.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: shown.Count > 0);
    }

    /// <summary>Which session to record: a plain GET form, so it works without JavaScript.</summary>
    private static async Task<IResult> ChooseSessionAsync(HttpContext http, string id, string? date, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if ((await http.RequestServices.GetRequiredService<ProgrammeQueries>().AcademyAsync(id, ct)).Value is not { } details) return NotFound(http);
        var a = details.Academy;
        var shown = PageParts.OnFields(errors, ["date"], "date");
        var options = new[] { ("", "Choose…") }.Concat(a.Sessions.Select(s => (PageParts.Iso(s), PageParts.LongDate(s))));
        return PageLayout.Render(http, "Record attendance", Html.Of($"""
            {FormFields.ErrorSummary(shown)}
            <span class="govuk-caption-l">{a.Name}</span>
            <h1 class="govuk-heading-l">Record attendance</h1>
            <form method="get" action="/academies/{a.Id}/attendance" novalidate>
              {FormFields.Select("date", "Session", options, a.Sessions.Select(PageParts.Iso).Contains(date) ? date : null, shown)}
              {FormFields.Button("Continue")}
            </form>
            """), shown.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: shown.Count > 0);
    }

    private static IResult NotFound(HttpContext http) => PageParts.NotFound(http, "Academy", "/academies", "See all academies");
}
