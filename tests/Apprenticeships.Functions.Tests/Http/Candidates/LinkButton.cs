using System.Text.RegularExpressions;

namespace Apprenticeships.Functions.Tests.Http.Candidates;

/// <summary>A candidate's browser on a link page: it opens the page, then presses the button, whose form posts back with its anti-forgery token.</summary>
internal static partial class LinkButton
{
    /// <summary>Opens <paramref name="link"/> (a path) and presses its button.</summary>
    public static async Task<HttpResponseMessage> PressAsync(this HttpClient http, string link) =>
        await http.PostAsync(link, await FormOfAsync(http, link));

    /// <summary>The form fields of the page at <paramref name="page"/> (its anti-forgery token), as the browser would post them.</summary>
    public static async Task<FormUrlEncodedContent> FormOfAsync(this HttpClient http, string page)
    {
        var html = await (await http.GetAsync(page)).Content.ReadAsStringAsync();
        var token = HiddenField().Match(html);
        Assert.True(token.Success, $"No form with an anti-forgery token on {page}: {html}");
        return new FormUrlEncodedContent([new(token.Groups[1].Value, token.Groups[2].Value)]);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">")]
    private static partial Regex HiddenField();
}
