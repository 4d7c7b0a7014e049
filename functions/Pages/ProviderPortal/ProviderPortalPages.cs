using System.Globalization;

namespace Apprenticeships.Functions.Pages.ProviderPortal;

/// <summary>
/// The provider portal: a training provider's current learners (<see cref="ProviderLearners"/>);
/// for each, what can be confirmed at their stage, and one short form per kind of confirmation
/// (attendance, a milestone, hours, gateway, an EPA result, a break in learning, the return from
/// one), sent through the same command as the provider API (<see cref="ProviderConfirmations"/>).
/// The portal makes the provider's reference itself: a key made when the form is shown and sent
/// with it, so pressing the button twice, or sending the form again after a lost answer, records
/// the confirmation once.
/// </summary>
public static class ProviderPortalPages
{
    /// <summary>One kind of confirmation: its address, its words, and the fields its form asks for, in order.</summary>
    private sealed record Kind(ConfirmationKind Value, string Slug, string Link, string Title, string Noun, string[] Fields);

    private static readonly Kind[] Kinds =
    [
        new(ConfirmationKind.Attendance, "attendance", "Attendance at a session", "Confirm attendance at a session", "attendance at a session", ["date", "attended"]),
        new(ConfirmationKind.Milestone, "milestone", "A training milestone", "Confirm a training milestone", "a training milestone", ["detail", "date"]),
        new(ConfirmationKind.OffTheJobHours, "hours", "Off-the-job training hours", "Confirm off-the-job training hours", "off-the-job training hours", ["hours", "date", "detail"]),
        new(ConfirmationKind.Gateway, "gateway", "Ready for end-point assessment (gateway)", "Confirm gateway", "gateway (ready for end-point assessment)", ["date", "detail"]),
        new(ConfirmationKind.EpaResult, "epa-result", "End-point assessment result", "Confirm the end-point assessment result", "the end-point assessment result", ["grade", "date", "detail"]),
        new(ConfirmationKind.BreakInLearning, "break", "A break in learning", "Confirm a break in learning", "a break in learning", ["date", "detail"]),
        new(ConfirmationKind.ReturnFromBreak, "return", "A return from a break in learning", "Confirm a return from a break in learning", "a return from a break in learning", ["date", "newPlannedEnd", "detail"]),
    ];

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>What a learner at this stage can have confirmed: attendance on an academy, the rest once training has started.</summary>
    private static IEnumerable<Kind> KindsFor(CandidateStage stage) => stage switch
    {
        CandidateStage.InSwap => Kinds.Where(k => k.Value == ConfirmationKind.Attendance),
        CandidateStage.InTraining => Kinds.Where(k => k.Value != ConfirmationKind.Attendance),
        _ => [],
    };

    public static IEndpointRouteBuilder MapProviderPortalPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/provider").RequireAuthorization(StaffPolicies.Provider);
        group.MapGet("", async (HttpContext http, string? recorded, string? learner, string? again, ProviderLearners learners, CancellationToken ct) =>
        {
            var current = await learners.CurrentAsync(ProviderId(http), ct);
            return List(http, current, Kinds.FirstOrDefault(k => k.Slug == recorded) is { } kind ? Recorded(kind, current, learner, again == "1") : null);
        });

        group.MapGet("/learners/{id}", async (HttpContext http, string id, ProviderLearners learners, CancellationToken ct) =>
            await FindAsync(http, learners, id, ct) is { } learner ? Learner(http, learner) : NotFound(http));

        group.MapGet("/learners/{id}/{kind}", async (HttpContext http, string id, string kind, ProviderLearners learners, TimeProvider clock, CancellationToken ct) =>
        {
            if (await FindAsync(http, learners, id, ct) is not { } learner || KindsFor(learner.Learner.Stage).FirstOrDefault(k => k.Slug == kind) is not { } form)
                return NotFound(http);
            return Form(http, learner, form, clock.Today(), new() { ["reference"] = NewReference() }, []);
        });

        group.MapPost("/learners/{id}/{kind}", async (HttpContext http, string id, string kind, IFormCollection posted, ProviderKeys providers,
            ProviderConfirmations confirmations, ProviderLearners learners, TimeProvider clock, CancellationToken ct) =>
        {
            if (Kinds.FirstOrDefault(k => k.Slug == kind) is not { } form) return NotFound(http);
            if (await providers.FindAsync(ProviderId(http), ct) is not { } provider) return Results.Redirect("/provider/sign-in");
            var values = PageParts.Values(posted);
            var (request, own) = Read(form, id, values);
            // The command decides, whatever the learner's stage is by now: a repeat is answered as already recorded even after they finished.
            var result = await confirmations.ConfirmAsync(provider, request, ct);
            if (result.Value is { } done)
                return Results.Redirect($"/provider?recorded={form.Slug}&learner={Uri.EscapeDataString(done.CandidateId)}{(done.Status == "Recorded" ? "" : "&again=1")}");
            if (await FindAsync(http, learners, id, ct) is not { } learner) return NotFound(http);
            var errors = result.Problem!.ToDictionary();
            if (errors.Remove("reference"))
            {
                // The key this form was shown with was used for other answers, or did not come back as it was made: the
                // form gets a new one, and says so beside its first field (a sent confirmation cannot be changed).
                values["reference"] = NewReference();
                string why = result.Problem!.Kind == ProblemKind.Conflict
                    ? "This form was already sent with different answers, and a confirmation cannot be changed once sent. Check the answers: sending the form again records a new confirmation."
                    : "This form could not be matched to the one shown to you. Check the answers and send it again.";
                errors[form.Fields[0]] = errors.TryGetValue(form.Fields[0], out var already) ? [.. already, why] : [why];
            }
            // The command names the date "Date"; the form asks for it in the kind's own words.
            if (errors.TryGetValue("date", out var onDate))
                errors["date"] = [.. onDate.Select(m => m == "Date is required." ? DateRequired(form.Value) : m)];
            return Form(http, learner, form, clock.Today(), values, PageParts.With(PageParts.OnFields(errors, form.Fields, form.Fields[0]), own));
        });
        return app;
    }

    private static string ProviderId(HttpContext http) => http.User.FindFirst(ProviderSignIn.ProviderIdClaim)!.Value;

    private static string NewReference() => $"portal-{Guid.NewGuid():N}";

    private static async Task<CurrentLearner?> FindAsync(HttpContext http, ProviderLearners learners, string id, CancellationToken ct) =>
        InputLimits.IsId(id) ? (await learners.CurrentAsync(ProviderId(http), ct)).FirstOrDefault(l => l.Learner.CandidateId == id) : null;

    /// <summary>The command's input from the form's own fields only; the problems the form finds itself (a date the boxes cannot make, hours that are not a number).</summary>
    private static (ConfirmTraining Request, List<(string, string?)> Own) Read(Kind form, string candidateId, Dictionary<string, string?> v)
    {
        string? V(string name) => form.Fields.Contains(name) && v.GetValueOrDefault(name)?.Trim() is { Length: > 0 } text ? text : null;
        var own = new List<(string, string?)>();
        string? date;
        if (form.Value == ConfirmationKind.Attendance) date = V("date");
        else
        {
            (date, var problem) = PageParts.DateFromBoxes(v, "date", DateLabel(form.Value));
            own.Add(("date", problem));
        }
        string? newEnd = null;
        if (form.Fields.Contains("newPlannedEnd"))
        {
            (newEnd, var problem) = PageParts.DateFromBoxes(v, "newPlannedEnd", "New planned end date");
            own.Add(("newPlannedEnd", problem));
        }
        decimal? hours = null;
        if (V("hours") is { } h)
        {
            if (h.Length <= 12 && decimal.TryParse(h, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)) hours = n;
            else own.Add(("hours", "Hours must be a number, like 7.5."));
        }
        var attended = V("attended") switch { "yes" => true, "no" => false, _ => (bool?)null };
        return (new ConfirmTraining(v.GetValueOrDefault("reference"), candidateId, form.Value, date, attended, hours, V("detail"), PageParts.Choice<EpaGrade>(V("grade")), newEnd), own);
    }

    private static string DateLabel(ConfirmationKind kind) => kind switch
    {
        ConfirmationKind.Milestone => "Date reached",
        ConfirmationKind.OffTheJobHours => "Last day of the period",
        ConfirmationKind.Gateway => "Gateway date",
        ConfirmationKind.EpaResult => "Date of the result",
        ConfirmationKind.BreakInLearning => "First day of the break",
        ConfirmationKind.ReturnFromBreak => "Date back in learning",
        _ => "Date",
    };

    private static string DateRequired(ConfirmationKind kind) => kind switch
    {
        ConfirmationKind.Attendance => "Choose the session.",
        _ => $"Enter the {DateLabel(kind).ToLowerInvariant()}.",
    };

    private static Html Recorded(Kind kind, List<CurrentLearner> current, string? id, bool again)
    {
        var who = current.FirstOrDefault(l => l.Learner.CandidateId == id) is { } l ? $"{l.Learner.Name} ({id})" : InputLimits.IsId(id) ? id! : "your learner";
        return PageParts.SuccessBanner(again
            ? Html.Of($"<span id=\"confirmation-result\">Already recorded: {kind.Noun} for {who}. The form was sent more than once; it counts once.</span>")
            : Html.Of($"<span id=\"confirmation-result\">Recorded: {kind.Noun} for {who}.</span>"));
    }

    private static IResult List(HttpContext http, List<CurrentLearner> current, Html? notice)
    {
        var rows = current.Select(c =>
        {
            var l = c.Learner;
            var action = KindsFor(l.Stage).Any()
                ? Html.Of($"<a class=\"govuk-link\" href=\"/provider/learners/{l.CandidateId}\">Confirm<span class=\"govuk-visually-hidden\"> something for {l.Name}</span></a>")
                : Html.Of($"Training starts {c.Programme.Starts.ToString("d MMMM yyyy", EnGb)}");
            return Html.Of($"""
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell">{l.Name}</td><td class="govuk-table__cell">{l.CandidateId}</td>
                  <td class="govuk-table__cell">{(c.Programme.IsAcademy ? "Academy" : "Cohort")}: {c.Programme.Name}</td>
                  <td class="govuk-table__cell">{StageNames.Tag(l.Stage)}</td><td class="govuk-table__cell">{action}</td>
                </tr>
                """);
        }).ToList();
        return PageLayout.Render(http, "Your learners", Html.Of($"""
            {notice ?? Html.Empty}
            <h1 class="govuk-heading-l">Your learners</h1>
            {(rows.Count == 0 ? Html.Of($"<p class=\"govuk-body\" id=\"no-learners\">You have no current learners: nobody is on one of your academies or cohorts now.</p>") : Html.Of($"""
            <p class="govuk-body">Learners on your academies and cohorts now. Choose one to confirm their attendance at a session, a milestone, off-the-job hours, gateway, their end-point assessment result, or a break in learning or the return from one.</p>
            <table class="govuk-table" id="learners">
              <caption class="govuk-table__caption govuk-visually-hidden">Your current learners</caption>
              <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Candidate id</th>
                <th scope="col" class="govuk-table__header">Programme</th><th scope="col" class="govuk-table__header">Stage</th>
                <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Confirm</span></th>
              </tr></thead>
              <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            """))}
            """));
    }

    private static IResult Learner(HttpContext http, CurrentLearner c)
    {
        var l = c.Learner;
        var kinds = KindsFor(l.Stage).Select(k => Html.Of($"<li><a class=\"govuk-link\" href=\"/provider/learners/{l.CandidateId}/{k.Slug}\">{k.Link}</a></li>")).ToList();
        return PageLayout.Render(http, l.Name, Html.Of($"""
            <a href="/provider" class="govuk-back-link">Your learners</a>
            <span class="govuk-caption-l">Learner {l.CandidateId}</span>
            <h1 class="govuk-heading-l">{l.Name}</h1>
            <dl class="govuk-summary-list">
              {PageParts.Row(c.Programme.IsAcademy ? "Academy" : "Cohort", $"{c.Programme.Name} ({c.Programme.Id})")}
              {PageParts.Row("Stage", StageNames.Tag(l.Stage))}
            </dl>
            {(kinds.Count == 0
                ? Html.Of($"<p class=\"govuk-body\">Their training starts on {c.Programme.Starts.ToString("d MMMM yyyy", EnGb)}. From then you can confirm milestones, hours, gateway, the end-point assessment result and breaks in learning.</p>")
                : Html.Of($"""
                <h2 class="govuk-heading-m">What do you want to confirm?</h2>
                <ul class="govuk-list" id="confirm-kinds">{kinds}</ul>
                """))}
            """));
    }

    private static IResult Form(HttpContext http, CurrentLearner c, Kind form, DateOnly today, Dictionary<string, string?> v, Dictionary<string, string[]> errors)
    {
        var l = c.Learner;
        string? V(string name) => v.GetValueOrDefault(name);
        var example = $"For example, {today.Day} {today.Month} {today.Year}";
        var fields = new List<Html>();
        foreach (var field in form.Fields)
        {
            fields.Add(field switch
            {
                "date" when form.Value == ConfirmationKind.Attendance => Sessions(c, today, V("date"), errors),
                "date" => FormFields.Date("date", DateLabel(form.Value), PageParts.Boxes(v, "date"), errors, hint: form.Value switch
                {
                    ConfirmationKind.OffTheJobHours => $"The hours are for the period up to and including this day. {example}",
                    ConfirmationKind.ReturnFromBreak => $"The first day of training after the break. {example}",
                    _ => example,
                }),
                "attended" => FormFields.Radios("attended", $"Did {l.Name} attend?", [("yes", "Yes"), ("no", "No")], V("attended"), errors, inline: true),
                "detail" when form.Value == ConfirmationKind.Milestone => FormFields.Text("detail", "Milestone", V("detail"), errors,
                    hint: "What the learner achieved, for example Care Certificate complete", width: "govuk-input--width-30"),
                "detail" => FormFields.Text("detail", "Notes (optional)", V("detail"), errors, width: "govuk-input--width-30"),
                "hours" => FormFields.Text("hours", "Hours", V("hours"), errors, hint: "Off-the-job training hours, for example 7.5", width: "govuk-input--width-5", spellcheck: false),
                "grade" => FormFields.Radios("grade", "Result", [("Fail", "Fail"), ("Pass", "Pass"), ("Merit", "Merit"), ("Distinction", "Distinction")], V("grade"), errors),
                "newPlannedEnd" => FormFields.Date("newPlannedEnd", "New planned end date", PageParts.Boxes(v, "newPlannedEnd"), errors,
                    hint: "When the training is now planned to end, as agreed for the rest of it. For example, 31 12 2027"),
                _ => Html.Empty,
            });
        }
        var canSend = form.Value != ConfirmationKind.Attendance || c.Programme.Sessions.Any(s => s <= today);
        return PageLayout.Render(http, form.Title, Html.Of($"""
            <a href="/provider/learners/{l.CandidateId}" class="govuk-back-link">Back</a>
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              {FormFields.ErrorSummary(errors, form.Fields)}
              <span class="govuk-caption-l">{l.Name} ({l.CandidateId})</span>
              <h1 class="govuk-heading-l">{form.Title}</h1>
              {(canSend ? Html.Of($"""
              <form method="post" action="/provider/learners/{l.CandidateId}/{form.Slug}" novalidate>
                {PageLayout.Antiforgery(http)}
                <input type="hidden" name="reference" value="{V("reference")}">
                {fields}
                {FormFields.Button("Send confirmation")}
              </form>
              """) : Html.Of($"""
              <p class="govuk-body">No session of {c.Programme.Name} has taken place yet: the first is on {c.Programme.Sessions.Min().ToString("d MMMM yyyy", EnGb)}. Confirm attendance on or after the day.</p>
              """))}
            </div></div>
            """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);
    }

    /// <summary>The academy's sessions so far, newest first, to choose the one attended or missed.</summary>
    private static Html Sessions(CurrentLearner c, DateOnly today, string? selected, IReadOnlyDictionary<string, string[]> errors) =>
        FormFields.Radios("date", "Which session?", c.Programme.Sessions.Where(s => s <= today).OrderDescending()
            .Select(s => (s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), s.ToString("dddd d MMMM yyyy", EnGb))), selected, errors);

    private static IResult NotFound(HttpContext http) => PageParts.NotFound(http, "Learner", "/provider", "See your learners");
}
