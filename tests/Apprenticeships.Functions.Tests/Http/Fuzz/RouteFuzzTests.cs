using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Apprenticeships.Functions.Tests.Http.Programmes;
using Apprenticeships.Functions.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Apprenticeships.Functions.Tests.Http.Fuzz;

/// <summary>
/// Every route the app maps gets malformed input (wrong types, huge strings, control characters,
/// dates at the ends of the calendar, numbers for enums, deep JSON, bad query and route values,
/// bad provider keys) from a fixed seed, as a signed-in hub administrator, and in the provider
/// portal as a signed-in provider. A 5xx is a bug: bad input is the caller's fault and must be
/// answered as such, naming the field, never as the server's.
/// </summary>
public partial class RouteFuzzTests(DemoHubFixture hub, ITestOutputHelper output) : IClassFixture<DemoHubFixture>
{
    private const int Seed = 18;
    private const int RequestsPerInputRoute = 40;
    private const int RequestsPerRoute = 12;

    /// <summary>
    /// Moving the clock and building a demo hub run the whole pipeline, seconds each: the clock's
    /// input parsing gets one malformed request each; the demo reads no input, so it is left out.
    /// </summary>
    private static readonly Dictionary<string, string?> SlowRoutes = new()
    {
        ["POST /api/dev/clock/advance"] = """{"by":123}""",
        ["POST /dev/clock"] = "days=1e400",
        ["POST /api/dev/demo"] = null,
    };

    [Fact]
    public async Task No_route_answers_malformed_input_with_a_server_error()
    {
        var today = DateOnly.FromDateTime(hub.App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        var staff = SignIn.Browser(hub.App);
        var provider = await SignIn.AsProviderAsync(hub.App, hub.KeyA);
        var requests = new FuzzRequests(hub, new MalformedValues(new Random(Seed)), today, await CommitmentAsync(staff, today), await EmployerAsync(staff));
        var routes = RouteCatalogue.Of(hub.App.Services);
        var tokens = new Dictionary<bool, string?>
        {
            [false] = await GatherFormsAsync(staff, routes.Where(r => !r.ForProviders), requests),
            [true] = await GatherFormsAsync(provider, routes.Where(r => r.ForProviders), requests),
        };
        Assert.NotNull(tokens[false]);
        Assert.NotNull(tokens[true]);

        var failures = new List<string>();
        var sent = 0;
        foreach (var route in routes)
        {
            var client = route.ForProviders ? provider : staff;
            if (SlowRoutes.TryGetValue(route.ToString(), out var single))
            {
                if (single is null) continue;
                using var one = new HttpRequestMessage(new HttpMethod(route.Method), route.Template)
                {
                    Content = route.ReadsForm
                        ? new FormUrlEncodedContent([.. FormValues(single), new("__RequestVerificationToken", tokens[route.ForProviders]!)])
                        : new StringContent(single, Encoding.UTF8, "application/json"),
                };
                sent++;
                await SendAsync(client, one, single, failures);
                continue;
            }
            var before = sent;
            var count = route.Body is not null || route.ReadsForm || route.Query.Count > 0 ? RequestsPerInputRoute : RequestsPerRoute;
            var random = Enumerable.Range(0, count).Select(_ => requests.Build(route, tokens[route.ForProviders]));
            foreach (var request in requests.Edges(route, tokens[route.ForProviders]).Concat(random))
            {
                using (request)
                {
                    var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync();
                    sent++;
                    await SendAsync(client, request, body, failures);
                }
            }
            output.WriteLine($"{route}: {sent - before} requests");
        }

        output.WriteLine($"{sent} malformed requests to {routes.Count} routes; {failures.Count} server errors.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} malformed requests got a server error:\n{string.Join("\n", failures)}");
    }

    private static async Task SendAsync(HttpClient client, HttpRequestMessage request, string body, List<string> failures)
    {
        var what = $"{request.Method} {Shorten(request.RequestUri!.OriginalString)} {Shorten(body)}";
        try
        {
            var response = await client.SendAsync(request);
            if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} {what}");
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException)
        {
            failures.Add($"{e.GetType().Name} {what}: {e.Message}");
        }
    }

    /// <summary>Opens every page once (real ids) to learn the field names its forms post and an anti-forgery token.</summary>
    private static async Task<string?> GatherFormsAsync(HttpClient client, IEnumerable<FuzzRoute> routes, FuzzRequests requests)
    {
        string? token = null;
        foreach (var route in routes.Where(r => r.Method == "GET" && !r.Template.StartsWith("/api/", StringComparison.Ordinal)))
        {
            var page = await (await client.GetAsync(requests.Plain(route))).Content.ReadAsStringAsync();
            foreach (Match field in FieldName().Matches(page)) requests.FormNames.Add(field.Groups[1].Value);
            foreach (Match form in Form().Matches(page))
            {
                var fields = requests.FormsByAction.TryGetValue(form.Groups[1].Value, out var known) ? known : requests.FormsByAction[form.Groups[1].Value] = [];
                foreach (Match field in FieldName().Matches(form.Groups[2].Value)) fields.Add(field.Groups[1].Value);
            }
            token ??= AntiforgeryToken().Match(page) is { Success: true } m ? m.Groups[1].Value : null;
        }
        return token;
    }

    /// <summary>A commitment of the demo employer, so the commitment routes reach a real one.</summary>
    private async Task<string> CommitmentAsync(HttpClient staff, DateOnly today)
    {
        var id = $"fuzz-{Guid.NewGuid():N}"[..20];
        var created = await staff.PostAsJsonAsync("/api/finance/commitments", new
        {
            commitmentId = id, employerId = hub.EmployerId, agreedPrice = 9000, fundingBandMaximum = 9000, startDate = $"{today:yyyy-MM-dd}",
            plannedEndDate = $"{today.AddMonths(13):yyyy-MM-dd}", apprenticeAgeAtStart = 19,
        });
        return created.IsSuccessStatusCode ? id : "nobody";
    }

    /// <summary>A second employer, so a transfer has somewhere to go and reaches its later checks.</summary>
    private static async Task<string> EmployerAsync(HttpClient staff)
    {
        var id = $"fuzz-{Guid.NewGuid():N}"[..20];
        var created = await staff.PostAsJsonAsync("/api/finance/employers", new { employerId = id, name = "Fuzz Receiver Ltd", isLevyPayer = false });
        return created.IsSuccessStatusCode ? id : "nobody";
    }

    private static IEnumerable<KeyValuePair<string, string>> FormValues(string form) =>
        form.Split('&').Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], p[1]));

    private static string Shorten(string text) => text.Length > 160 ? $"{text[..160]}... ({text.Length} chars)" : text;

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex("name=\"([A-Za-z_-]+)\"")]
    private static partial Regex FieldName();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
