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
/// past the gate. Who may call what is stated here, independently of the app's own policies; the
/// Entra ID tests (<see cref="EntraSignInTests"/>) hold the app's sign-in in Azure to the same rules.
/// </summary>
public partial class AuthorizationTests(AuthorizationTests.App app) : IClassFixture<AuthorizationTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public WebApplicationFactory<Program> Factory { get; private set; } = null!;
        public string ProviderKey { get; private set; } = "";
        public string EmployerKey { get; private set; } = "";

        public async Task InitializeAsync()
        {
            Factory = await AppFactory.CreateAsync(asAdmin: false);
            var registered = await Factory.Services.GetRequiredService<ProviderKeys>()
                .RegisterAsync(new RegisterProvider(Testing.LocalAzurite.UniqueName("authz"), "Gatekeeper Training"), default);
            ProviderKey = registered.Done.Key;
            EmployerKey = await SignIn.EmployerKeyAsync(Factory, "Gatekeeper Care");
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    internal enum Gate { Public, Candidates, Finance, Administration, AnyStaff, Provider, Employer }

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
        (null, "/employer/sign-in", Gate.Public),
        (null, "/employer/sign-out", Gate.Public),
        (null, "/employer", Gate.Employer),
        (null, "/api/employers/{id}/portal-key", Gate.Administration),
        (null, "/vacancies/employer-keys", Gate.Administration),
        (null, "/api/vacancies", Gate.Candidates),
        (null, "/vacancies", Gate.Candidates),
        (null, "/api/finance", Gate.Finance),
        (null, "/finance", Gate.Finance),
        ("POST", "/api/academies#", Gate.Administration),
        ("POST", "/api/cohorts#", Gate.Administration),
        (null, "/api/providers", Gate.Administration),
        (null, "/providers", Gate.Administration),
        (null, "/advisors", Gate.Administration),
        (null, "/academies/new", Gate.Administration),
        (null, "/cohorts/new", Gate.Administration),
        (null, "/academies/{id}/edit", Gate.Administration),
        (null, "/cohorts/{id}/edit", Gate.Administration),
        (null, "/api/employers/{employerId}/progression/participants/{participantId}/erase", Gate.Administration),
        (null, "/employers/{employerId}/progression/{participantId}/erase", Gate.Administration),
        (null, "/api/employers/{employerId}/progression", Gate.Candidates),
        (null, "/employers/{employerId}/progression", Gate.Candidates),
        ("POST", "/api/employers#", Gate.Administration),
        ("PUT", "/api/employers/{employerId}#", Gate.Administration),
        (null, "/api/employers/{employerId}/contacts", Gate.Administration),
        (null, "/employers/new", Gate.Administration),
        (null, "/employers/{employerId}/edit", Gate.Administration),
        (null, "/employers/{employerId}/contacts", Gate.Administration),
        (null, "/api/employers", Gate.Candidates),
        (null, "/employers", Gate.Candidates),
        (null, "/api/reports", Gate.AnyStaff),
        (null, "/reports", Gate.AnyStaff),
        (null, "/api/dev", Gate.AnyStaff),
        (null, "/dev", Gate.AnyStaff),
        (null, "/#", Gate.AnyStaff),
        (null, "/api/candidates/{id}/erase", Gate.Administration),
        (null, "/api/attention", Gate.Candidates),
        (null, "/attention", Gate.Candidates),
        (null, "/api/candidates", Gate.Candidates),
        (null, "/api/academies", Gate.Candidates),
        (null, "/api/cohorts", Gate.Candidates),
        (null, "/candidates", Gate.Candidates),
        (null, "/academies", Gate.Candidates),
        (null, "/cohorts", Gate.Candidates),
    ];

    /// <summary>Whether a signed-in member of staff with this role (null: none) may pass a staff gate.</summary>
    internal static bool Allows(Gate gate, string? role) => gate switch
    {
        Gate.Candidates => role is StaffRoles.Advisor or StaffRoles.Admin,
        Gate.Finance => role is StaffRoles.Finance or StaffRoles.Admin,
        Gate.Administration => role is StaffRoles.Admin,
        Gate.AnyStaff => role is StaffRoles.Advisor or StaffRoles.Finance or StaffRoles.Admin,
        _ => false,
    };

    /// <summary>Who calls: nobody, a training provider, or a member of staff with one role or none.</summary>
    internal sealed record Caller(string Name, bool IsStaff, string? Role = null, bool IsProvider = false, bool IsEmployer = false)
    {
        public static readonly Caller Nobody = new("nobody", IsStaff: false);
        public static readonly Caller Provider = new("provider", IsStaff: false, IsProvider: true);
        public static readonly Caller Employer = new("employer", IsStaff: false, IsEmployer: true);
        public static Caller Staff(string name, string? role) => new(name, IsStaff: true, role);
    }

    /// <summary>How an anonymous page request is sent to staff sign-in: its description, and whether a response for a path does.</summary>
    internal sealed record StaffSignIn(string Description, Func<HttpResponseMessage, string, bool> SentThere);

    private static readonly StaffSignIn DevelopmentSignIn = new("302 to /sign-in", (response, _) => RedirectsTo(response, "/sign-in"));

    public static TheoryData<string> Callers => ["nobody", .. DemoUsers.All.Select(u => u.Id), "provider", "employer"];

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Every_route_lets_in_exactly_the_callers_it_should(string caller)
    {
        var user = DemoUsers.Find(caller);
        var who = user is not null ? Caller.Staff(user.Id, user.Role) : caller switch { "provider" => Caller.Provider, "employer" => Caller.Employer, _ => Caller.Nobody };
        var pageBrowser = caller switch
        {
            "nobody" => SignIn.Browser(app.Factory),
            "provider" => await SignIn.AsProviderAsync(app.Factory, app.ProviderKey),
            "employer" => await SignIn.AsEmployerAsync(app.Factory, app.EmployerKey),
            _ => await SignIn.AsStaffAsync(app.Factory, caller),
        };
        var problems = new List<string>();
        var routes = Routes().ToList();
        Assert.NotEmpty(routes);
        foreach (var (method, template) in routes)
        {
            var gate = GateOf(method, template);
            if (gate is null) { problems.Add($"{method} {template}: no rule says who may call it"); continue; }
            using var request = Request(method, template);
            // APIs take scripts' credentials; the cookie would not do for a write (see CookieIsNotEnoughToWrite).
            var browser = IsApi(template) ? SignIn.Browser(app.Factory) : pageBrowser;
            if (IsApi(template) && user is not null) request.Headers.Add(DevUserHeader.Header, user.Id);
            using var response = await browser.SendAsync(request);
            if (Misjudged(gate.Value, method, template, who, response, DevelopmentSignIn) is { } problem) problems.Add($"{caller}: {method} {request.RequestUri} {problem}");
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

    /// <summary>
    /// Whether the app treated the caller's request as the gate of its route says: null when it did,
    /// else what it answered and what was expected. "Past the gate" is anything but 401, 403 or a
    /// redirect to sign-in; a staff page that needs nothing from its URL must open (200) for those allowed.
    /// </summary>
    internal static string? Misjudged(Gate gate, string method, string template, Caller caller, HttpResponseMessage response, StaffSignIn staffSignIn)
    {
        var status = (int)response.StatusCode;
        var isApi = IsApi(template);
        // The portals have sign-in pages of their own.
        var portalSignIn = gate switch { Gate.Provider => ProviderSignInPage, Gate.Employer => EmployerSignInPage, _ => null };
        var sentToSignIn = portalSignIn is not null ? RedirectsTo(response, portalSignIn) : staffSignIn.SentThere(response, Concrete(template));
        var signIn = portalSignIn is not null ? $"302 to {portalSignIn}" : staffSignIn.Description;
        // The gate's 401 asks for a bearer token; a public endpoint's own 401 (a bad signature or key) does not.
        var gateSaidNo = status == 401 && response.Headers.WwwAuthenticate.Any(h => h.Scheme == "Bearer");

        string expected;
        bool ok;
        if (gate == Gate.Public) { expected = "no sign-in gate"; ok = !gateSaidNo && status != 403 && !sentToSignIn; }
        else if (portalSignIn is not null)
        {
            // Staff sign-in is not a portal's sign-in: only a provider gets into the provider portal, only an employer into the employer portal.
            var isPortalUser = gate == Gate.Provider ? caller.IsProvider : caller.IsEmployer;
            expected = isPortalUser ? "past the gate" : signIn;
            ok = isPortalUser ? status is not (401 or 403) && !sentToSignIn : sentToSignIn;
        }
        else if (!caller.IsStaff)
        {
            expected = isApi ? "401" : signIn;
            ok = isApi ? gateSaidNo : sentToSignIn;
        }
        else if (!Allows(gate, caller.Role)) { expected = "403"; ok = status == 403; }
        else { expected = "past the gate"; ok = status is not (401 or 403) && !sentToSignIn; }

        // Staff pages that need nothing from the URL open outright for those allowed in.
        if (ok && expected == "past the gate" && method == "GET" && !isApi && !template.Contains('{') && gate != Gate.Public)
        {
            var home = template == "/" && caller.Role == StaffRoles.Finance;
            ok = home ? status == 302 && response.Headers.Location?.OriginalString == "/finance" : status == 200;
            expected = home ? "302 to /finance" : "200";
        }
        return ok ? null : $"answered {status} {response.Headers.Location}, expected {expected}";
    }

    private const string ProviderSignInPage = "/provider/sign-in";
    private const string EmployerSignInPage = "/employer/sign-in";

    internal static bool IsApi(string template) => template.StartsWith("/api/", StringComparison.Ordinal);

    /// <summary>A 302 to this path ("/...") on the app, whatever its host, or to this absolute address.</summary>
    internal static bool RedirectsTo(HttpResponseMessage response, string target)
    {
        if ((int)response.StatusCode != 302 || response.Headers.Location is not { } location) return false;
        // Not Uri.TryCreate(target, Absolute): on Linux it takes "/sign-in" for a file path, file:///sign-in.
        if (!target.StartsWith('/')) return location.IsAbsoluteUri && location.AbsoluteUri.StartsWith(target, StringComparison.Ordinal);
        return (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString).StartsWith(target, StringComparison.Ordinal);
    }

    /// <summary>A request for the route with its parameters filled in; a write carries an empty JSON body (APIs) or form (pages).</summary>
    internal static HttpRequestMessage Request(string method, string template)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), Concrete(template));
        if (method != "GET") request.Content = IsApi(template) ? new StringContent("{}", System.Text.Encoding.UTF8, "application/json") : new FormUrlEncodedContent([]);
        return request;
    }

    private IEnumerable<(string Method, string Template)> Routes() => Routes(app.Factory);

    /// <summary>Every route and method the app maps, read from its endpoints.</summary>
    internal static IEnumerable<(string Method, string Template)> Routes(WebApplicationFactory<Program> factory) =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, "/" + e.RoutePattern.RawText!.Trim('/'))))
            .Distinct().OrderBy(r => r.Item2).ThenBy(r => r.m);

    internal static Gate? GateOf(string method, string template)
    {
        foreach (var (m, prefix, gate) in Rules)
        {
            if (m is not null && m != method) continue;
            var matches = prefix.EndsWith('#') ? template == prefix[..^1] : template == prefix || template.StartsWith(prefix.TrimEnd('/') + "/", StringComparison.Ordinal) || (prefix.EndsWith('/') && template.StartsWith(prefix, StringComparison.Ordinal));
            if (matches) return gate;
        }
        return null;
    }

    internal static string Concrete(string template) => Parameter().Replace(template, m => m.Groups[1].Value switch
    {
        "file" => "app.css",
        _ => "nobody",
    });

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z]+)[^}]*\}")]
    private static partial Regex Parameter();
}
