
namespace Apprenticeships.Functions.Pages.ProviderPortal;

/// <summary>
/// The provider portal: a training provider's own current learners, and a form to confirm
/// attendance, a milestone, hours, gateway, an EPA result (completion), a break in learning or the
/// return from one for one of them, through the same checks as the provider API.
/// </summary>
public static class ProviderPortalPages
{
    private static readonly (string, string)[] Kinds =
    [
        (nameof(ConfirmationKind.Attendance), "Attendance at an academy session"),
        (nameof(ConfirmationKind.Milestone), "A training milestone"),
        (nameof(ConfirmationKind.OffTheJobHours), "Off-the-job training hours"),
        (nameof(ConfirmationKind.Gateway), "Ready for end-point assessment (gateway)"),
        (nameof(ConfirmationKind.EpaResult), "End-point assessment result (completion)"),
        (nameof(ConfirmationKind.BreakInLearning), "A break in learning"),
        (nameof(ConfirmationKind.ReturnFromBreak), "A return from a break in learning"),
    ];

    public static IEndpointRouteBuilder MapProviderPortalPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/provider").RequireAuthorization(StaffPolicies.Provider);
        group.MapGet("", async (HttpContext http, TimeProvider clock, CancellationToken ct) =>
            await RenderAsync(http, [], new Dictionary<string, string?> { ["date"] = clock.Today().ToString("yyyy-MM-dd") }, null, ct));

        group.MapPost("/confirmations", async (HttpContext http, IFormCollection form, ProviderKeys providers, ProviderConfirmations confirmations, CancellationToken ct) =>
        {
            var provider = await providers.FindAsync(http.User.FindFirst(ProviderSignIn.ProviderIdClaim)!.Value, ct);
            if (provider is null) return Results.Redirect("/provider/sign-in");
            var v = form.Keys.ToDictionary(k => k, k => (string?)form[k].ToString());
            string? V(string k) => string.IsNullOrWhiteSpace(v.GetValueOrDefault(k)) ? null : v[k]!.Trim();
            var request = new ConfirmTraining(V("reference"), V("candidateId"),
                Enum.TryParse<ConfirmationKind>(V("kind"), out var kind) && Enum.IsDefined(kind) ? kind : null, V("date"),
                V("attended") switch { "yes" => true, "no" => false, _ => null },
                decimal.TryParse(V("hours"), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var hours) ? hours : null,
                V("detail"), Enum.TryParse<EpaGrade>(V("grade"), out var grade) && Enum.IsDefined(grade) ? grade : null, V("newPlannedEnd"));
            var result = await confirmations.ConfirmAsync(provider, request, ct);
            if (result.Value is { } done)
                return await RenderAsync(http, [], new Dictionary<string, string?> { ["date"] = V("date") },
                    $"{(done.Status == "Recorded" ? "Recorded" : "Already recorded")}: {Kinds.First(k => k.Item1 == done.Kind.ToString()).Item2} for {done.CandidateId} (your reference {done.Reference}).", ct);
            return await RenderAsync(http, result.Problem!.ToDictionary(), v, null, ct);
        });
        return app;
    }

    private static async Task<IResult> RenderAsync(HttpContext http, Dictionary<string, string[]> errors, Dictionary<string, string?> v, string? notice, CancellationToken ct)
    {
        var services = http.RequestServices;
        var learners = await services.GetRequiredService<ProviderLearners>().OfAsync(http.User.FindFirst(ProviderSignIn.ProviderIdClaim)!.Value, ct);
        var rows = learners.Select(c => Html.Of($"""
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">{c.Name}</td><td class="govuk-table__cell">{c.CandidateId}</td>
              <td class="govuk-table__cell">{StageNames.Tag(c.Stage)}</td><td class="govuk-table__cell">{c.CohortId ?? c.AcademyId}</td>
            </tr>
            """));
        string? V(string k) => v.GetValueOrDefault(k);
        var learnerOptions = new[] { ("", "Choose a learner") }.Concat(learners.Select(c => (c.CandidateId, $"{c.Name} ({c.CandidateId})")));
        var banner = notice is null ? Html.Empty : Html.Of($"""
            <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="notice-title" data-module="govuk-notification-banner">
              <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="notice-title">Success</h2></div>
              <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading" id="confirmation-result">{notice}</p></div>
            </div>
            """);
        return PageLayout.Render(http, "Your learners", Html.Of($"""
            {FormFields.ErrorSummary(errors, ["candidateId", "kind", "date", "reference", "attended", "detail", "hours", "grade", "newPlannedEnd"])}
            {banner}
            <h1 class="govuk-heading-l">Your learners</h1>
            <table class="govuk-table">
              <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Candidate id</th>
                <th scope="col" class="govuk-table__header">Stage</th><th scope="col" class="govuk-table__header">Academy or cohort</th>
              </tr></thead>
              <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            <h2 class="govuk-heading-m">Confirm attendance, a milestone, completion or a break</h2>
            <form method="post" action="/provider/confirmations" novalidate>
              {PageLayout.Antiforgery(http)}
              {FormFields.Select("candidateId", "Learner", learnerOptions, V("candidateId"), errors)}
              {FormFields.Radios("kind", "What are you confirming?", Kinds, V("kind"), errors)}
              {FormFields.Text("date", "Date", V("date"), errors, hint: "YYYY-MM-DD: the session, milestone or result date, the first day of a break, or the day back from it", width: "govuk-input--width-10")}
              {FormFields.Text("reference", "Your reference", V("reference"), errors, hint: "Your own id for this confirmation; sending it again is recognised as the same one", width: "govuk-input--width-20", spellcheck: false)}
              {FormFields.Radios("attended", "Attended? (attendance only)", [("yes", "Yes"), ("no", "No")], V("attended"), errors, small: true)}
              {FormFields.Text("detail", "Detail (milestone, hours or result notes)", V("detail"), errors, width: "govuk-input--width-30")}
              {FormFields.Text("hours", "Hours (off-the-job hours only)", V("hours"), errors, width: "govuk-input--width-5")}
              {FormFields.Radios("grade", "Grade (end-point assessment only)", Enum.GetNames<EpaGrade>().Select(g => (g, g)), V("grade"), errors, small: true)}
              {FormFields.Text("newPlannedEnd", "New planned end date (return from a break only)", V("newPlannedEnd"), errors, hint: "YYYY-MM-DD: when the training is now planned to end", width: "govuk-input--width-10")}
              {FormFields.Button("Send confirmation")}
            </form>
            """), errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: errors.Count > 0);
    }
}
