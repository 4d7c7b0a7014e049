using System.Net;
using Apprenticeships.Functions.Pages.SignIn;

namespace Apprenticeships.Functions.Tests.Security;

/// <summary>After signing in, staff go back only to a page of this site, whatever a crafted link says.</summary>
public class ReturnUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/candidates")]
    [InlineData("/candidates/c-0123456789?enrolled=1")]
    [InlineData("/finance/employers/worcs#chart")]
    public void A_path_on_this_site_is_kept(string returnUrl) => Assert.Equal(returnUrl, StaffSignInPages.LocalOrHome(returnUrl));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/\t/evil.example")]      // returnUrl=/%09/evil.example: browsers drop the tab and go to //evil.example
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\nSet-Cookie: x=y")]
    [InlineData("/ /evil.example")]
    [InlineData("/candidates\\..\\..\\evil")]
    [InlineData("/\u0000")]
    [InlineData("/caf\u00e9")]
    [InlineData("/\u3000/evil.example")]
    public void Anything_else_goes_home(string? returnUrl) => Assert.Equal("/", StaffSignInPages.LocalOrHome(returnUrl));

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/candidates\n")]
    public async Task Signing_in_with_a_crafted_return_url_lands_on_the_home_page(string returnUrl)
    {
        await using var app = await AppFactory.CreateAsync(asAdmin: false);
        var browser = SignIn.Browser(app);

        var posted = await SignIn.PostFormAsync(browser, "/sign-in", "/sign-in", new() { ["user"] = "amara", ["returnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/", posted.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_sign_in_page_with_a_crafted_return_url_posts_back_home()
    {
        await using var app = await AppFactory.CreateAsync(asAdmin: false);

        var page = await SignIn.Browser(app).GetStringAsync("/sign-in?returnUrl=/%09/evil.example");

        Assert.Contains("name=\"returnUrl\" value=\"/\"", page);
    }
}
