using Apprenticeships.Functions.Dev;

namespace Apprenticeships.Functions.Http.Dev;

public static class DemoApi
{
    /// <summary>Development only: creates a fresh demo hub (see <see cref="DemoHub"/>); each call makes another.</summary>
    public static IEndpointRouteBuilder MapDemoApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/dev/demo", async (DemoHub demo, CancellationToken ct) =>
        {
            var created = await demo.CreateAsync(ct);
            return TypedResults.Created($"/api/academies/{created.AcademyId}", created);
        }).WithTags("Development");
        return app;
    }
}
