using Apprenticeships.Functions.Http;
using Apprenticeships.Functions.Http.Candidates;
using Apprenticeships.Functions.Http.Dev;
using Apprenticeships.Functions.Http.Email;
using Apprenticeships.Functions.Http.Employers;
using Apprenticeships.Functions.Http.Finance;
using Apprenticeships.Functions.Http.Programmes;
using Apprenticeships.Functions.Http.Reports;
using Apprenticeships.Functions.Pages;
using Apprenticeships.Functions.Pages.Assets;
using Apprenticeships.Functions.Pages.Candidates;
using Apprenticeships.Functions.Pages.SignIn;
using Apprenticeships.Functions.Http.Vacancies;
using Apprenticeships.Functions.Pages.Vacancies;
using Apprenticeships.Functions.Pages.EmployerPortal;

namespace Apprenticeships.Functions.Hosting;

/// <summary>
/// What happens to every request, in both hosts: the middleware, then the one table of routes.
/// Kestrel runs it as the app; under the Functions host each HTTP function runs it on the
/// request the host forwarded (<see cref="FunctionsHost.AppRequests"/>).
/// </summary>
public static class AppPipeline
{
    /// <param name="mapped">Told the routes once they are mapped (the Functions worker lists them as functions).</param>
    public static IApplicationBuilder UseAppPipeline(this IApplicationBuilder app, IHostEnvironment environment, Action<IEndpointRouteBuilder>? mapped = null)
    {
        app.UseRouting();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // No stored id is longer than InputLimits.Id: a longer one in a route names nothing, and
        // must not reach storage (whose refusal of an over-long key would read as an outage).
        app.Use((http, next) =>
        {
            if (http.Request.RouteValues.Any(r => r.Key.EndsWith("id", StringComparison.OrdinalIgnoreCase) && r.Value is string s && s.Length > InputLimits.Id))
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: $"No record has an id longer than {InputLimits.Id} characters.").ExecuteAsync(http);
            return next(http);
        });
        app.UseSecurityHeaders(app.ApplicationServices.GetRequiredService<EntraOptions>());
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseFormProtection();
        app.UseEndpoints(routes =>
        {
            MapRoutes(routes, environment);
            mapped?.Invoke(routes);
        });
        return app;
    }

    /// <summary>Every route of the app. Add a route here (or in the Map method of its area) and both hosts serve it.</summary>
    public static void MapRoutes(IEndpointRouteBuilder app, IHostEnvironment environment)
    {
        app.MapFrontendAssets();
        app.MapStaffSignInPages();
        app.MapProviderSignInPages();
        app.MapPages(environment);
        app.MapHealthApi();
        app.MapApiDocument();
        app.MapFinanceApi();
        app.MapEmailApi(environment);
        app.MapCandidatesApi();
        app.MapAttentionApi();
        app.MapCandidateLinkPages();
        app.MapAcademiesApi();
        app.MapCohortsApi();
        app.MapProvidersApi();
        app.MapReportsApi();
        app.MapEmployersApi();
        app.MapVacanciesApi();
        app.MapInterestsApi();
        app.MapEmployerSignInPages();
        app.MapVacancyPages();
        app.MapEmployerKeyPages();
        app.MapEmployerPortalPages();
        app.MapInterestsPage();
        // In-work progression, named in full: the employers area's namespaces are imported by its own lines.
        Http.Employers.ProgressionApi.MapProgressionApi(app);
        app.MapProgressionReportApi();
        app.MapVacancyReportApi();
        Pages.Employers.ProgressionPages.MapProgressionPages(app);
        if (environment.IsDevelopment())
        {
            app.MapDevClockApi();
            app.MapDemoApi();
        }
    }
}
