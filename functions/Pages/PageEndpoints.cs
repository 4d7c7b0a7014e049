using Apprenticeships.Functions.Pages.Candidates;
using Apprenticeships.Functions.Pages.Dev;
using Apprenticeships.Functions.Pages.Employers;
using Apprenticeships.Functions.Pages.Finance;
using Apprenticeships.Functions.Pages.ProviderPortal;
using Apprenticeships.Functions.Pages.Programmes;
using Apprenticeships.Functions.Pages.Providers;
using Apprenticeships.Functions.Pages.Reports;

namespace Apprenticeships.Functions.Pages;

public static class PageEndpoints
{
    /// <summary>The staff pages and the provider portal; the development pages only in Development.</summary>
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder app, IHostEnvironment environment)
    {
        app.MapBoardPage();
        app.MapCandidateListPage();
        app.MapEnrolPage();
        app.MapCandidatePage();
        app.MapAcademyOutcomePage();
        app.MapJobPages();
        app.MapAdvisorDirectoryPages();
        app.MapProgrammePages();
        app.MapEmployerPages();
        app.MapProviderAdminPages();
        app.MapFinancePages();
        app.MapOutcomeReportPage();
        app.MapProviderPortalPages();
        if (environment.IsDevelopment()) app.MapDevPages();
        return app;
    }
}
