using System.Text;
using System.Text.Json.Nodes;
using Apprenticeships.Functions.Tests.Http.Programmes;

namespace Apprenticeships.Functions.Tests.Http.Fuzz;

/// <summary>
/// Builds one malformed request for a route. Most fields stay plausible (real ids from the demo
/// hub, today's date) and one to three go bad, so a request gets past the first check and reaches
/// the deeper ones; some requests break the whole body, the route values or the provider key.
/// </summary>
public sealed class FuzzRequests(DemoHubFixture hub, MalformedValues bad, DateOnly today, string commitmentId, string receiverId)
{
    private static readonly string[] BadKeys = ["x", "a.b", "a/b.c", "%00.x", "nobody.x", "#.#", "\\.x", "..", new string('k', 5000) + ".x", "\u0001.x"];

    /// <summary>Field names the app's pages post, gathered from their forms.</summary>
    public HashSet<string> FormNames { get; } = new(StringComparer.Ordinal);

    /// <summary>The fields of each form, by the path it posts to.</summary>
    public Dictionary<string, HashSet<string>> FormsByAction { get; } = new(StringComparer.Ordinal);

    /// <summary>One request per field and extreme value, everything else plausible: every edge tried once.</summary>
    public IEnumerable<HttpRequestMessage> Edges(FuzzRoute route, string? token)
    {
        var path = Plain(route);
        var action = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Replace(
            System.Text.RegularExpressions.Regex.Escape(route.Template), @"\\\{[^}]*\}", "[^/]+") + "$");
        var formFields = route.FormFields.Concat(FormsByAction.Where(f => action.IsMatch(f.Key)).SelectMany(f => f.Value)).Where(n => !n.StartsWith("__", StringComparison.Ordinal)).Distinct().ToList();
        var targets = route.Query.Select(q => (Name: q, Type: typeof(string), In: "query"))
            .Concat(route.ReadsForm ? formFields.Select(f => (Name: f, Type: typeof(string), In: "form")) : [])
            .Concat(route.Body is { } body && !route.ReadsForm ? RouteCatalogue.Fields(body).Select(f => (f.Name, f.Type, In: "body")) : []);
        foreach (var (name, type, place) in targets)
        foreach (var edge in MalformedValues.Edges(name, type))
        {
            var text = edge is JsonValue v && v.TryGetValue<string>(out var s) ? s : edge?.ToJsonString() ?? "";
            var query = route.Query.Select(q => $"{q}={Escape(place == "query" && q == name ? text : Plausible(q))}").ToList();
            var request = new HttpRequestMessage(new HttpMethod(route.Method), path + (query.Count == 0 ? "" : "?" + string.Join('&', query)));
            request.Headers.TryAddWithoutValidation("X-Provider-Key", hub.KeyA);
            if (route.ReadsForm)
            {
                var fields = formFields.ToDictionary(f => f, f => place == "form" && f == name ? text : Plausible(f));
                if (token is not null) fields["__RequestVerificationToken"] = token;
                request.Content = new FormUrlEncodedContent(fields);
            }
            else if (route.Method is "POST" or "PUT" or "PATCH")
            {
                var json = PlausibleBody(route.Body);
                if (place == "body") json[name] = edge;
                request.Content = new StringContent(json.ToJsonString(), Encoding.UTF8, "application/json");
            }
            yield return request;
        }
    }

    private JsonObject PlausibleBody(Type? type)
    {
        var body = new JsonObject();
        foreach (var (name, fieldType) in type is null ? [] : RouteCatalogue.Fields(type)) body[name] = PlausibleJson(name, fieldType);
        return body;
    }

    public HttpRequestMessage Build(FuzzRoute route, string? antiforgeryToken)
    {
        var request = new HttpRequestMessage(new HttpMethod(route.Method), Path(route) + Query(route));
        request.Headers.TryAddWithoutValidation("X-Provider-Key", bad.Next(5) == 0 ? bad.Pick(BadKeys) : hub.KeyA);
        if (route.ReadsForm) request.Content = Form(route, antiforgeryToken);
        else if (route.Method is "POST" or "PUT" or "PATCH") request.Content = new StringContent(Body(route.Body), Encoding.UTF8, "application/json");
        return request;
    }

    /// <summary>The route with real values, the kind a page would link to.</summary>
    public string Plain(FuzzRoute route) => Fill(route.Template, name => RealValue(route.Template, name));

    private string Path(FuzzRoute route) => Fill(route.Template, name => bad.Next(4) == 0 ? Escape(PathText()) : RealValue(route.Template, name));

    // NUL in a path is refused by Kestrel itself (400) and by the test server with an exception, before the app sees it.
    private string PathText()
    {
        var text = bad.Text();
        return text.Contains('\0') ? "nul" : text;
    }

    private string Query(FuzzRoute route)
    {
        var parts = route.Query.Where(_ => bad.Next(5) != 0)
            .Select(q => $"{q}={Escape(bad.Next(2) == 0 ? bad.Text(q) : Plausible(q))}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private string Body(Type? type)
    {
        if (type is null || bad.Next(5) == 0) return bad.Next(2) == 0 ? bad.Body() : RandomObject().ToJsonString();
        var body = PlausibleBody(type);
        var fields = RouteCatalogue.Fields(type).ToList();
        for (var i = 1 + bad.Next(3); i > 0 && fields.Count > 0; i--)
        {
            var (name, fieldType) = bad.Pick(fields);
            body[name] = fieldType == typeof(List<string>) && bad.Next(2) == 0 ? new JsonArray(bad.For(name, fieldType)) : bad.For(name, fieldType);
        }
        return body.ToJsonString();
    }

    private JsonObject RandomObject()
    {
        var names = FormNames.Count > 0 ? FormNames.ToList() : ["id", "name"];
        var body = new JsonObject();
        for (var i = bad.Next(5); i >= 0; i--) body[bad.Pick(names)] = bad.Value();
        return body;
    }

    private FormUrlEncodedContent Form(FuzzRoute route, string? token)
    {
        var names = route.FormFields.Concat(FormNames).Where(n => !n.StartsWith("__", StringComparison.Ordinal)).Distinct().ToList();
        var fields = names.Where(_ => bad.Next(3) != 0).ToDictionary(n => n, Plausible);
        for (var i = 1 + bad.Next(3); i > 0 && names.Count > 0; i--)
        {
            // The fields the endpoint itself declares are the likeliest to matter; aim at them half the time.
            var name = route.FormFields.Count > 0 && bad.Next(2) == 0 ? bad.Pick(route.FormFields) : bad.Pick(names);
            fields[name] = bad.For(name, typeof(string)) is JsonValue v && v.TryGetValue<string>(out var text) ? text : bad.String();
        }
        if (token is not null) fields["__RequestVerificationToken"] = token;
        return new FormUrlEncodedContent(fields);
    }

    private string RealValue(string template, string name) => name switch
    {
        "file" => "app.css",
        "token" => "eyJ4IjoxfQ.c2lnbmF0dXJl",
        _ when template.Contains("candidates", StringComparison.Ordinal) => hub.Candidate(bad.Pick(["silent", "academy", "job", "cohort"])),
        _ when template.Contains("academies", StringComparison.Ordinal) => hub.AcademyId,
        _ when template.Contains("cohorts", StringComparison.Ordinal) => hub.CohortId,
        _ when template.Contains("employers", StringComparison.Ordinal) => hub.EmployerId,
        _ when template.Contains("commitments", StringComparison.Ordinal) => commitmentId,
        _ when template.Contains("providers", StringComparison.Ordinal) => hub.KeyA.Split('.')[0],
        _ => "nobody",
    };

    private JsonNode? PlausibleJson(string name, Type type) => type switch
    {
        _ when type == typeof(bool) => true,
        _ when type == typeof(int) => name == "week" ? 13 : 12,
        _ when type == typeof(decimal) => name == "fraction" ? 1 : 5000,
        _ when type.IsEnum => Enum.GetNames(type)[0],
        _ when type == typeof(List<string>) => new JsonArray($"{today.AddDays(3):yyyy-MM-dd}"),
        _ when type == typeof(DateOnly) => $"{today.AddYears(-20):yyyy-MM-dd}",
        _ => Plausible(name),
    };

    private string Plausible(string name) => name.ToLowerInvariant() switch
    {
        "email" => "fuzz@example.org",
        "postcode" => "WR1 2AB",
        "candidateid" => hub.Candidate(bad.Pick(["academy", "job", "cohort"])),
        "providerid" => hub.KeyA.Split('.')[0],
        "employerid" or "senderid" => hub.EmployerId,
        "receiverid" => receiverId,
        "user" => "carys",
        "payrollyear" => "26-27",
        "asof" => $"{today:yyyy-MM}",
        "months" => "12",
        "stage" => "InSwap",
        "returnurl" => "/candidates",
        "by" => "P1D",
        "days" => "1",
        var n when n.Contains("date", StringComparison.Ordinal) || n is "from" or "to" or "startdate" => $"{today:yyyy-MM-dd}",
        var n when n.EndsWith("id", StringComparison.Ordinal) || n == "reference" => $"fuzz-{bad.Next(1000)}",
        _ => "Fuzz",
    };

    private static string Fill(string template, Func<string, string> value) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{\*{0,2}([A-Za-z]+)[^}]*\}", m => value(m.Groups[1].Value));

    // A lone surrogate cannot be escaped as UTF-8; send the bytes a broken client would.
    private static string Escape(string text)
    {
        try { return Uri.EscapeDataString(text); }
        catch (UriFormatException) { return "%ED%A0%80"; }
    }
}
