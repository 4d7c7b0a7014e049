using Microsoft.Extensions.DependencyInjection;
using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Apprenticeships.Application.Settings;

namespace Apprenticeships.Functions.Tests.Http;

/// <summary>Input at the ends of the calendar, found by probing, is a refusal the caller can read, never a 500.</summary>
public class InputLimitTests
{
    [Fact]
    public async Task An_outcome_report_to_the_end_of_the_calendar_is_refused_on_the_page_and_the_api()
    {
        await using var app = await AppFactory.CreateAsync();
        var http = app.CreateClient();

        var page = await http.GetAsync("/reports/outcomes?to=9999-12-31");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("2100-12-31", await page.Content.ReadAsStringAsync());

        var api = await http.GetAsync("/api/reports/outcomes?from=9999-12-25&to=9999-12-31");
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var errors = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("to", out _));
    }

    [Theory]
    [InlineData("c-1|ConfirmInterest|9223372036854775807", HttpStatusCode.BadRequest)]
    [InlineData("c-1|ConfirmAttendance|1900000000|academy-1/9999-99-99", HttpStatusCode.BadRequest)]
    [InlineData("c-1|ConfirmInterest|4102444800", HttpStatusCode.OK)]   // the same signing, sane fields: the question page
    public async Task A_signed_link_with_an_impossible_expiry_or_session_gets_the_friendly_page(string payload, HttpStatusCode opened)
    {
        await using var app = await AppFactory.CreateAsync(asAdmin: false);
        var http = app.CreateClient();
        // Signed with the app's own key, as a leaked key could sign.
        var key = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LinkOptions>>().Value.SigningKey;
        var bytes = Encoding.UTF8.GetBytes(payload);
        var token = $"{Base64Url.EncodeToString(bytes)}.{Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), bytes))}";

        var response = await http.GetAsync($"/l/{token}");

        Assert.Equal(opened, response.StatusCode);
        if (opened == HttpStatusCode.BadRequest) Assert.Contains("This link is not valid", await response.Content.ReadAsStringAsync());
    }
}
