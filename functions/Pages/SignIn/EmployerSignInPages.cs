using Apprenticeships.Application.Employers.Commands;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Apprenticeships.Functions.Pages.SignIn;

/// <summary>The employer portal's sign-in with the key a hub administrator issued the employer.</summary>
public static class EmployerSignInPages
{
    public static IEndpointRouteBuilder MapEmployerSignInPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/employer/sign-in", (HttpContext http) => Page(http, null)).AllowAnonymous();
        app.MapPost("/employer/sign-in", async (HttpContext http, [FromForm] string? portalKey, EmployerPortalKeys keys, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(portalKey)) return Page(http, "Enter the key the hub gave you.");
            if (await keys.VerifyAsync(portalKey.Trim(), ct) is not { } found) return Page(http, "That key is not a current employer key. Check it, or ask the hub for a new one.");
            await http.SignInAsync(EmployerSignIn.Scheme, EmployerSignIn.Principal(found.Employer, found.Account));
            return Results.Redirect("/employer");
        }).AllowAnonymous();
        app.MapPost("/employer/sign-out", async (HttpContext http, IFormCollection form) =>
        {
            await http.SignOutAsync(EmployerSignIn.Scheme);
            return Results.Redirect("/employer/sign-in");
        }).AllowAnonymous();
        return app;
    }

    private static IResult Page(HttpContext http, string? error)
    {
        var errors = error is null ? new Dictionary<string, string[]>() : new Dictionary<string, string[]> { ["portalKey"] = [error] };
        return PageLayout.Render(http, "Employer sign-in", Html.Of($"""
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              {FormFields.ErrorSummary(errors)}
              <h1 class="govuk-heading-l">Employer sign-in</h1>
              <p class="govuk-body">Post your vacancies and tell the hub what you decide about the people it puts forward. Sign in with the key the hub issued to your organisation.</p>
              <form method="post" action="/employer/sign-in" novalidate>
                {PageLayout.Antiforgery(http)}
                {FormFields.Text("portalKey", "Employer key", null, errors, hint: "It starts with your employer id, then a full stop.", type: "password", autocomplete: "off", width: "govuk-input--width-30", spellcheck: false)}
                {FormFields.Button("Sign in")}
              </form>
            </div></div>
            """), error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: error is not null);
    }
}
