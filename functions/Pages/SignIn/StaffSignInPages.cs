using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Apprenticeships.Functions.Pages.SignIn;

/// <summary>
/// Staff sign-in and sign-out. With Entra ID configured, /sign-in hands over to Microsoft's sign-in;
/// in Development it lists the demo users, one per role; otherwise it says sign-in is not set up.
/// </summary>
public static class StaffSignInPages
{
    public static IEndpointRouteBuilder MapStaffSignInPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/sign-in", (HttpContext http, string? returnUrl, EntraOptions entra, IHostEnvironment environment) =>
        {
            var target = LocalOrHome(returnUrl);
            if (entra.IsConfigured) return Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [StaffAuthentication.EntraScheme]);
            if (!environment.IsDevelopment()) return NotSetUp(http);
            return DemoUserPage(http, target, null);
        }).AllowAnonymous();

        app.MapPost("/sign-in", async (HttpContext http, [FromForm] string? user, [FromForm] string? returnUrl, IHostEnvironment environment) =>
        {
            if (!environment.IsDevelopment()) return Results.NotFound();
            var target = LocalOrHome(returnUrl);
            if (DemoUsers.Find(user) is not { } demo) return DemoUserPage(http, target, "Choose who to sign in as.");
            await http.SignInAsync(StaffAuthentication.CookieScheme, DemoUsers.Principal(demo, StaffAuthentication.CookieScheme));
            return Results.Redirect(target == "/" ? HomeOf(demo.Role) : target);
        }).AllowAnonymous();

        app.MapPost("/sign-out", async (HttpContext http, IFormCollection form, EntraOptions entra) =>
        {
            await http.SignOutAsync(StaffAuthentication.CookieScheme);
            if (entra.IsConfigured)
                return Results.SignOut(new AuthenticationProperties { RedirectUri = "/signed-out" }, [StaffAuthentication.EntraScheme]);
            return Results.Redirect("/signed-out");
        }).AllowAnonymous();

        app.MapGet("/signed-out", (HttpContext http) => PageLayout.Render(http, "You have signed out", Html.Of($"""
            <h1 class="govuk-heading-l">You have signed out</h1>
            <p class="govuk-body"><a class="govuk-link" href="/sign-in">Sign in again</a></p>
            """))).AllowAnonymous();

        // The OpenID Connect handler answers these itself before routing; they are mapped so the
        // Azure Functions host forwards them (it forwards only routes it has a function for).
        app.MapMethods("/signin-oidc", ["GET", "POST"], () => Results.NotFound()).AllowAnonymous().DisableAntiforgery();
        app.MapMethods("/signout-callback-oidc", ["GET", "POST"], () => Results.NotFound()).AllowAnonymous().DisableAntiforgery();
        return app;
    }

    /// <summary>Where a member of staff starts: the board for advisors and admins, the levy accounts for finance.</summary>
    public static string HomeOf(string role) => role == StaffRoles.Finance ? "/finance" : "/";

    /// <summary>Only a path on this site, so a crafted link cannot send someone elsewhere after signing in.</summary>
    public static string LocalOrHome(string? returnUrl) => IsLocalPath(returnUrl) ? returnUrl! : "/";

    /// <summary>
    /// One '/' and then a path, in printable ASCII without a backslash. Browsers read "//host" and
    /// "/\host" as another site, treat '\' as '/', and drop tabs and line breaks before parsing, so
    /// "/\t/evil.example" (returnUrl=/%09/evil.example) would be "//evil.example"; a path this app
    /// links to never needs any of them. Starting with '/' also rules out a scheme ("https:", "javascript:").
    /// </summary>
    public static bool IsLocalPath(string? url) =>
        url is { Length: > 0 and <= MaxReturnUrl } && url[0] == '/' && (url.Length == 1 || url[1] != '/')
        && url.All(c => c is > ' ' and < '\u007f' and not '\\');

    /// <summary>Longer than any page address here; a redirect header should not carry a novel.</summary>
    private const int MaxReturnUrl = 2000;

    private static IResult DemoUserPage(HttpContext http, string returnUrl, string? error)
    {
        var errors = error is null ? new Dictionary<string, string[]>() : new Dictionary<string, string[]> { ["user"] = [error] };
        var options = DemoUsers.All.Select(u => (u.Id, $"{u.Name} – {u.Role}: {u.Description}"));
        return PageLayout.Render(http, "Sign in", Html.Of($"""
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              {FormFields.ErrorSummary(errors)}
              <h1 class="govuk-heading-l">Sign in</h1>
              <div class="govuk-warning-text">
                <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
                <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> Development only: these demo users sign in without a password. In Azure, staff sign in with Microsoft Entra ID.</strong>
              </div>
              <form method="post" action="/sign-in" novalidate>
                {PageLayout.Antiforgery(http)}
                <input type="hidden" name="returnUrl" value="{returnUrl}">
                {FormFields.Radios("user", "Who are you?", options, null, errors)}
                {FormFields.Button("Sign in")}
              </form>
            </div></div>
            """), error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: error is not null);
    }

    private static IResult NotSetUp(HttpContext http) => PageLayout.Render(http, "Sign-in is not set up", Html.Of($"""
        <h1 class="govuk-heading-l">Sign-in is not set up</h1>
        <p class="govuk-body">Staff sign in with Microsoft Entra ID. The hub's administrator sets Entra__TenantId and Entra__ClientId to turn it on.</p>
        """), StatusCodes.Status503ServiceUnavailable);
}
