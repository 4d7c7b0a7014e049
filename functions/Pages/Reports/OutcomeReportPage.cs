
namespace Apprenticeships.Functions.Pages.Reports;

/// <summary>The hub's outcome figures for a date range, with the same figures as a CSV from the reports API.</summary>
public static class OutcomeReportPage
{
    public static IEndpointRouteBuilder MapOutcomeReportPage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/outcomes", async (HttpContext http, string? from, string? to, OutcomeFiguresQuery query, TimeProvider clock, CancellationToken ct) =>
        {
            var today = clock.Today();
            var asked = from is not null || to is not null;
            from ??= new DateOnly(today.Year, 1, 1).ToString("yyyy-MM-dd");
            to ??= today.ToString("yyyy-MM-dd");
            var result = await query.BuildAsync(from, to, ct);
            Html figures = Html.Empty;
            if (result.Value is { } f)
            {
                (string, object)[] rows =
                [
                    ("Referrals", f.Referrals), ("No response", f.NoResponse), ("SWAP starts", f.SwapStarts), ("SWAP completions", f.SwapCompletions),
                    ("Interviews", f.Interviews), ("Job outcomes (direct)", f.JobOutcomesDirect), ("Job outcomes (via SWAP)", f.JobOutcomesViaSwap),
                    ("Sustained 13 weeks", f.Sustained13Weeks), ("Sustained 26 weeks", f.Sustained26Weeks), ("Apprenticeship starts", f.ApprenticeshipStarts),
                    ("Achievements", f.Achievements), ("Withdrawals", f.Withdrawals), ("Training opportunities completed", f.TrainingCompleted),
                    ("Spend", Money(f.Spend)), ("Cost per outcome", f.CostPerOutcome is { } cost ? Money(cost) : "n/a"),
                    ("Levy used", Money(f.LevyUsed)), ("Levy expired", Money(f.LevyExpired)),
                ];
                var counted = f.To > f.AsOf
                    ? Html.Of($"<p class=\"govuk-body\" id=\"counted-to\">Counted up to today, {f.AsOf:d MMMM yyyy}. What is dated after today has not happened: it is not counted here but shown as a forecast below.</p>")
                    : Html.Empty;
                var forecast = f.Forecast is not { } ahead ? Html.Empty : Html.Of($"""
                    <table class="govuk-table" id="forecast">
                      <caption class="govuk-table__caption govuk-table__caption--m">Forecast: {ahead.From:d MMMM yyyy} to {ahead.To:d MMMM yyyy}</caption>
                      <tbody class="govuk-table__body">{Rows([
                          ("Job starts already arranged", ahead.JobStarts), ("Spend planned", Money(ahead.Spend)),
                          ("Levy to be used", Money(ahead.LevyUsed)), ("Levy that will expire if nothing changes", Money(ahead.LevyExpiring))])}</tbody>
                    </table>
                    """);
                figures = Html.Of($"""
                    <table class="govuk-table" id="figures">
                      <caption class="govuk-table__caption govuk-table__caption--m">{f.From:d MMMM yyyy} to {f.To:d MMMM yyyy}</caption>
                      <tbody class="govuk-table__body">{Rows(rows)}</tbody>
                    </table>
                    {counted}
                    {forecast}
                    <p class="govuk-body"><a class="govuk-link" id="outcomes-csv" href="/api/reports/outcomes.csv?from={from}&amp;to={to}" download>Download these figures (CSV)</a></p>
                    """);
            }
            var shown = result.Problem?.ToDictionary() ?? [];
            return PageLayout.Render(http, "Outcomes", Html.Of($"""
                {FormFields.ErrorSummary(shown, ["from", "to"])}
                <h1 class="govuk-heading-l">Outcomes</h1>
                <form method="get" action="/reports/outcomes" novalidate>
                  {FormFields.Text("from", "From", from, shown, hint: "YYYY-MM-DD", width: "govuk-input--width-10")}
                  {FormFields.Text("to", "To", to, shown, hint: "YYYY-MM-DD", width: "govuk-input--width-10")}
                  {FormFields.Button(asked ? "Update" : "Show figures", secondary: true)}
                </form>
                {figures}
                """), shown.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK, hasErrors: shown.Count > 0);
        }).RequireAuthorization(StaffPolicies.AnyStaff);
        return app;
    }

    private static string Money(decimal amount) => $"£{amount:N2}";

    private static IEnumerable<Html> Rows((string Name, object Value)[] rows) => rows.Select(r => Html.Of(
        $"<tr class=\"govuk-table__row\"><th scope=\"row\" class=\"govuk-table__header\">{r.Name}</th><td class=\"govuk-table__cell govuk-table__cell--numeric\">{r.Value}</td></tr>"));
}
