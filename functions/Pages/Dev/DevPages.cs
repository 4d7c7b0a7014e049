using System.Xml;
using Apprenticeships.Application.Clock;
using Apprenticeships.Email;

namespace Apprenticeships.Functions.Pages.Dev;

/// <summary>Development only: the emails the local outbox has "sent", and the demo clock that moves the pipeline on.</summary>
public static class DevPages
{
    public static IEndpointRouteBuilder MapDevPages(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dev").RequireAuthorization(StaffPolicies.AnyStaff);
        group.MapGet("/outbox", async (HttpContext http, PickupDelivery outbox, CancellationToken ct) =>
        {
            var mail = await outbox.ListAsync(50, ct);
            var items = mail.Select(m => Html.Of($"""
                <div class="govuk-summary-card">
                  <div class="govuk-summary-card__title-wrapper"><h2 class="govuk-summary-card__title">{m.Subject}</h2></div>
                  <div class="govuk-summary-card__content">
                    <p class="govuk-body-s">To {m.To} at {StageNames.When(m.Time)}</p>
                    <pre class="govuk-body-s app-email-text">{m.Text}</pre>
                  </div>
                </div>
                """));
            return PageLayout.Render(http, "Outbox", Html.Of($"""
                <h1 class="govuk-heading-l">Outbox</h1>
                <p class="govuk-body">Development only: emails written to the local pickup outbox instead of SendGrid, newest first.</p>
                {items}
                """));
        });
        group.MapGet("/clock", (HttpContext http, TimeProvider clock) => Clock(http, clock, null, null));
        group.MapPost("/clock", async (HttpContext http, IFormCollection form, TimeProvider clock, AdvanceBusinessClock advance, CancellationToken ct) =>
        {
            var days = form["days"].ToString();
            if (!int.TryParse(days, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n is < 1 or > 800)
                return Clock(http, clock, "Enter a whole number of days from 1 to 800.", days);
            var moved = await advance.RunAsync(TimeSpan.FromDays(n), ct);
            return moved.Succeeded ? Results.Redirect("/dev/clock") : Clock(http, clock, moved.Problem!.Detail, days);
        });
        return app;
    }

    private static IResult Clock(HttpContext http, TimeProvider clock, string? error, string? days)
    {
        var errors = error is null ? new Dictionary<string, string[]>() : new() { ["days"] = [error] };
        return PageLayout.Render(http, "Clock", Html.Of($"""
            {FormFields.ErrorSummary(errors)}
            <h1 class="govuk-heading-l">Demo clock</h1>
            <p class="govuk-body">Development only. The workflow runtime's clock reads <strong id="clock-now">{StageNames.When(clock.GetUtcNow())}</strong> (moved on by {XmlConvert.ToString((clock as BusinessClock)?.Offset ?? TimeSpan.Zero)}). Moving it forward tells every running workflow, and whatever falls due in between happens now: nudges, session reminders, sustainment checks.</p>
            <form method="post" action="/dev/clock" novalidate>
              {PageLayout.Antiforgery(http)}
              {FormFields.Text("days", "Move forward by (days)", days ?? "7", errors, width: "govuk-input--width-4")}
              {FormFields.Button("Move the clock")}
            </form>
            """), error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: error is not null);
    }
}
