using System.Globalization;
using Apprenticeships.Application.Progression.Commands;
using Apprenticeships.Application.Progression.Queries;
using Apprenticeships.Domain.Progression;
using static Apprenticeships.Functions.Pages.Employers.ProgressionPages;

namespace Apprenticeships.Functions.Pages.Employers;

/// <summary>
/// One person followed in work: their training (offer, complete), pay and hours changes, a
/// check-in with nothing new, their leaving, and, for an administrator, erasing a member of
/// staff's details. Each form is an update that answers the employer's latest prompt.
/// </summary>
internal static class ParticipantProgressionPage
{
    private static readonly string[] TrainingFields = ["title", "offeredOn"];
    private static readonly string[] CompletionFields = ["trainingId", "completedOn"];
    private static readonly string[] PayFields = ["effectiveOn", "hourlyPayBefore", "hourlyPayAfter", "weeklyHoursBefore", "weeklyHoursAfter"];
    private static readonly string[] CheckInFields = ["date"];
    private static readonly string[] LeavingFields = ["leftOn", "participantId"];
    private static readonly string[] EraseFields = ["reason"];

    private static readonly Dictionary<string, string> Notices = new(StringComparer.Ordinal)
    {
        ["person"] = $"Now following them: the employer is asked about their progress every {PipelinePolicy.ProgressionIntervalWeeks} weeks.",
        ["training"] = "Training opportunity recorded.",
        ["completion"] = "Training completion recorded.",
        ["pay"] = "Pay or hours change recorded.",
        ["checkin"] = "Check-in recorded.",
        ["leaving"] = "Leaving recorded: they are no longer followed.",
        ["erase"] = "Their name and job title are erased; the training and pay facts stay, by id.",
    };

    public static string NameOf(ParticipantView p) => p.Name ?? (p.Kind == ParticipantKind.EmployerStaff ? $"Erased member of staff ({p.Id})" : $"Erased candidate ({p.Id})");

    public static Html Status(ParticipantView p) =>
        p.LeftOn is { } left ? Html.Of($"<strong class=\"govuk-tag govuk-tag--grey\">Left {PageParts.LongDate(left)}</strong>")
        : p.UnansweredWeeks.Count > 0 ? Html.Of($"<strong class=\"govuk-tag govuk-tag--red\">No answer at {p.UnansweredWeeks[^1]} weeks</strong>")
        : Html.Of($"<strong class=\"govuk-tag govuk-tag--green\">Followed</strong>");

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{participantId}", async (HttpContext http, string employerId, string participantId, string? saved, ProgressionQueries queries, CancellationToken ct) =>
            await FindAsync(queries, employerId, participantId, ct) is { } found
                ? Page(http, found.Employer, found.Person, null, Notices.GetValueOrDefault(saved ?? ""))
                : NotFoundPerson(http, employerId));

        group.MapPost("/{participantId}/training", (HttpContext http, string employerId, string participantId, IFormCollection form, ProgressionUpdates updates, ProgressionQueries queries, CancellationToken ct) =>
            PostAsync(http, employerId, participantId, form, "training", TrainingFields, queries, ct, async v =>
            {
                var (offered, problem) = PageParts.DateFromBoxes(v, "training-offeredOn", "Offered on");
                return ((await updates.OfferTrainingAsync(employerId, participantId, new OfferTraining(v.GetValueOrDefault("training-title"), offered, v.GetValueOrDefault("training-reference")), ct)).Problem, [("training-offeredOn", problem)]);
            }));

        group.MapPost("/{participantId}/completion", (HttpContext http, string employerId, string participantId, IFormCollection form, ProgressionUpdates updates, ProgressionQueries queries, CancellationToken ct) =>
            PostAsync(http, employerId, participantId, form, "completion", CompletionFields, queries, ct, async v =>
            {
                var (completed, problem) = PageParts.DateFromBoxes(v, "completion-completedOn", "Completed on");
                var trainingId = v.GetValueOrDefault("completion-trainingId") ?? "";
                return ((await updates.CompleteTrainingAsync(employerId, participantId, trainingId, new CompleteTraining(completed), ct)).Problem, [("completion-completedOn", problem)]);
            }));

        group.MapPost("/{participantId}/pay", (HttpContext http, string employerId, string participantId, IFormCollection form, ProgressionUpdates updates, ProgressionQueries queries, CancellationToken ct) =>
            PostAsync(http, employerId, participantId, form, "pay", PayFields, queries, ct, async v =>
            {
                var (effective, dateProblem) = PageParts.DateFromBoxes(v, "pay-effectiveOn", "Effective on");
                var (payBefore, p1) = PageParts.Money(v.GetValueOrDefault("pay-hourlyPayBefore"), "Hourly pay before");
                var (payAfter, p2) = PageParts.Money(v.GetValueOrDefault("pay-hourlyPayAfter"), "Hourly pay after");
                var (hoursBefore, p3) = Hours(v.GetValueOrDefault("pay-weeklyHoursBefore"), "Weekly hours before");
                var (hoursAfter, p4) = Hours(v.GetValueOrDefault("pay-weeklyHoursAfter"), "Weekly hours after");
                (string, string?)[] own = [("pay-effectiveOn", dateProblem), ("pay-hourlyPayBefore", p1), ("pay-hourlyPayAfter", p2), ("pay-weeklyHoursBefore", p3), ("pay-weeklyHoursAfter", p4)];
                if (own.Any(o => o.Item2 is not null)) return (Problem.Invalid(new Dictionary<string, string[]>()), own);
                return ((await updates.RecordPayChangeAsync(employerId, participantId, new RecordPayChange(effective, payBefore, payAfter, hoursBefore, hoursAfter, v.GetValueOrDefault("pay-reference")), ct)).Problem, own);
            }));

        group.MapPost("/{participantId}/check-in", (HttpContext http, string employerId, string participantId, IFormCollection form, ProgressionUpdates updates, ProgressionQueries queries, CancellationToken ct) =>
            PostAsync(http, employerId, participantId, form, "checkin", CheckInFields, queries, ct, async v =>
            {
                var (date, problem) = PageParts.DateFromBoxes(v, "checkin-date", "Date");
                return ((await updates.RecordCheckInAsync(employerId, participantId, new RecordCheckIn(date), ct)).Problem, [("checkin-date", problem)]);
            }));

        group.MapPost("/{participantId}/leaving", (HttpContext http, string employerId, string participantId, IFormCollection form, ProgressionUpdates updates, ProgressionQueries queries, CancellationToken ct) =>
            PostAsync(http, employerId, participantId, form, "leaving", LeavingFields, queries, ct, async v =>
            {
                var (left, problem) = PageParts.DateFromBoxes(v, "leaving-leftOn", "Left on");
                return ((await updates.RecordLeavingAsync(employerId, participantId, new RecordLeaving(left), ct)).Problem, [("leaving-leftOn", problem)]);
            }));

        group.MapPost("/{participantId}/erase", (HttpContext http, string employerId, string participantId, IFormCollection form, StaffMemberErasure erasure, ProgressionQueries queries, CancellationToken ct) =>
            PostAsync(http, employerId, participantId, form, "erase", EraseFields, queries, ct, async v =>
            {
                var staffId = http.User.FindFirst(StaffClaims.Id)?.Value ?? "unknown";
                return ((await erasure.EraseAsync(employerId, participantId, new EraseStaffMember(v.GetValueOrDefault("erase-reason")), staffId, ct)).Problem, []);
            })).RequireAuthorization(StaffPolicies.Administration);
    }

    /// <summary>Weekly hours as typed ("37.5"): null with no problem when empty, else the number or why it is not one. Whether it is allowed is the command's to say.</summary>
    private static (decimal? Hours, string? Problem) Hours(string? text, string what)
    {
        var plain = (text ?? "").Trim();
        if (plain.Length == 0) return (null, null);
        return plain.Length <= 10 && decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours)
            ? (hours, null)
            : (null, $"{what} must be a number of hours, like 37.5.");
    }

    private static async Task<(Application.Progression.Queries.EmployerProgression Employer, ParticipantView Person)?> FindAsync(
        ProgressionQueries queries, string employerId, string participantId, CancellationToken ct) =>
        await queries.ForEmployerAsync(employerId, ct) is { Succeeded: true } found && found.Done.Participants.FirstOrDefault(p => p.Id == participantId) is { } person
            ? (found.Done, person)
            : null;

    private static async Task<IResult> PostAsync(HttpContext http, string employerId, string participantId, IFormCollection form, string name, string[] fields,
        ProgressionQueries queries, CancellationToken ct, Func<Dictionary<string, string?>, Task<(Problem? Problem, (string Field, string? Problem)[] Own)>> run)
    {
        if (await FindAsync(queries, employerId, participantId, ct) is null) return NotFoundPerson(http, employerId);
        var v = PageParts.Values(form);
        var (problem, own) = await run(v);
        if (problem is null) return Results.Redirect($"/employers/{employerId}/progression/{participantId}?saved={name}");
        if (await FindAsync(queries, employerId, participantId, ct) is not { } found) return NotFoundPerson(http, employerId);
        var status = problem.Kind == ProblemKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page(http, found.Employer, found.Person, new FormState(name, v, PageParts.With(Shown(problem, name, fields), own)), null, status);
    }

    private static IResult NotFoundPerson(HttpContext http, string employerId) =>
        PageParts.NotFound(http, "Person", $"/employers/{Uri.EscapeDataString(employerId)}/progression", "Back to the employer's progression");

    private static IResult Page(HttpContext http, Application.Progression.Queries.EmployerProgression employer, ParticipantView p, FormState? state, string? notice,
        int status = StatusCodes.Status200OK)
    {
        var errors = state?.Errors ?? FormState.NoErrors;
        var today = PageParts.Iso(DateOnly.FromDateTime(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        // Today in every date, and what was typed into the form that was refused (other forms start afresh).
        var v = new Dictionary<string, string?>
        {
            ["training-offeredOn"] = today, ["completion-completedOn"] = today, ["pay-effectiveOn"] = today, ["checkin-date"] = today, ["leaving-leftOn"] = today,
        };
        // Each adding form carries a reference made when it is shown (kept when a refused form is shown again), so sending
        // the same form twice (a double click, a resend) records one opportunity or change.
        foreach (var (field, value) in state?.Values.Where(f => f.Key.StartsWith(state.Form + "-", StringComparison.Ordinal)) ?? []) v[field] = value;
        string Reference(string field) => v.GetValueOrDefault(field) is { Length: > 0 } kept && InputLimits.IsId(kept) ? kept : $"page-{Guid.NewGuid():N}";
        if (state is not null) foreach (var field in v.Keys.Where(k => k.StartsWith(state.Form + "-", StringComparison.Ordinal) && !state.Values.ContainsKey(k)).ToList()) v.Remove(field);
        Dictionary<string, string[]> E(string form) => state?.ErrorsOf(form) ?? FormState.NoErrors;
        var name = NameOf(p);
        var action = $"/employers/{employer.Employer.Id}/progression/{p.Id}";

        var training = p.Training.Count == 0
            ? Html.Of($"<p class=\"govuk-body\" id=\"no-training\">No training opportunity is recorded yet.</p>")
            : Html.Of($"""
                <table class="govuk-table" id="training">
                  <caption class="govuk-table__caption govuk-visually-hidden">Training opportunities</caption>
                  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Training</th>
                    <th scope="col" class="govuk-table__header">Offered</th><th scope="col" class="govuk-table__header">Completed</th></tr></thead>
                  <tbody class="govuk-table__body">{Html.Join(p.Training.Select(t => Html.Of($"""
                    <tr class="govuk-table__row"><th scope="row" class="govuk-table__header">{t.Title}</th><td class="govuk-table__cell">{PageParts.LongDate(t.OfferedOn)}</td>
                    <td class="govuk-table__cell">{(t.CompletedOn is { } done ? PageParts.LongDate(done) : "Not yet")}</td></tr>
                    """)))}</tbody>
                </table>
                """);
        var changes = p.PayChanges.Count == 0
            ? Html.Of($"<p class=\"govuk-body\" id=\"no-pay-changes\">No pay or hours change is recorded yet.</p>")
            : Html.Of($"""
                <table class="govuk-table" id="pay-changes">
                  <caption class="govuk-table__caption govuk-visually-hidden">Pay and hours changes</caption>
                  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">From</th>
                    <th scope="col" class="govuk-table__header">Hourly pay</th><th scope="col" class="govuk-table__header">Weekly hours</th></tr></thead>
                  <tbody class="govuk-table__body">{Html.Join(p.PayChanges.OrderBy(c => c.EffectiveOn).Select(c => Html.Of($"""
                    <tr class="govuk-table__row"><td class="govuk-table__cell">{PageParts.LongDate(c.EffectiveOn)}</td>
                    <td class="govuk-table__cell">{Change(c.HourlyPayBefore, c.HourlyPayAfter, money: true)}</td>
                    <td class="govuk-table__cell">{Change(c.WeeklyHoursBefore, c.WeeklyHoursAfter, money: false)}</td></tr>
                    """)))}</tbody>
                </table>
                """);
        var open = p.Training.Where(t => t.CompletedOn is null).ToList();
        var forms = p.LeftOn is not null ? Html.Empty : Html.Of($"""
            <h2 class="govuk-heading-m">Record an update</h2>
            <p class="govuk-body">Each of these answers the employer's latest progression prompt.</p>
            <form method="post" action="{action}/training" novalidate>
              {PageLayout.Antiforgery(http)}
              <h3 class="govuk-heading-s">A training opportunity offered</h3>
              <input type="hidden" name="training-reference" value="{Reference("training-reference")}">
              {FormFields.Text("training-title", "Training", v.GetValueOrDefault("training-title"), E("training"), width: "govuk-input--width-30")}
              {FormFields.Date("training-offeredOn", "Offered on", PageParts.Boxes(v, "training-offeredOn"), E("training"))}
              {FormFields.Button("Record training offered", secondary: true)}
            </form>
            {(open.Count == 0 ? Html.Empty : Html.Of($"""
            <form method="post" action="{action}/completion" novalidate>
              {PageLayout.Antiforgery(http)}
              <h3 class="govuk-heading-s">Training completed</h3>
              {FormFields.Select("completion-trainingId", "Training", open.Select(t => (t.Id, t.Title)), v.GetValueOrDefault("completion-trainingId"), E("completion"))}
              {FormFields.Date("completion-completedOn", "Completed on", PageParts.Boxes(v, "completion-completedOn"), E("completion"))}
              {FormFields.Button("Record completion", secondary: true)}
            </form>
            """))}
            <form method="post" action="{action}/pay" novalidate>
              {PageLayout.Antiforgery(http)}
              <h3 class="govuk-heading-s">A change to pay or hours</h3>
              <input type="hidden" name="pay-reference" value="{Reference("pay-reference")}">
              {FormFields.Date("pay-effectiveOn", "Effective on", PageParts.Boxes(v, "pay-effectiveOn"), E("pay"))}
              <div class="govuk-grid-row"><div class="govuk-grid-column-one-half">
                {FormFields.Text("pay-hourlyPayBefore", "Hourly pay before, in pounds", v.GetValueOrDefault("pay-hourlyPayBefore"), E("pay"), width: "govuk-input--width-5")}
                {FormFields.Text("pay-hourlyPayAfter", "Hourly pay after, in pounds", v.GetValueOrDefault("pay-hourlyPayAfter"), E("pay"), width: "govuk-input--width-5")}
              </div><div class="govuk-grid-column-one-half">
                {FormFields.Text("pay-weeklyHoursBefore", "Weekly hours before", v.GetValueOrDefault("pay-weeklyHoursBefore"), E("pay"), width: "govuk-input--width-5")}
                {FormFields.Text("pay-weeklyHoursAfter", "Weekly hours after", v.GetValueOrDefault("pay-weeklyHoursAfter"), E("pay"), width: "govuk-input--width-5")}
              </div></div>
              {FormFields.Button("Record change", secondary: true)}
            </form>
            <form method="post" action="{action}/check-in" novalidate>
              {PageLayout.Antiforgery(http)}
              <h3 class="govuk-heading-s">Nothing new</h3>
              {FormFields.Date("checkin-date", "Date heard", PageParts.Boxes(v, "checkin-date"), E("checkin"))}
              {FormFields.Button("Record check-in", secondary: true)}
            </form>
            <form method="post" action="{action}/leaving" novalidate>
              {PageLayout.Antiforgery(http)}
              <h3 class="govuk-heading-s">They have left</h3>
              {FormFields.Date("leaving-leftOn", "Left on", PageParts.Boxes(v, "leaving-leftOn"), E("leaving"))}
              {FormFields.Button("Record leaving", warning: true)}
            </form>
            """);
        var erase = p.Kind == ParticipantKind.EmployerStaff && p.Name is not null && PageParts.IsAdmin(http) ? Html.Of($"""
            <h2 class="govuk-heading-m">Erase their details</h2>
            <form method="post" action="{action}/erase" novalidate>
              {PageLayout.Antiforgery(http)}
              {FormFields.Text("erase-reason", "Reason for erasure", v.GetValueOrDefault("erase-reason"), E("erase"), hint: "Kept nowhere: it may name them.", width: "govuk-input--width-30")}
              {FormFields.Button("Erase name and job title", warning: true)}
            </form>
            """) : Html.Empty;

        return PageLayout.Render(http, $"{name}: in-work progression", Html.Of($"""
            {(notice is null ? Html.Empty : PageParts.SuccessBanner(Html.Of($"{notice}")))}
            {FormFields.ErrorSummary(errors)}
            <span class="govuk-caption-l">{employer.Employer.Name}</span>
            <h1 class="govuk-heading-l">{name}</h1>
            <dl class="govuk-summary-list">
              {PageParts.Row("Followed as", p.Kind == ParticipantKind.EmployerStaff ? $"A member of their staff{(p.JobTitle is { } job ? $" ({job})" : "")}" : "A candidate the hub placed")}
              {PageParts.Row("Followed from", PageParts.LongDate(p.From))}
              {PageParts.Row("Status", Status(p))}
              {PageParts.Row("Check-ins with nothing new", p.CheckIns.Count == 0 ? "None" : string.Join(", ", p.CheckIns.Select(PageParts.LongDate)))}
            </dl>
            <h2 class="govuk-heading-m">Training</h2>
            {training}
            <h2 class="govuk-heading-m">Pay and hours</h2>
            {changes}
            {forms}
            {erase}
            <p class="govuk-body"><a class="govuk-link" href="/employers/{employer.Employer.Id}/progression">Back to {employer.Employer.Name}'s progression</a></p>
            """), errors.Count == 0 ? StatusCodes.Status200OK : status, hasErrors: errors.Count > 0);
    }

    private static string Change(decimal? before, decimal? after, bool money)
    {
        if (before is not { } b || after is not { } a) return "Not given";
        string Show(decimal x) => money ? x.ToString("£0.00", CultureInfo.InvariantCulture) : x.ToString("0.##", CultureInfo.InvariantCulture);
        return $"{Show(b)} to {Show(a)}";
    }
}
