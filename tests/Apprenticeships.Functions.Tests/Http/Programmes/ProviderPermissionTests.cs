using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Apprenticeships.Functions.Tests.Http.Programmes;

/// <summary>A provider's key opens their own learners and nobody else's; no key opens nothing.</summary>
public class ProviderPermissionTests(DemoHubFixture hub) : IClassFixture<DemoHubFixture>
{
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("X-Provider-Key", key);
        return await hub.Http.SendAsync(request);
    }

    private object Attendance(string candidateId) => new
    {
        reference = $"att-{Guid.NewGuid():N}", candidateId, kind = "Attendance",
        date = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), attended = false,
    };

    public static TheoryData<string?> BadKeys() => new() { null, "", "not-a-key", "nobody.secret" };

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task Without_a_valid_key_a_provider_gets_401_and_changes_nothing(string? key)
    {
        var before = await hub.SnapshotAsync();
        var learners = await SendAsync(HttpMethod.Get, "/api/providers/learners", key);
        var confirm = await SendAsync(HttpMethod.Post, "/api/providers/confirmations", key, Attendance(hub.Candidate("academy")));

        Assert.Equal(HttpStatusCode.Unauthorized, learners.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, confirm.StatusCode);
        Assert.True((await confirm.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("X-Provider-Key", out _));
        Assert.Equal(before, await hub.SnapshotAsync());
    }

    [Fact]
    public async Task A_real_provider_id_with_the_wrong_secret_is_refused()
    {
        var forged = hub.KeyA.Split('.')[0] + ".not-the-secret";
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(HttpMethod.Get, "/api/providers/learners", forged)).StatusCode);
    }

    [Fact]
    public async Task Provider_B_cannot_see_or_confirm_provider_A_learners()
    {
        var before = await hub.SnapshotAsync();
        var learnersOfB = await (await SendAsync(HttpMethod.Get, "/api/providers/learners", hub.KeyB)).Content.ReadFromJsonAsync<JsonElement[]>();
        var attendance = await SendAsync(HttpMethod.Post, "/api/providers/confirmations", hub.KeyB, Attendance(hub.Candidate("academy")));
        var milestone = await SendAsync(HttpMethod.Post, "/api/providers/confirmations", hub.KeyB, new
        {
            reference = "ms-1", candidateId = hub.Candidate("cohort"), kind = "Milestone",
            date = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), detail = "Care Certificate",
        });

        Assert.Empty(learnersOfB!);
        Assert.Equal(HttpStatusCode.Forbidden, attendance.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, milestone.StatusCode);
        Assert.Equal(before, await hub.SnapshotAsync());
    }

    [Fact]
    public async Task An_unknown_candidate_looks_the_same_as_another_providers_learner()
    {
        var unknown = await SendAsync(HttpMethod.Post, "/api/providers/confirmations", hub.KeyA, Attendance("c-nobody"));
        var others = await SendAsync(HttpMethod.Post, "/api/providers/confirmations", hub.KeyB, Attendance(hub.Candidate("academy")));
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
        Assert.Equal(others.StatusCode, unknown.StatusCode);
    }

    [Fact]
    public async Task Provider_A_sees_exactly_its_academy_and_cohort_learners()
    {
        var learners = await (await SendAsync(HttpMethod.Get, "/api/providers/learners", hub.KeyA)).Content.ReadFromJsonAsync<JsonElement[]>();
        var ids = learners!.Select(l => l.GetProperty("candidateId").GetString()).ToHashSet();
        Assert.Contains(hub.Candidate("academy"), ids);
        Assert.Contains(hub.Candidate("cohort"), ids);
        Assert.DoesNotContain(hub.Candidate("silent"), ids);
        Assert.DoesNotContain(hub.Candidate("job"), ids);
    }
}
