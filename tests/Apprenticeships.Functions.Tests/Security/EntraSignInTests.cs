using System.Net;
using System.Net.Http.Headers;
using Apprenticeships.Functions.Security;
using Apprenticeships.Storage.Programmes;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Apprenticeships.Functions.Tests.Security.AuthorizationTests;

namespace Apprenticeships.Functions.Tests.Security;

/// <summary>
/// Staff sign-in as the app does it in Azure, end to end: the app in Production with Entra
/// configured to a token issuer the tests run (<see cref="TestTokenIssuer"/>), whose metadata
/// and signing key the app fetches itself. APIs take access tokens, pages sign in with OpenID
/// Connect (the ID token posted back, as without a client secret), and every route lets in the
/// roles in <see cref="AuthorizationTests"/>' rules and no others.
/// </summary>
public class EntraSignInTests(EntraSignInTests.App app) : IClassFixture<EntraSignInTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public TestTokenIssuer Issuer { get; private set; } = null!;
        public WebApplicationFactory<Program> Factory { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Issuer = await TestTokenIssuer.StartAsync();
            Factory = await AppFactory.CreateAsync("Production", b =>
            {
                b.UseSetting("Entra:Instance", Issuer.Instance);
                b.UseSetting("Entra:TenantId", Issuer.TenantId);
                b.UseSetting("Entra:ClientId", Issuer.ClientId);
            }, asAdmin: false);
        }

        public async Task DisposeAsync()
        {
            await Factory.DisposeAsync();
            await Issuer.DisposeAsync();
        }
    }

    private const string NoRole = "no role";
    private const string NoToken = "nobody";

    /// <summary>Each role, a member of staff with no role, and nobody signed in.</summary>
    public static TheoryData<string> Callers => [StaffRoles.Advisor, StaffRoles.Finance, StaffRoles.Admin, NoRole, NoToken];

    private static Caller CallerFor(string who) => who switch
    {
        NoToken => Caller.Nobody,
        NoRole => Caller.Staff(who, null),
        _ => Caller.Staff(who, who),
    };

    private static string[] RolesOf(string who) => who is NoRole or NoToken ? [] : [who];

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Every_api_route_lets_in_exactly_the_access_tokens_it_should(string who)
    {
        var caller = CallerFor(who);
        var api = Client();
        var routes = AuthorizationTests.Routes(app.Factory).Where(r => IsApi(r.Template)).ToList();
        Assert.NotEmpty(routes);
        var problems = new List<string>();
        foreach (var (method, template) in routes)
        {
            var gate = GateOf(method, template);
            if (gate is null) { problems.Add($"{method} {template}: no rule says who may call it"); continue; }
            using var request = Request(method, template);
            if (caller.IsStaff) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.Issuer.AccessToken(RolesOf(who)));
            using var response = await api.SendAsync(request);
            if (Misjudged(gate.Value, method, template, caller, response, EntraSignIn) is { } problem) problems.Add($"{who}: {method} {request.RequestUri} {problem}");
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Every_page_lets_in_exactly_the_staff_signed_in_with_entra_it_should(string who)
    {
        var caller = CallerFor(who);
        var browser = caller.IsStaff ? (await SignInAsync("/", RolesOf(who))).Browser : Browser();
        var routes = AuthorizationTests.Routes(app.Factory).Where(r => !IsApi(r.Template)).ToList();
        Assert.NotEmpty(routes);
        var problems = new List<string>();
        foreach (var (method, template) in routes)
        {
            var gate = GateOf(method, template);
            if (gate is null) { problems.Add($"{method} {template}: no rule says who may call it"); continue; }
            using var request = Request(method, template);
            using var response = await browser.SendAsync(request);
            if (Misjudged(gate.Value, method, template, caller, response, EntraSignIn) is { } problem) problems.Add($"{who}: {method} {request.RequestUri} {problem}");
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData(StaffRoles.Advisor, "/candidates")]
    [InlineData(StaffRoles.Finance, "/candidates")]
    [InlineData(StaffRoles.Finance, "/finance")]
    [InlineData(StaffRoles.Advisor, "/finance")]
    [InlineData(StaffRoles.Admin, "/providers")]
    [InlineData(StaffRoles.Advisor, "/providers")]
    [InlineData(StaffRoles.Finance, "/reports/outcomes")]
    public async Task A_page_sends_staff_to_entra_and_after_sign_in_opens_for_their_role_only(string role, string page)
    {
        var (browser, returnedTo) = await SignInAsync(page, [role]);
        Assert.Equal(page, returnedTo);

        var opened = await browser.GetAsync(page);
        var allowed = Allows(GateOf("GET", page)!.Value, role);
        Assert.Equal(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, opened.StatusCode);
        // The page names who signed in, from the ID token's name and roles claims.
        if (allowed) Assert.Contains($"Test {role.ToLowerInvariant()} ({role})", await opened.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signing_out_ends_the_apps_session_and_goes_on_to_the_issuers_sign_out()
    {
        var (browser, _) = await SignInAsync("/candidates", [StaffRoles.Advisor]);
        var signedOut = await SignIn.PostFormAsync(browser, "/candidates", "/sign-out", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(app.Issuer.EndSessionEndpoint, signedOut.Headers.Location!.GetLeftPart(UriPartial.Path));
        Assert.Equal("https://localhost/signout-callback-oidc", QueryHelpers.ParseQuery(signedOut.Headers.Location.Query)["post_logout_redirect_uri"]);
        var again = await browser.GetAsync("/candidates");
        Assert.True(EntraSignIn.SentThere(again, "/candidates"), $"expected another trip to sign-in, got {(int)again.StatusCode} {again.Headers.Location}");
    }

    [Theory]
    [InlineData(TokenFlaw.SignedByAnotherKey)]
    [InlineData(TokenFlaw.Expired)]
    [InlineData(TokenFlaw.WrongAudience)]
    [InlineData(TokenFlaw.WrongIssuer)]
    public async Task A_flawed_access_token_gets_401_and_changes_nothing(TokenFlaw flaw)
    {
        var token = app.Issuer.AccessToken([StaffRoles.Admin], flaw);
        var read = await SendAsync(HttpMethod.Get, "/api/candidates", token);
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Contains(read.Headers.WwwAuthenticate, h => h.Scheme == "Bearer" && h.Parameter?.Contains("error=\"invalid_token\"") == true);

        var id = Testing.LocalAzurite.UniqueName("forged");
        var write = await SendAsync(HttpMethod.Post, "/api/providers", token, $$"""{"id":"{{id}}","name":"Should not exist"}""");
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        Assert.Null(await app.Factory.Services.GetRequiredService<ProviderStore>().GetAsync(id));
    }

    [Fact]
    public async Task No_access_token_gets_401()
    {
        var read = await SendAsync(HttpMethod.Get, "/api/candidates", token: null);
        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Contains(read.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Access_tokens_for_the_client_id_or_its_api_uri_are_taken_and_act_as_their_holder()
    {
        foreach (var audience in new[] { app.Issuer.ClientId, $"api://{app.Issuer.ClientId}" })
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/api/candidates", app.Issuer.AccessToken([StaffRoles.Advisor], audience: audience))).StatusCode);
        }
        // A sound token is as good for a write as for a read.
        var id = Testing.LocalAzurite.UniqueName("entra");
        var registered = await SendAsync(HttpMethod.Post, "/api/providers", app.Issuer.AccessToken([StaffRoles.Admin]), $$"""{"id":"{{id}}","name":"Entra Training"}""");
        Assert.True(registered.IsSuccessStatusCode, $"{(int)registered.StatusCode}: {await registered.Content.ReadAsStringAsync()}");
        Assert.NotNull(await app.Factory.Services.GetRequiredService<ProviderStore>().GetAsync(id));
    }

    [Theory]
    [InlineData(TokenFlaw.SignedByAnotherKey)]
    [InlineData(TokenFlaw.Expired)]
    [InlineData(TokenFlaw.WrongAudience)]
    [InlineData(TokenFlaw.WrongIssuer)]
    [InlineData(TokenFlaw.None)] // with another nonce than the app asked for
    public async Task A_flawed_id_token_signs_nobody_in(TokenFlaw flaw)
    {
        var browser = Browser();
        var challenge = await browser.GetAsync("/candidates");
        var query = AuthorizationRequest(challenge);
        var nonce = flaw == TokenFlaw.None ? "a-nonce-the-app-never-issued" : query["nonce"].ToString();
        using var callback = await browser.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id_token"] = app.Issuer.IdToken(nonce, [StaffRoles.Admin], flaw),
            ["state"] = query["state"].ToString(),
        }));
        Assert.DoesNotContain(callback.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(".Apprenticeships.Staff", StringComparison.Ordinal));
        var again = await browser.GetAsync("/candidates");
        Assert.True(EntraSignIn.SentThere(again, "/candidates"), $"expected another trip to sign-in, got {(int)again.StatusCode} {again.Headers.Location}");
    }

    /// <summary>
    /// A page request sent to sign-in by the gate: a redirect to the issuer's authorisation endpoint
    /// whose state brings the browser back to that page (as opposed to /sign-in itself, which
    /// hands over to the issuer on purpose and comes back to the start page).
    /// </summary>
    private StaffSignIn EntraSignIn => new($"302 to {app.Issuer.AuthorizationEndpoint}", (response, path) =>
        RedirectsTo(response, app.Issuer.AuthorizationEndpoint + "?")
        && OpenIdConnectOptions().StateDataFormat.Unprotect(QueryHelpers.ParseQuery(response.Headers.Location!.Query)["state"]) is { } state
        && state.RedirectUri == path);

    private OpenIdConnectOptions OpenIdConnectOptions() =>
        app.Factory.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(StaffAuthentication.EntraScheme);

    /// <summary>
    /// Signs a browser in the way a member of staff does: opens a page, is sent to the issuer's
    /// authorisation endpoint, and (playing Entra's sign-in page) posts an ID token for a user with
    /// these roles, with the request's nonce and state, back to the app. Returns the browser and where
    /// the app sent it after sign-in.
    /// </summary>
    private async Task<(HttpClient Browser, string ReturnedTo)> SignInAsync(string page, string[] roles)
    {
        var browser = Browser();
        var challenge = await browser.GetAsync(page);
        var query = AuthorizationRequest(challenge);
        Assert.Equal(app.Issuer.ClientId, query["client_id"]);
        Assert.Equal("https://localhost/signin-oidc", query["redirect_uri"]);
        Assert.Equal("id_token", query["response_type"]);
        Assert.Equal("form_post", query["response_mode"]);
        Assert.Contains("openid", query["scope"].ToString().Split(' '));
        Assert.False(string.IsNullOrEmpty(query["nonce"]), "no nonce");
        Assert.False(string.IsNullOrEmpty(query["state"]), "no state");

        var callback = await browser.PostAsync("/signin-oidc", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id_token"] = app.Issuer.IdToken(query["nonce"]!, roles, user: roles.FirstOrDefault()?.ToLowerInvariant() ?? "nobody-in-particular"),
            ["state"] = query["state"]!,
        }));
        Assert.True(callback.StatusCode == HttpStatusCode.Redirect, $"sign-in callback answered {(int)callback.StatusCode}: {await callback.Content.ReadAsStringAsync()}");
        return (browser, callback.Headers.Location!.OriginalString);
    }

    /// <summary>The query of the app's redirect to the issuer's authorisation endpoint.</summary>
    private Dictionary<string, Microsoft.Extensions.Primitives.StringValues> AuthorizationRequest(HttpResponseMessage challenge)
    {
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!;
        Assert.Equal(app.Issuer.AuthorizationEndpoint, location.GetLeftPart(UriPartial.Path));
        return QueryHelpers.ParseQuery(location.Query);
    }

    /// <summary>A browser on the app's HTTPS address (sign-in's correlation and nonce cookies are HTTPS only), keeping cookies.</summary>
    private HttpClient Browser() => app.Factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    /// <summary>A script's client: no cookies.</summary>
    private HttpClient Client() => app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (json is not null) request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        return await Client().SendAsync(request);
    }
}
