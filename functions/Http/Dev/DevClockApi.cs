using System.Xml;
using Apprenticeships.Durable;

namespace Apprenticeships.Functions.Http.Dev;

public static class DevClockApi
{
    public sealed record ClockView(DateTimeOffset UtcNow, string Offset);
    public sealed record AdvanceRequest(string? By);

    /// <summary>Ten years: more than any pipeline needs, and far from the end of the calendar, which a clock cannot pass.</summary>
    public const int LongestAdvanceDays = 3660;

    /// <summary>Development only: read the runtime clock and move it forward by an ISO-8601 duration.</summary>
    public static IEndpointRouteBuilder MapDevClockApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dev/clock").RequireAuthorization(StaffPolicies.AnyStaff);
        group.MapGet("", (AdjustableClock clock) => TypedResults.Ok(View(clock)));
        // JsonBody: {"by":123} is a 400 naming "by", not the framework's binding exception.
        group.MapPost("/advance", (JsonBody<AdvanceRequest> body, AdjustableClock clock) => body.ThenAsync(request =>
        {
            if (!TryParseDuration(request.By, out var by, out var error))
            {
                return Task.FromResult<IResult>(TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["by"] = [error] }));
            }
            clock.Advance(by);
            return Task.FromResult<IResult>(TypedResults.Ok(View(clock)));
        }));
        return app;
    }

    private static ClockView View(AdjustableClock clock) => new(clock.GetUtcNow(), XmlConvert.ToString(clock.Offset));

    private static bool TryParseDuration(string? text, out TimeSpan duration, out string error)
    {
        duration = default;
        error = $"Give a positive ISO-8601 duration of at most {LongestAdvanceDays} days, such as P30D, P2W or PT12H.";
        if (string.IsNullOrWhiteSpace(text)) return false;
        try
        {
            // XmlConvert reads xs:duration (P1Y2M3DT4H); weeks (P2W) are ISO-8601 too, so accept them.
            var weeks = System.Text.RegularExpressions.Regex.Match(text, @"^P(\d+)W$");
            duration = weeks.Success ? TimeSpan.FromDays(7 * int.Parse(weeks.Groups[1].Value)) : XmlConvert.ToTimeSpan(text);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            return false;
        }
        return duration > TimeSpan.Zero && duration <= TimeSpan.FromDays(LongestAdvanceDays);
    }
}
