using Apprenticeships.Domain.Levy.Ledger;

namespace Apprenticeships.Functions.Pages.Finance;

/// <summary>Finance officers' pages: the employers with levy accounts, and each account month by month with its forecast.</summary>
public static class FinancePages
{
    /// <summary>Two years of history and one of forecast fit the chart and cover the 24-month expiry.</summary>
    private const int MonthsShown = 24, MonthsForecast = 12;

    public static IEndpointRouteBuilder MapFinancePages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/finance").RequireAuthorization(StaffPolicies.Finance);
        group.MapGet("", async (HttpContext http, LevyAccounts accounts, CancellationToken ct) =>
        {
            var rows = (await accounts.EmployersAsync(ct)).Select(e => Html.Of($"""
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell"><a class="govuk-link" href="/finance/employers/{e.Id}">{e.Name}</a></td>
                  <td class="govuk-table__cell">{e.Id}</td>
                  <td class="govuk-table__cell">{(e.IsLevyPayer ? "Levy payer" : "Non-levy")}{(e.IsSme ? ", SME" : "")}</td>
                </tr>
                """)).ToList();
            return PageLayout.Render(http, "Levy accounts", Html.Of($"""
                <h1 class="govuk-heading-l">Levy accounts</h1>
                {(rows.Count == 0 ? Html.Of($"<p class=\"govuk-body\">No employers yet.</p>") : Html.Of($"""
                <table class="govuk-table">
                  <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Employer</th><th scope="col" class="govuk-table__header">Id</th><th scope="col" class="govuk-table__header">Kind</th></tr></thead>
                  <tbody class="govuk-table__body">{rows}</tbody>
                </table>
                """))}
                """));
        });

        group.MapGet("/employers/{id}", async (HttpContext http, string id, LevyAccounts accounts, CancellationToken ct) =>
        {
            if (await accounts.OverviewAsync(id, MonthsForecast, ct) is not var (employer, thisMonth, account, forecast, projected))
                return PageLayout.Render(http, "Employer not found", Html.Of($"<h1 class=\"govuk-heading-l\">Employer not found</h1><p class=\"govuk-body\"><a class=\"govuk-link\" href=\"/finance\">Levy accounts</a></p>"), StatusCodes.Status404NotFound);
            var shown = account.Months.TakeLast(MonthsShown).ToList();
            return PageLayout.Render(http, employer.Name, Html.Of($"""
                <span class="govuk-caption-l">Levy account {employer.Id}</span>
                <h1 class="govuk-heading-l">{employer.Name}</h1>
                <dl class="govuk-summary-list">
                  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Balance at the end of {thisMonth}</dt><dd class="govuk-summary-list__value" id="balance">£{account.Balance:N2}</dd></div>
                  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Expiring in the next {MonthsForecast} months if nothing changes</dt><dd class="govuk-summary-list__value">£{projected.Sum(m => m.Expired):N2}{(forecast.FirstExpiryMonth is { } first ? $", from {first}" : "")}</dd></div>
                  <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">More apprentices at £{forecast.Band:N0} that would use it</dt><dd class="govuk-summary-list__value">{forecast.AdditionalApprentices}</dd></div>
                </dl>
                <h2 class="govuk-heading-m">Month by month</h2>
                {LevyChart.Render($"{employer.Name}: funds in, paid from levy, expired and forecast, month by month", shown, projected)}
                <p class="govuk-body"><a class="govuk-link" id="statement-csv" href="/api/finance/employers/{employer.Id}/statement.csv?asOf={thisMonth}" download>Download the statement (CSV)</a></p>
                <details class="govuk-details">
                  <summary class="govuk-details__summary"><span class="govuk-details__summary-text">The figures as a table</span></summary>
                  <div class="govuk-details__text">{Table(shown, projected)}</div>
                </details>
                """));
        });
        return app;
    }

    /// <summary>The figures month by month, one column per figure the account API gives, under the same names in plain English.</summary>
    private static Html Table(IReadOnlyList<LedgerMonth> actual, IReadOnlyList<LedgerMonth> forecast)
    {
        var rows = actual.Select(m => (m, "")).Concat(forecast.Select(m => (m, " (forecast)"))).Select(x => Html.Of($"""
            <tr class="govuk-table__row">
              <th scope="row" class="govuk-table__header">{x.m.Month}{x.Item2}</th>
              {Columns.Select(c => Html.Of($"<td class=\"govuk-table__cell govuk-table__cell--numeric\">£{c.Figure(x.m):N2}</td>"))}
            </tr>
            """));
        return Html.Of($"""
            <table class="govuk-table govuk-table--small-text-until-tablet" id="account-figures">
              <thead class="govuk-table__head"><tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">Month</th>
                {Columns.Select(c => Html.Of($"<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\" data-field=\"{c.Field}\">{c.Label}</th>"))}
              </tr></thead>
              <tbody class="govuk-table__body">{rows}</tbody>
            </table>
            """);
    }

    /// <summary>The account API's month fields (GET /api/finance/employers/{id}/account), labelled as the API names them.</summary>
    private static readonly (string Field, string Label, Func<LedgerMonth, decimal> Figure)[] Columns =
    [
        ("fundsIn", "Funds in", m => m.FundsIn),
        ("transfersIn", "Transfers in", m => m.TransfersIn),
        ("paymentsDue", "Payments due", m => m.PaymentsDue),
        ("paidFromLevy", "Paid from levy", m => m.LevyPayments),
        ("employerCoInvestment", "Employer co-investment", m => m.EmployerCoInvestment),
        ("governmentCoInvestment", "Government co-investment", m => m.GovernmentCoInvestment),
        ("transfersOut", "Transfers out", m => m.TransfersOut),
        ("expired", "Expired", m => m.Expired),
        ("balance", "Balance", m => m.Balance),
    ];
}
