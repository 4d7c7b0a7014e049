using System.Xml;
using Apprenticeships.Application.Clock;

namespace Apprenticeships.Functions.Http.Dev;

public static class DevClockApi
{
    public sealed record ClockView(DateTimeOffset UtcNow, string Offset);
    public sealed record AdvanceRequest(string? By);

    private static readonly int LongestAdvanceDays = (int)AdvanceBusinessClock.Longest.TotalDays;

    /// <summary>Development only: read the runtime clock and move it forward by an ISO-8601 duration.</summary>
    public static IEndpointRouteBuilder MapDevClockApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dev/clock").WithTags("Development").RequireAuthorization(StaffPolicies.AnyStaff);
        group.MapGet("", (TimeProvider clock) => TypedResults.Ok(View(clock)));
        // JsonBody: {"by":123} is a 400 naming "by", not the framework's binding exception.
        group.MapPost("/advance", (JsonBody<AdvanceRequest> body, TimeProvider clock, AdvanceBusinessClock advance, CancellationToken ct) => body.ThenAsync(async request =>
        {
            if (!TryParseDuration(request.By, out var by, out var error))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["by"] = [error] });
            }
            var moved = await advance.RunAsync(by, ct);
            return moved.Succeeded ? Results.Ok(View(clock)) : moved.Problem!.ToHttp();
        })).Produces<ClockView>();
        return app;
    }

    private static ClockView View(TimeProvider clock) => new(clock.GetUtcNow(), XmlConvert.ToString((clock as BusinessClock)?.Offset ?? TimeSpan.Zero));

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
