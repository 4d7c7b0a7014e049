using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Apprenticeships.Functions.Tests.Pages;
using Apprenticeships.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Apprenticeships.Functions.Tests.Http.Employers;

/// <summary>One app over the test process's Azurite for the employer tests (as an administrator); tests isolate themselves with unique ids.</summary>
public sealed class EmployersApiFixture : IAsyncLifetime
{
    public WebApplicationFactory<Program> App { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;
    public DateOnly Today => App.Today();

    public async Task InitializeAsync()
    {
        App = await AppFactory.CreateAsync();
        Http = App.CreateClient();
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

internal static class EmployerRequests
{
    public static string Iso(this DateOnly date) => date.ToString("yyyy-MM-dd");

    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(this HttpClient http, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>A new employer through POST /api/employers; its id.</summary>
    public static async Task<string> NewEmployerAsync(this HttpClient http, string name = "Acorn Care", bool levyPayer = false)
    {
        var (status, body) = await http.SendAsync(HttpMethod.Post, "/api/employers", new { id = LocalAzurite.UniqueName("emp"), name, sector = "Adult care", isLevyPayer = levyPayer, isSme = !levyPayer });
        Assert.True(status == HttpStatusCode.Created, body.ToString());
        return body.GetProperty("id").GetString()!;
    }

    public static async Task RenameAsync(this HttpClient http, string employerId, string name)
    {
        var (_, before) = await http.SendAsync(HttpMethod.Get, $"/api/employers/{employerId}");
        var e = before.GetProperty("employer");
        var (status, body) = await http.SendAsync(HttpMethod.Put, $"/api/employers/{employerId}", new
        {
            name, sector = e.GetProperty("sector").GetString(), isLevyPayer = e.GetProperty("isLevyPayer").GetBoolean(), isSme = e.GetProperty("isSme").GetBoolean(),
            sites = e.GetProperty("sites"),
        });
        Assert.True(status == HttpStatusCode.OK, body.ToString());
    }

    public static string Problem(this JsonElement body, string field)
    {
        Assert.True(body.TryGetProperty("errors", out var errors), body.ToString());
        Assert.True(errors.TryGetProperty(field, out var messages), body.ToString());
        return string.Join(" ", messages.EnumerateArray().Select(m => m.GetString()));
    }
}
