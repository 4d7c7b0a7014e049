using System.Globalization;
using Apprenticeships.Domain.Levy.Ledger;

namespace Apprenticeships.Functions.Pages.Finance;

/// <summary>
/// A month-by-month SVG chart of a levy account, drawn on the server: funds in above the axis,
/// what was paid from the levy (with transfers out) and expired funds below it, the balance as a line; forecast months come after a
/// marker. Series differ in fill pattern as well as colour (funds in solid, payments striped,
/// expired cross-hatched; forecast bars are outlined, not filled), so they can be told apart
/// without colour. The amount axis has round ticks. The same figures follow in a table for
/// screen readers.
/// </summary>
public static class LevyChart
{
    private const int Width = 960, Height = 360, Left = 80, Right = 20, Top = 20, Bottom = 50;
    private const string FundsIn = "#00703c", Payments = "#1d70b8", Expired = "#d4351c", Balance = "#0b0c0c", Grid = "#b1b4b6";

    private enum Series { FundsIn, Payments, Expired }

    public static Html Render(string title, IReadOnlyList<LedgerMonth> actual, IReadOnlyList<LedgerMonth> forecast)
    {
        var months = actual.Select(m => (m, projected: false)).Concat(forecast.Select(m => (m, projected: true))).ToList();
        if (months.Count == 0) return Html.Of($"<p class=\"govuk-body\">No months to show yet.</p>");
        var axis = AmountAxis.For(
            months.Max(x => Math.Max(x.m.FundsIn + x.m.TransfersIn, x.m.Balance)),
            months.Max(x => x.m.LevyPayments + x.m.Expired + x.m.TransfersOut));
        var plotHeight = Height - Top - Bottom;
        var zero = Top + plotHeight * (double)(axis.Up / (axis.Up + axis.Down));
        double Y(decimal amount) => zero - plotHeight * (double)(amount / (axis.Up + axis.Down));
        var slot = (Width - Left - Right) / (double)months.Count;
        var bar = Math.Max(1, slot * 0.35);

        var shapes = new List<Html>();
        foreach (var tick in axis.Ticks)
        {
            shapes.Add(Html.Of($"<line x1=\"{Left}\" y1=\"{N(Y(tick))}\" x2=\"{Width - Right}\" y2=\"{N(Y(tick))}\" stroke=\"{(tick == 0 ? Balance : Grid)}\"/>"));
            shapes.Add(Html.Of($"<text x=\"{Left - 8}\" y=\"{N(Y(tick) + 4)}\" text-anchor=\"end\">{Pounds(tick)}</text>"));
        }
        var balance = new List<string>();
        var labelEvery = Math.Max(1, (int)Math.Ceiling(months.Count / 12.0));
        for (var i = 0; i < months.Count; i++)
        {
            var (m, projected) = months[i];
            var x = Left + i * slot + slot / 2;
            var fundsIn = m.FundsIn + m.TransfersIn;
            var paidOut = m.LevyPayments + m.TransfersOut;
            var state = projected ? "forecast" : "";
            if (fundsIn > 0) shapes.Add(Bar(Series.FundsIn, projected, x - bar, Y(fundsIn), bar, zero - Y(fundsIn), $"{m.Month}: funds and transfers in £{fundsIn:N2} {state}"));
            if (paidOut > 0) shapes.Add(Bar(Series.Payments, projected, x, zero, bar, Y(0) - Y(paidOut), $"{m.Month}: paid from levy and transferred out £{paidOut:N2} {state}"));
            if (m.Expired > 0) shapes.Add(Bar(Series.Expired, projected, x, zero + (Y(0) - Y(paidOut)), bar, Y(0) - Y(m.Expired), $"{m.Month}: expired £{m.Expired:N2} {state}"));
            balance.Add($"{N(x)},{N(Y(m.Balance))}");
            // Each label under its own month, at most twelve, the first and every nth after it.
            if (i % labelEvery == 0)
                shapes.Add(Html.Of($"<text x=\"{N(x)}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{m.Month}</text>"));
        }
        var forecastStart = actual.Count > 0 && forecast.Count > 0 ? Html.Of($"""
            <line x1="{N(Left + actual.Count * slot)}" y1="{Top}" x2="{N(Left + actual.Count * slot)}" y2="{Height - Bottom}" stroke="{Balance}" stroke-dasharray="6 4" stroke-width="2"/>
            <text x="{N(Left + actual.Count * slot + 6)}" y="{Top + 12}">Forecast</text>
            """) : Html.Empty;
        var description = $"From {months[0].m.Month} to {months[^1].m.Month}. Highest funds in £{months.Max(x => x.m.FundsIn):N0}; balance at the end £{months[^1].m.Balance:N0}; expired in total £{months.Sum(x => x.m.Expired):N0}.";

        return Html.Of($"""
            <figure class="govuk-!-margin-0">
              <svg class="app-chart" viewBox="0 0 {Width} {Height}" role="img" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">
                <title id="chart-title">{title}</title>
                <desc id="chart-desc">{description}</desc>
                {Patterns()}
                {shapes}
                {forecastStart}
                <polyline points="{string.Join(' ', balance)}" fill="none" stroke="{Balance}" stroke-width="2"/>
              </svg>
              <ul class="app-chart__legend govuk-body-s">
                <li>{Key(Series.FundsIn, false)}Funds in and transfers in</li>
                <li>{Key(Series.Payments, false)}Paid from levy and transfers out</li>
                <li>{Key(Series.Expired, false)}Expired</li>
                <li>{Key(Series.FundsIn, true)}Forecast (outlined, same pattern)</li>
                <li><svg class="app-chart__key" viewBox="0 0 14 14" aria-hidden="true"><line x1="0" y1="7" x2="14" y2="7" stroke="{Balance}" stroke-width="2"/></svg>Balance (line)</li>
              </ul>
            </figure>
            """);
    }

    private static string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Pounds(decimal amount) => amount < 0 ? $"-£{-amount:N0}" : $"£{amount:N0}";

    private static string Fill(Series series) => series switch
    {
        Series.FundsIn => FundsIn,
        Series.Payments => "url(#app-chart-stripes)",
        _ => "url(#app-chart-hatch)",
    };

    private static string Colour(Series series) => series switch { Series.FundsIn => FundsIn, Series.Payments => Payments, _ => Expired };

    /// <summary>A forecast bar keeps its series' pattern at low opacity inside a solid outline of the series' colour.</summary>
    private static Html Bar(Series series, bool projected, double x, double y, double width, double height, string label) => Html.Of(
        $"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(width)}\" height=\"{N(Math.Max(0, height))}\" fill=\"{Fill(series)}\" fill-opacity=\"{(projected ? "0.35" : "1")}\" stroke=\"{Colour(series)}\" stroke-width=\"{(projected ? "2" : "0")}\"><title>{label.Trim()}</title></rect>");

    private static Html Key(Series series, bool projected) => Html.Of(
        $"<svg class=\"app-chart__key\" viewBox=\"0 0 14 14\" aria-hidden=\"true\"><rect x=\"1\" y=\"1\" width=\"12\" height=\"12\" fill=\"{Fill(series)}\" fill-opacity=\"{(projected ? "0.35" : "1")}\" stroke=\"{Colour(series)}\" stroke-width=\"{(projected ? "2" : "0")}\"/></svg>");

    /// <summary>Stripes for payments, cross-hatching for expiry, referenced by the bars and the legend's keys.</summary>
    private static Html Patterns() => Html.Of($"""
        <defs>
          <pattern id="app-chart-stripes" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#ffffff"/><rect width="3" height="6" fill="{Payments}"/>
          </pattern>
          <pattern id="app-chart-hatch" width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="{Expired}"/><path d="M0,0 L6,6 M6,0 L0,6" stroke="#ffffff" stroke-width="1.5"/>
          </pattern>
        </defs>
        """);
}
