using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Security;

/// <summary>Signs a test browser in through the app's own sign-in pages, anti-forgery token and all.</summary>
internal static partial class SignIn
{
    public static HttpClient Browser(WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> AsStaffAsync(WebApplicationFactory<Program> app, string demoUser)
    {
        var browser = Browser(app);
        var posted = await PostFormAsync(browser, "/sign-in", "/sign-in", new() { ["user"] = demoUser, ["returnUrl"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return browser;
    }

    public static async Task<HttpClient> AsProviderAsync(WebApplicationFactory<Program> app, string apiKey)
    {
        var browser = Browser(app);
        var posted = await PostFormAsync(browser, "/provider/sign-in", "/provider/sign-in", new() { ["apiKey"] = apiKey });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return browser;
    }

    public static async Task<HttpClient> AsEmployerAsync(WebApplicationFactory<Program> app, string portalKey)
    {
        var browser = Browser(app);
        var posted = await PostFormAsync(browser, "/employer/sign-in", "/employer/sign-in", new() { ["portalKey"] = portalKey });
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        return browser;
    }

    /// <summary>A new employer (with one site) and its employer portal key.</summary>
    public static async Task<string> EmployerKeyAsync(WebApplicationFactory<Program> app, string name, string sector = "Adult social care")
    {
        var id = Apprenticeships.Testing.LocalAzurite.UniqueName("emp");
        var employer = new Apprenticeships.Domain.Employers.Employer(id, name, sector, IsLevyPayer: false, IsSme: true)
        {
            Sites = [new Apprenticeships.Domain.Employers.EmployerSite("main", "Main site", "TS18 1AB")],
        };
        await app.Services.GetRequiredService<Apprenticeships.Storage.Employers.EmployerStore>().AddAsync(id, employer);
        return (await app.Services.GetRequiredService<Apprenticeships.Application.Employers.Commands.EmployerPortalKeys>().IssueAsync(id, default)).Done.Key;
    }

    /// <summary>Opens the page with the form, then posts it with the page's anti-forgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(formPage);
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value;
        return await browser.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
