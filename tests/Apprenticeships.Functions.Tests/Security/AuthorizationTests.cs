using System.Net;
using System.Text.RegularExpressions;
using Apprenticeships.Functions.Security;
using Apprenticeships.Storage.Programmes;
using Apprenticeships.Application.Providers.Commands;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Security;

/// <summary>
/// Every route the app maps (read from its EndpointDataSource, so a new route cannot be missed),
/// every method, called by nobody and by each role, through the app's real sign-in: pages send
/// anonymous callers to sign-in (302), APIs answer 401, a wrong role gets 403, the right role gets
/// past the gate. Who may call what is stated here, independently of the app's own policies.
/// </summary>
public partial class AuthorizationTests(AuthorizationTests.App app) : IClassFixture<AuthorizationTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public WebApplicationFactory<Program> Factory { get; private set; } = null!;
        public string ProviderKey { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Factory = await AppFactory.CreateAsync(asAdmin: false);
            var registered = await Factory.Services.GetRequiredService<ProviderKeys>()
                .RegisterAsync(new RegisterProvider(Testing.LocalAzurite.UniqueName("authz"), "Gatekeeper Training"), default);
            ProviderKey = registered.Done.Key;
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    private enum Gate { Public, Candidates, Finance, Administration, AnyStaff, Provider }

    /// <summary>First match wins: (method or null for any, path prefix, gate).</summary>
    private static readonly (string? Method, string Prefix, Gate Gate)[] Rules =
    [
        (null, "/api/health", Gate.Public),
        (null, "/api/email/events", Gate.Public),
        (null, "/api/providers/learners", Gate.Public),
        (null, "/api/providers/confirmations", Gate.Public),
        (null, "/openapi/", Gate.Public),
        (null, "/l/", Gate.Public),
        (null, "/assets/", Gate.Public),
        (null, "/sign-in", Gate.Public),
        (null, "/sign-out", Gate.Public),
        (null, "/signed-out", Gate.Public),
        (null, "/signin-oidc", Gate.Public),
        (null, "/signout-callback-oidc", Gate.Public),
        (null, "/provider/sign-in", Gate.Public),
        (null, "/provider/sign-out", Gate.Public),
        (null, "/provider", Gate.Provider),
        (null, "/api/finance", Gate.Finance),
        (null, "/finance", Gate.Finance),
        ("POST", "/api/academies#", Gate.Administration),
        ("POST", "/api/cohorts#", Gate.Administration),
        (null, "/api/providers", Gate.Administration),
        (null, "/providers", Gate.Administration),
        (null, "/academies/new", Gate.Administration),
        (null, "/cohorts/new", Gate.Administration),
        (null, "/api/reports", Gate.AnyStaff),
        (null, "/reports", Gate.AnyStaff),
        (null, "/api/dev", Gate.AnyStaff),
        (null, "/dev", Gate.AnyStaff),
        (null, "/#", Gate.AnyStaff),
        (null, "/api/candidates/{id}/erase", Gate.Administration),
        (null, "/api/candidates", Gate.Candidates),
        (null, "/api/academies", Gate.Candidates),
        (null, "/api/cohorts", Gate.Candidates),
        (null, "/candidates", Gate.Candidates),
        (null, "/academies", Gate.Candidates),
        (null, "/cohorts", Gate.Candidates),
    ];

    private static bool Allows(Gate gate, string role) => gate switch
    {
        Gate.Candidates => role is StaffRoles.Advisor or StaffRoles.Admin,
        Gate.Finance => role is StaffRoles.Finance or StaffRoles.Admin,
        Gate.Administration => role is StaffRoles.Admin,
        Gate.AnyStaff => true,
        _ => false,
    };

    public static TheoryData<string> Callers => ["nobody", .. DemoUsers.All.Select(u => u.Id), "provider"];

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Every_route_lets_in_exactly_the_callers_it_should(string caller)
    {
        var user = DemoUsers.Find(caller);
        var pageBrowser = caller switch
        {
            "nobody" => SignIn.Browser(app.Factory),
            "provider" => await SignIn.AsProviderAsync(app.Factory, app.ProviderKey),
            _ => await SignIn.AsStaffAsync(app.Factory, caller),
        };
        var problems = new List<string>();
        var routes = Routes().ToList();
        Assert.NotEmpty(routes);
        foreach (var (method, template) in routes)
        {
            var path = Concrete(template);
            var gate = GateOf(method, template);
            if (gate is null) { problems.Add($"{method} {template}: no rule says who may call it"); continue; }
            var isApi = template.StartsWith("/api/", StringComparison.Ordinal);
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method != "GET") request.Content = isApi ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : new FormUrlEncodedContent([]);
            // APIs take scripts' credentials; the cookie would not do for a write (see CookieIsNotEnoughToWrite).
            var browser = isApi ? SignIn.Browser(app.Factory) : pageBrowser;
            if (isApi && user is not null) request.Headers.Add(DevUserHeader.Header, user.Id);
            using var response = await browser.SendAsync(request);
            var status = (int)response.StatusCode;
            var location = response.Headers.Location is not { } l ? "" : l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString;
            var signInPage = gate == Gate.Provider ? "/provider/sign-in" : "/sign-in";
            var sentToSignIn = status == 302 && location.StartsWith(signInPage, StringComparison.Ordinal);
            // The gate's 401 asks for a bearer token; a public endpoint's own 401 (a bad signature or key) does not.
            var gateSaidNo = status == 401 && response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer");

            string? expected;
            bool ok;
            if (gate == Gate.Public) { expected = "no sign-in gate"; ok = !gateSaidNo && status != 403 && !sentToSignIn; }
            else if (gate == Gate.Provider)
            {
                // Staff sign-in is not provider sign-in: only a provider gets in.
                expected = caller == "provider" ? "past the gate" : $"302 to {signInPage}";
                ok = caller == "provider" ? status is not (401 or 403) && !sentToSignIn : sentToSignIn;
            }
            else if (user is null)
            {
                expected = isApi ? "401" : $"302 to {signInPage}";
                ok = isApi ? gateSaidNo : sentToSignIn;
            }
            else if (!Allows(gate.Value, user.Role)) { expected = "403"; ok = status == 403; }
            else { expected = "past the gate"; ok = status is not (401 or 403) && !sentToSignIn; }

            // Staff pages that need nothing from the URL open outright for those allowed in.
            if (ok && expected == "past the gate" && method == "GET" && !isApi && !template.Contains('{') && gate != Gate.Public)
            {
                var home = template == "/" && user?.Role == StaffRoles.Finance;
                ok = home ? status == 302 && location == "/finance" : status == 200;
                expected = home ? "302 to /finance" : "200";
            }
            if (!ok) problems.Add($"{caller}: {method} {path} answered {status} {location}, expected {expected}");
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task Cookie_is_enough_to_read_an_api_but_not_to_write_one()
    {
        var browser = await SignIn.AsStaffAsync(app.Factory, "carys");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/candidates")).StatusCode);
        var write = await browser.PostAsync("/api/providers", new StringContent("""{"id":"cookie-only","name":"Should not exist"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        Assert.Null(await app.Factory.Services.GetRequiredService<ProviderStore>().GetAsync("cookie-only"));
    }

    [Fact]
    public async Task A_page_form_posted_without_its_anti_forgery_token_is_refused()
    {
        var browser = await SignIn.AsStaffAsync(app.Factory, "carys");
        var posted = await browser.PostAsync("/sign-out", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/candidates")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_sends_people_back_only_to_this_site()
    {
        var browser = SignIn.Browser(app.Factory);
        var posted = await SignIn.PostFormAsync(browser, "/sign-in", "/sign-in", new() { ["user"] = "amara", ["returnUrl"] = "//evil.example/x" });
        Assert.Equal("/", posted.Headers.Location?.OriginalString);
    }

    private IEnumerable<(string Method, string Template)> Routes() =>
        app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, "/" + e.RoutePattern.RawText!.Trim('/'))))
            .Distinct().OrderBy(r => r.Item2).ThenBy(r => r.m);

    private static Gate? GateOf(string method, string template)
    {
        foreach (var (m, prefix, gate) in Rules)
        {
            if (m is not null && m != method) continue;
            var matches = prefix.EndsWith('#') ? template == prefix[..^1] : template == prefix || template.StartsWith(prefix.TrimEnd('/') + "/", StringComparison.Ordinal) || (prefix.EndsWith('/') && template.StartsWith(prefix, StringComparison.Ordinal));
            if (matches) return gate;
        }
        return null;
    }

    private static string Concrete(string template) => Parameter().Replace(template, m => m.Groups[1].Value switch
    {
        "file" => "app.css",
        _ => "nobody",
    });

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z]+)[^}]*\}")]
    private static partial Regex Parameter();
}
