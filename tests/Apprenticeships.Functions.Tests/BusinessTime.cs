using Apprenticeships.Application.Clock;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests;

/// <summary>Moves a test app's business clock the way the dev clock API does: stored, then told to the running workflows.</summary>
internal static class BusinessTime
{
    public static BusinessClock Clock(this WebApplicationFactory<Program> app) => (BusinessClock)app.Services.GetRequiredService<TimeProvider>();

    public static async Task AdvanceAsync(this WebApplicationFactory<Program> app, TimeSpan by) =>
        _ = (await app.Services.GetRequiredService<AdvanceBusinessClock>().RunAsync(by, CancellationToken.None)).Done;

    /// <summary>Moves the clock on until its offset from real time is <paramref name="offset"/> (never back).</summary>
    public static async Task AdvanceToOffsetAsync(this WebApplicationFactory<Program> app, TimeSpan offset)
    {
        var by = offset - app.Clock().Offset;
        if (by > TimeSpan.Zero) await app.AdvanceAsync(by);
    }
}
