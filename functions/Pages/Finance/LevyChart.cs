using System.Globalization;
using Apprenticeships.Domain.Levy.Ledger;

namespace Apprenticeships.Functions.Pages.Finance;

/// <summary>
/// A month-by-month SVG chart of a levy account, drawn on the server: funds in above the axis,
/// what was paid from the levy (with transfers out) and expired funds below it, the balance as a line; forecast months are drawn after a
/// marker in the forecast colour. The same figures follow in a table for screen readers.
/// </summary>
public static class LevyChart
{
    private const int Width = 960, Height = 360, Left = 70, Right = 20, Top = 20, Bottom = 50;
    private const string FundsIn = "#00703c", Payments = "#1d70b8", Expired = "#d4351c", Forecast = "#f47738", Balance = "#0b0c0c";

    public static Html Render(string title, IReadOnlyList<LedgerMonth> actual, IReadOnlyList<LedgerMonth> forecast)
    {
        var months = actual.Select(m => (m, projected: false)).Concat(forecast.Select(m => (m, projected: true))).ToList();
        if (months.Count == 0) return Html.Of($"<p class=\"govuk-body\">No months to show yet.</p>");
        var up = Math.Max(1m, months.Max(x => Math.Max(x.m.FundsIn + x.m.TransfersIn, x.m.Balance)));
        var down = Math.Max(0m, months.Max(x => x.m.LevyPayments + x.m.Expired + x.m.TransfersOut));
        var plotHeight = Height - Top - Bottom;
        var zero = Top + plotHeight * (double)(up / (up + down));
        double Y(decimal amount) => zero - plotHeight * (double)(amount / (up + down));
        var slot = (Width - Left - Right) / (double)months.Count;
        var bar = Math.Max(1, slot * 0.35);
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var shapes = new List<Html>();
        var balance = new List<string>();
        for (var i = 0; i < months.Count; i++)
        {
            var (m, projected) = months[i];
            var x = Left + i * slot + slot / 2;
            var fundsIn = m.FundsIn + m.TransfersIn;
            if (fundsIn > 0) shapes.Add(Rect(x - bar, Y(fundsIn), bar, zero - Y(fundsIn), projected ? Forecast : FundsIn, $"{m.Month}: funds and transfers in £{fundsIn:N2}"));
            if (m.LevyPayments + m.TransfersOut > 0) shapes.Add(Rect(x, zero, bar, Y(0) - Y(m.LevyPayments + m.TransfersOut) , projected ? Forecast : Payments, $"{m.Month}: paid from levy and transferred out £{m.LevyPayments + m.TransfersOut:N2}"));
            if (m.Expired > 0) shapes.Add(Rect(x, zero + (Y(0) - Y(m.LevyPayments + m.TransfersOut)), bar, Y(0) - Y(m.Expired), Expired, $"{m.Month}: expired £{m.Expired:N2}"));
            balance.Add($"{N(x)},{N(Y(m.Balance))}");
            if (i % Math.Max(1, months.Count / 8) == 0)
                shapes.Add(Html.Of($"<text x=\"{N(x)}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{m.Month}</text>"));
        }
        var forecastStart = actual.Count > 0 && forecast.Count > 0 ? Html.Of($"""
            <line x1="{N(Left + actual.Count * slot)}" y1="{Top}" x2="{N(Left + actual.Count * slot)}" y2="{Height - Bottom}" stroke="{Forecast}" stroke-dasharray="6 4" stroke-width="2"/>
            <text x="{N(Left + actual.Count * slot + 6)}" y="{Top + 12}">Forecast</text>
            """) : Html.Empty;
        var description = $"From {months[0].m.Month} to {months[^1].m.Month}. Highest funds in £{months.Max(x => x.m.FundsIn):N0}; balance at the end £{months[^1].m.Balance:N0}; expired in total £{months.Sum(x => x.m.Expired):N0}.";

        return Html.Of($"""
            <figure class="govuk-!-margin-0">
              <svg class="app-chart" viewBox="0 0 {Width} {Height}" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">
                <title id="chart-title">{title}</title>
                <desc id="chart-desc">{description}</desc>
                <line x1="{Left}" y1="{N(zero)}" x2="{Width - Right}" y2="{N(zero)}" stroke="#0b0c0c"/>
                <text x="{Left - 8}" y="{N(Y(up) + 4)}" text-anchor="end">£{up:N0}</text>
                <text x="{Left - 8}" y="{N(zero + 4)}" text-anchor="end">£0</text>
                {(down > 0 ? Html.Of($"<text x=\"{Left - 8}\" y=\"{N(Y(-down))}\" text-anchor=\"end\">-£{down:N0}</text>") : Html.Empty)}
                {shapes}
                {forecastStart}
                <polyline points="{string.Join(' ', balance)}" fill="none" stroke="{Balance}" stroke-width="2"/>
              </svg>
              <ul class="app-chart__legend govuk-body-s">
                <li><span class="app-chart__key app-chart__key--funds-in"></span>Funds in and transfers in</li>
                <li><span class="app-chart__key app-chart__key--payments"></span>Paid from levy and transfers out</li>
                <li><span class="app-chart__key app-chart__key--expired"></span>Expired</li>
                <li><span class="app-chart__key app-chart__key--forecast"></span>Forecast</li>
                <li><span class="app-chart__key app-chart__key--balance"></span>Balance (line)</li>
              </ul>
            </figure>
            """);
    }

    private static Html Rect(double x, double y, double width, double height, string fill, string label) => Html.Of(
        $"<rect x=\"{x.ToString("0.#", CultureInfo.InvariantCulture)}\" y=\"{y.ToString("0.#", CultureInfo.InvariantCulture)}\" width=\"{width.ToString("0.#", CultureInfo.InvariantCulture)}\" height=\"{Math.Max(0, height).ToString("0.#", CultureInfo.InvariantCulture)}\" fill=\"{fill}\"><title>{label}</title></rect>");
}
