using Apprenticeships.Functions.Hosting;

namespace Apprenticeships.Functions.Pages.Assets;

public static class AssetEndpoints
{
    /// <summary>
    /// GET /assets/{file}: an endpoint rather than static-file middleware, so the Azure Functions
    /// host has a route to forward, and the sign-in pages have their styles before anyone signs in.
    /// </summary>
    public static IEndpointRouteBuilder MapFrontendAssets(this IEndpointRouteBuilder app)
    {
        // "/assets/" names no file: a 404 like any other missing file, not a binding failure.
        app.MapGet("/assets/{*file}", (string? file, FrontendAssets assets, HttpContext http) =>
        {
            if (string.IsNullOrEmpty(file) || !assets.TryGet(file, out var content, out var contentType)) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(content, contentType);
        }).AllowAnonymous();
        return app;
    }
}
