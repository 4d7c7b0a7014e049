using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Apprenticeships.Application;
using Apprenticeships.Application.Clock;
using Apprenticeships.Application.Workflows;
using Apprenticeships.Email;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Pipeline;

/// <summary>Drives the app through its HTTP API and its runtime clock, the way advisors, providers and candidates would.</summary>
internal sealed class PipelineDriver(WebApplicationFactory<Program> app)
{
    public HttpClient Http { get; } = app.CreateClient();
    public BusinessClock Clock { get; } = app.Clock();
    public DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    public static DateTime Noon(DateOnly day) => day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc);

    /// <summary>Moves the business clock forward to an instant (never back), telling the running workflows.</summary>
    public async Task ToAsync(DateTime instant)
    {
        var by = instant - Clock.GetUtcNow().UtcDateTime;
        if (by > TimeSpan.Zero) await app.AdvanceAsync(by);
    }

    public async Task<JsonElement> PostAsync(string path, object body, HttpStatusCode expected, string? providerKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (providerKey is not null) request.Headers.Add("X-Provider-Key", providerKey);
        var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"POST {path}: expected {expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<JsonElement> GetAsync(string path) => await Http.GetFromJsonAsync<JsonElement>(path);

    public async Task<string> StageAsync(string candidateId) => (await GetAsync($"/api/candidates/{candidateId}")).GetProperty("stage").GetString()!;

    public async Task<List<PickupDelivery.PickedUp>> MailAsync() =>
        await app.Services.GetRequiredService<PickupDelivery>().ListAsync(int.MaxValue, CancellationToken.None);

    public async Task<List<PickupDelivery.PickedUp>> MailAsync(string template, IEnumerable<string> recipients)
    {
        var ids = recipients.ToHashSet();
        return (await MailAsync()).Where(m => m.Template == template && ids.Contains(m.RecipientId)).ToList();
    }

    /// <summary>Advisor alerts about these candidates (the alerts mailbox is shared, so they are told apart by the id in the subject).</summary>
    public async Task<List<PickupDelivery.PickedUp>> AlertsAsync(IEnumerable<string> candidates)
    {
        var ids = candidates.ToList();
        return (await MailAsync()).Where(m => m.Template == "advisor-alert" && ids.Any(id => m.Subject.Contains(id))).ToList();
    }

    /// <summary>Polls until the condition holds. The patience is generous on purpose: a passing run never waits it out, and CI shares two cores with other builds.</summary>
    public async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (!await condition())
        {
            if (patience.IsCancellationRequested) throw new TimeoutException($"Gave up waiting for: {what}");
            await Task.Delay(100);
        }
    }

    public Task UntilMailAsync(string template, IEnumerable<string> recipients, int count) =>
        UntilAsync(async () => (await MailAsync(template, recipients)).Count >= count, $"{count} '{template}' emails");

    public Task UntilStageAsync(IEnumerable<string> candidates, string stage) =>
        UntilAsync(async () =>
        {
            foreach (var c in candidates) if (await StageAsync(c) != stage) return false;
            return true;
        }, $"{string.Join(", ", candidates)} at {stage}");

    /// <summary>
    /// The candidates in training with their training workflows running: the journey moves a candidate into training
    /// just before it starts the workflow, and a provider's confirmation in between is refused as "still starting".
    /// </summary>
    public Task UntilTrainingAsync(IEnumerable<string> candidates)
    {
        var workflows = app.Services.GetRequiredService<IWorkflows>();
        return UntilAsync(async () =>
        {
            foreach (var c in candidates)
                if (await StageAsync(c) != "InTraining" || !await workflows.IsRunningAsync(WorkflowInstances.Training(CommitmentIds.Of(c)), default)) return false;
            return true;
        }, $"{string.Join(", ", candidates)} in training");
    }

    /// <summary>The links in a candidate's latest email from a template, in the order the text gives them, as paths.</summary>
    public async Task<List<string>> LinksAsync(string candidateId, string template) =>
        Regex.Matches((await MailAsync(template, [candidateId])).OrderByDescending(m => m.Time).First().Text, @"http://localhost:7071(/l/\S+)")
            .Select(m => m.Groups[1].Value).ToList();
}
