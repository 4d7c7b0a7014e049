using Apprenticeships.Functions.Pages;
using Microsoft.AspNetCore.Antiforgery;

namespace Apprenticeships.Functions.Security;

public static class FormProtection
{
    /// <summary>
    /// Anti-forgery for every page form (each posts its token; endpoints that read a form require it).
    /// A post without a valid token gets a 400 page asking to try again, instead of the framework's
    /// exception, and nothing runs.
    /// </summary>
    public static IApplicationBuilder UseFormProtection(this IApplicationBuilder app)
    {
        app.UseAntiforgery();
        return app.Use(async (http, next) =>
        {
            if (http.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                await PageLayout.Render(http, "This form has expired", Html.Of($"""
                    <h1 class="govuk-heading-l">This form has expired</h1>
                    <p class="govuk-body">For your security the form could not be sent. Go back, reload the page and try again.</p>
                    """), StatusCodes.Status400BadRequest).ExecuteAsync(http);
                return;
            }
            await next(http);
        });
    }
}
