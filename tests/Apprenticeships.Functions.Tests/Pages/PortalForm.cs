using System.Net;
using System.Text.RegularExpressions;

namespace Apprenticeships.Functions.Tests.Pages;

/// <summary>A provider portal's short form as a browser sends it: opened, filled in, and sent with the page's anti-forgery token and the reference the portal made when it showed the form.</summary>
internal sealed partial class PortalForm
{
    private readonly HttpClient _portal;
    private readonly Dictionary<string, string> _fields;

    private PortalForm(HttpClient portal, string path, Dictionary<string, string> fields, string reference)
        => (_portal, Path, _fields, Reference) = (portal, path, fields, reference);

    public string Path { get; }

    /// <summary>The reference the portal made for this form (a hidden field).</summary>
    public string Reference { get; }

    /// <summary>Opens the form at <paramref name="path"/> (the learner's page for one kind of confirmation) and fills in <paramref name="fields"/>.</summary>
    public static async Task<PortalForm> OpenAsync(HttpClient portal, string path, Dictionary<string, string> fields)
    {
        var page = await portal.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var reference = ReferenceField().Match(html);
        Assert.True(reference.Success, $"no reference on {path}:\n{html}");
        var filled = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = Token().Match(html).Groups[1].Value,
            // A reference given in the fields stands for one the browser kept from an earlier showing of the form.
            ["reference"] = fields.TryGetValue("reference", out var kept) ? kept : WebUtility.HtmlDecode(reference.Groups[1].Value),
        };
        return new PortalForm(portal, path, filled, filled["reference"]);
    }

    /// <summary>Sends the form as it was filled in; again, it is the same form sent twice (a double click, a resend after a lost answer).</summary>
    public Task<HttpResponseMessage> SendAsync() => _portal.PostAsync(Path, new FormUrlEncodedContent(_fields));

    /// <summary>Sends the form as it was filled in to another address (as if the page had been altered).</summary>
    public Task<HttpResponseMessage> SendToAsync(string path) => _portal.PostAsync(path, new FormUrlEncodedContent(_fields));

    /// <summary>Sends the form and follows the portal's redirect to the page it lands on.</summary>
    public async Task<(HttpResponseMessage Response, string Landed)> SendAndFollowAsync()
    {
        var response = await SendAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{Path}: expected a redirect, got {(int)response.StatusCode}\n{await response.Content.ReadAsStringAsync()}");
        return (response, await _portal.GetStringAsync(response.Headers.Location));
    }

    /// <summary>Fields from several parts (date boxes and others) as one form.</summary>
    public static Dictionary<string, string> Fields(params Dictionary<string, string>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    /// <summary>The date boxes of a GOV.UK date input named <paramref name="name"/>.</summary>
    public static Dictionary<string, string> Date(string name, DateOnly date) => PageForms.DateBoxes(name, date);

    [GeneratedRegex("<input type=\"hidden\" name=\"reference\" value=\"([^\"]*)\">")]
    private static partial Regex ReferenceField();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
