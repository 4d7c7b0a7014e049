using Microsoft.AspNetCore.TestHost;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Apprenticeships.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Apprenticeships.Functions.Tests.Http.Finance;

/// <summary>One app over the test process's Azurite for a test class; tests isolate themselves with unique ids.</summary>
public sealed class FinanceApiFixture : IAsyncLifetime
{
    private WebApplicationFactory<Program>? _app;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var connection = await LocalAzurite.ConnectionStringAsync();
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("AzureWebJobsStorage", connection);
            b.ConfigureTestServices(SignedInAsAdmin.Register);
        });
        Client = _app.CreateClient();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}

internal static class FinanceApi
{
    public static string NewId(string prefix) => LocalAzurite.UniqueName(prefix);

    public static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(this HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        return (response.StatusCode, await BodyAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(this HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response.StatusCode, await BodyAsync(response));
    }

    public static async Task<string> NewEmployerAsync(this HttpClient client, bool levyPayer = true, bool sme = false)
    {
        var id = NewId(levyPayer ? "council" : "care");
        var (status, _) = await client.PostAsync("/api/finance/employers",
            new { employerId = id, name = levyPayer ? "Worcestershire County Council" : "Acorn Care", isLevyPayer = levyPayer, isSme = sme });
        Assert.Equal(HttpStatusCode.Created, status);
        return id;
    }

    public static async Task DeclareAsync(this HttpClient client, string employerId, string year, int month, decimal ytd, string submitted)
    {
        var (status, body) = await client.PostAsync($"/api/finance/employers/{employerId}/declarations",
            new { payeScheme = "123/AB456", payrollYear = year, payrollMonth = month, levyDueYtd = ytd, submissionDate = submitted });
        Assert.True(status == HttpStatusCode.Created, body.ToString());
    }

    /// <summary>25-26 months 1..11 on time: £1,100 a month (with top-up) enters May 2025..Mar 2026, £12,100 in all.</summary>
    public static async Task DeclareLastYearAsync(this HttpClient client, string employerId)
    {
        for (var m = 1; m <= 11; m++)
        {
            var due = new DateOnly(2025, 4, 15).AddMonths(m);
            await client.DeclareAsync(employerId, "25-26", m, 1_000m * m, due.ToString("yyyy-MM-dd"));
        }
    }

    public static object Commitment(string id, string employerId, decimal price = 9_000m, string start = "2026-09-01",
        string end = "2027-08-31", int age = 30) => new
    {
        commitmentId = id, employerId, agreedPrice = price, fundingBandMaximum = 27_000m, startDate = start,
        plannedEndDate = end, apprenticeAgeAtStart = age, hasEhcPlan = false, isCareLeaver = false,
    };

    /// <summary>Asserts a problem-details body that names <paramref name="field"/> and returns its messages.</summary>
    public static string Problem(JsonElement body, string field)
    {
        Assert.True(body.TryGetProperty("errors", out var errors), body.ToString());
        Assert.True(errors.TryGetProperty(field, out var messages), body.ToString());
        return string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()));
    }

    public static decimal Money(this JsonElement e, string name) => e.GetProperty(name).GetDecimal();

    public static JsonElement Month(this JsonElement account, string month, string listName = "months") =>
        account.GetProperty(listName).EnumerateArray().Single(m => m.GetProperty("month").GetString() == month);

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
