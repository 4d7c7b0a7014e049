using Microsoft.AspNetCore.Antiforgery;

namespace Apprenticeships.Functions.Pages;

/// <summary>
/// The page template every staff and provider page shares: the GOV.UK Frontend layout with the
/// hub's name instead of the crown, a skip link to the main content, navigation for the signed-in
/// person's roles, and a sign-out button.
/// </summary>
public static class PageLayout
{
    private sealed record NavItem(string Href, string Text, Func<HttpContext, bool> Shows);

    private static readonly NavItem[] Navigation =
    [
        new("/", "Board", Can(StaffRoles.Advisor)),
        new("/candidates", "Candidates", Can(StaffRoles.Advisor)),
        new("/academies", "Academies", Can(StaffRoles.Advisor)),
        new("/cohorts", "Cohorts", Can(StaffRoles.Advisor)),
        new("/employers", "Employers", Can(StaffRoles.Advisor)),
        new("/vacancies", "Vacancies", Can(StaffRoles.Advisor)),
        new("/providers", "Providers", Can(StaffRoles.Admin)),
        new("/advisors", "Advisors", Can(StaffRoles.Admin)),
        new("/finance", "Finance", Can(StaffRoles.Finance)),
        new("/reports/outcomes", "Outcomes", Can(StaffRoles.Advisor, StaffRoles.Finance)),
        new("/dev/outbox", "Outbox", h => IsDevelopment(h) && IsStaff(h)),
        new("/dev/clock", "Clock", h => IsDevelopment(h) && IsStaff(h)),
        new("/provider", "Your learners", h => h.Request.Path.StartsWithSegments("/provider") && h.User.HasClaim(c => c.Type == ProviderSignIn.ProviderIdClaim)),
        new("/employer", "Your vacancies", h => h.Request.Path.StartsWithSegments("/employer") && h.User.HasClaim(c => c.Type == EmployerSignIn.EmployerIdClaim)),
    ];

    /// <summary>A whole page; <paramref name="title"/> goes first in the browser's title, as GOV.UK pages do.</summary>
    public static IResult Render(HttpContext http, string title, Html main, int statusCode = StatusCodes.Status200OK, bool hasErrors = false)
    {
        var hub = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Apprenticeships.Application.Settings.HubOptions>>().Value.Name;
        var path = http.Request.Path.Value ?? "/";
        var items = Navigation.Where(n => n.Shows(http)).Select(n =>
        {
            var current = n.Href == "/" ? path == "/" : path.StartsWith(n.Href, StringComparison.Ordinal);
            return current
                ? Html.Of($"<li class=\"govuk-service-navigation__item govuk-service-navigation__item--active\"><a class=\"govuk-service-navigation__link\" href=\"{n.Href}\" aria-current=\"page\"><strong class=\"govuk-service-navigation__active-fallback\">{n.Text}</strong></a></li>")
                : Html.Of($"<li class=\"govuk-service-navigation__item\"><a class=\"govuk-service-navigation__link\" href=\"{n.Href}\">{n.Text}</a></li>");
        }).ToList();
        var nav = items.Count == 0 ? Html.Empty : Html.Of($"""
            <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
              <button type="button" class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="navigation" hidden>Menu</button>
              <ul class="govuk-service-navigation__list" id="navigation">{items}</ul>
            </nav>
            """);
        var page = Html.Of($"""
            <!DOCTYPE html>
            <html lang="en-GB" class="govuk-template">
            <head>
              <meta charset="utf-8">
              <title>{(hasErrors ? "Error: " : "")}{title} – Apprenticeships – {hub}</title>
              <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
              <link rel="icon" href="data:,">
              <link rel="stylesheet" href="/assets/govuk-frontend.min.css">
              <link rel="stylesheet" href="/assets/app.css">
            </head>
            <body class="govuk-template__body">
              <script type="module" src="/assets/init.js"></script>
              <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
              <header class="app-header" role="banner">
                <section class="govuk-service-navigation" aria-label="Service information" data-module="govuk-service-navigation">
                  <div class="govuk-width-container">
                    <div class="govuk-service-navigation__container">
                      <span class="govuk-service-navigation__service-name">
                        <a href="/" class="govuk-service-navigation__link">Apprenticeships – {hub}</a>
                      </span>
                      {nav}
                    </div>
                  </div>
                </section>
                {SignedInBar(http)}
              </header>
              <div class="govuk-width-container">
                <main class="govuk-main-wrapper" id="main-content" role="main" tabindex="-1">
                  {main}
                </main>
              </div>
              <footer class="govuk-footer" role="contentinfo">
                <div class="govuk-width-container">
                  <p class="govuk-body-s">Apprenticeships – open-source software for Employment and Training hubs.</p>
                </div>
              </footer>
            </body>
            </html>
            """);
        return Results.Content(page.Value, "text/html; charset=utf-8", statusCode: statusCode);
    }

    /// <summary>A hidden anti-forgery field for a form that posts back to this app.</summary>
    public static Html Antiforgery(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return Html.Of($"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">");
    }

    private static Html SignedInBar(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true) return Html.Empty;
        var isProvider = http.User.HasClaim(c => c.Type == ProviderSignIn.ProviderIdClaim);
        var isEmployer = http.User.HasClaim(c => c.Type == EmployerSignIn.EmployerIdClaim);
        var action = isProvider ? "/provider/sign-out" : isEmployer ? "/employer/sign-out" : "/sign-out";
        var who = isProvider
            ? http.User.FindFirst(ProviderSignIn.ProviderNameClaim)?.Value
            : isEmployer ? http.User.FindFirst(EmployerSignIn.EmployerNameClaim)?.Value
            : $"{http.User.Identity.Name} ({string.Join(", ", StaffRoles.All.Where(http.User.IsInRole))})";
        // In the header (the banner landmark), so that no content is outside a landmark.
        return Html.Of($"""
            <div class="govuk-width-container">
              <div class="app-signed-in">
                <p class="govuk-body-s app-signed-in__who">Signed in as {who}</p>
                <form method="post" action="{action}" class="app-signed-in__form">
                  {Antiforgery(http)}
                  <button type="submit" class="govuk-button govuk-button--secondary app-signed-in__button" data-module="govuk-button">Sign out</button>
                </form>
              </div>
            </div>
            """);
    }

    private static Func<HttpContext, bool> Can(params string[] roles) =>
        h => h.User.IsInRole(StaffRoles.Admin) || roles.Any(h.User.IsInRole);

    private static bool IsStaff(HttpContext http) => StaffRoles.All.Any(http.User.IsInRole);

    private static bool IsDevelopment(HttpContext http) => http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
}
