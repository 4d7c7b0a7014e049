using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Apprenticeships.Domain.Employers;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Http.Employers;

/// <summary>An employer of its own for each test (test apps share the tables), with a primary contact, and the progression API's calls.</summary>
internal static class ProgressionFixture
{
    public sealed record TestEmployer(string Id, string Name, string ContactEmail);

    public static async Task<TestEmployer> EmployerAsync(WebApplicationFactory<Program> app, bool withContact = true)
    {
        var id = LocalAzurite.UniqueName("emp-");
        var name = $"Acorn Care {id[^6..]}";
        await app.Services.GetRequiredService<EmployerStore>().AddAsync(id, new Employer(id, name, "Adult social care", IsLevyPayer: false, IsSme: true));
        var email = $"manager.{id}@acorn.example";
        if (withContact)
            await app.Services.GetRequiredService<EmployerContactStore>().SaveAsync(new EmployerContact($"ct-{id}", id, "Priya Shah", "Care manager", email, null, IsPrimary: true));
        return new TestEmployer(id, name, email);
    }

    public static string Base(string employerId) => $"/api/employers/{employerId}/progression";

    public static async Task<JsonElement> PostAsync(HttpClient http, string path, object body, HttpStatusCode expected = HttpStatusCode.Created)
    {
        var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task<string> AddStaffAsync(HttpClient http, string employerId, string name = "Jo Bloggs", string? from = null) =>
        (await PostAsync(http, $"{Base(employerId)}/participants", new { kind = "EmployerStaff", name, jobTitle = "Care assistant", from }))
            .GetProperty("id").GetString()!;

    public static async Task<JsonElement> ParticipantAsync(HttpClient http, string employerId, string participantId) =>
        (await http.GetFromJsonAsync<JsonElement>(Base(employerId))).GetProperty("participants").EnumerateArray()
            .Single(p => p.GetProperty("id").GetString() == participantId);

    public static async Task<List<string>> UnansweredAsync(HttpClient http, string employerId, string participantId) =>
        (await ParticipantAsync(http, employerId, participantId)).GetProperty("unansweredWeeks").EnumerateArray().Select(w => w.GetString()!).ToList();

    public static string Day(WebApplicationFactory<Program> app, int daysFromToday = 0) =>
        DateOnly.FromDateTime(app.Clock().GetUtcNow().UtcDateTime).AddDays(daysFromToday).ToString("yyyy-MM-dd");
}
