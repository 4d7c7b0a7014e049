using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Apprenticeships.Functions.Pages.SignIn;

/// <summary>The provider portal's sign-in with the API key the hub issued them.</summary>
public static class ProviderSignInPages
{
    public static IEndpointRouteBuilder MapProviderSignInPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/provider/sign-in", (HttpContext http) => Page(http, null)).AllowAnonymous();
        app.MapPost("/provider/sign-in", async (HttpContext http, [FromForm] string? apiKey, ProviderKeys keys, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(apiKey)) return Page(http, "Enter the API key the hub gave you.");
            if (await keys.VerifyAsync(apiKey.Trim(), ct) is not { } provider) return Page(http, "That key is not a current provider key. Check it, or ask the hub for a new one.");
            await http.SignInAsync(ProviderSignIn.Scheme, ProviderSignIn.Principal(provider));
            return Results.Redirect("/provider");
        }).AllowAnonymous();
        app.MapPost("/provider/sign-out", async (HttpContext http, IFormCollection form) =>
        {
            await http.SignOutAsync(ProviderSignIn.Scheme);
            return Results.Redirect("/provider/sign-in");
        }).AllowAnonymous();
        return app;
    }

    private static IResult Page(HttpContext http, string? error)
    {
        var errors = error is null ? new Dictionary<string, string[]>() : new Dictionary<string, string[]> { ["apiKey"] = [error] };
        return PageLayout.Render(http, "Training provider sign-in", Html.Of($"""
            <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
              {FormFields.ErrorSummary(errors)}
              <h1 class="govuk-heading-l">Training provider sign-in</h1>
              <p class="govuk-body">Confirm your learners' attendance, milestones and completions. Sign in with the API key the hub issued to your organisation.</p>
              <form method="post" action="/provider/sign-in" novalidate>
                {PageLayout.Antiforgery(http)}
                {FormFields.Text("apiKey", "API key", null, errors, hint: "It starts with your provider id, then a full stop.", type: "password", autocomplete: "off", width: "govuk-input--width-30", spellcheck: false)}
                {FormFields.Button("Sign in")}
              </form>
            </div></div>
            """), error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest, hasErrors: error is not null);
    }
}
