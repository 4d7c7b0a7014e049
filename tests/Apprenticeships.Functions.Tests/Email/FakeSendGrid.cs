using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Email;

/// <summary>
/// A local stand-in for SendGrid's v3 mail send on 127.0.0.1: it checks each request the way
/// SendGrid would (path, bearer key, JSON shape) and answers from a script of status codes.
/// </summary>
public sealed class FakeSendGrid : IAsyncDisposable
{
    public const string ApiKey = "SG.test-key";
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _script = new();

    public sealed record Accepted(string To, string From, string Subject, string Text, string Html, Dictionary<string, string> CustomArgs);

    public ConcurrentQueue<Accepted> Delivered { get; } = new();
    public int Requests;
    public string Url { get; private set; } = "";

    private FakeSendGrid()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/v3/mail/send", HandleAsync);
    }

    public static async Task<FakeSendGrid> StartAsync(params int[] script)
    {
        var fake = new FakeSendGrid();
        foreach (var status in script) fake._script.Enqueue(status);
        await fake._app.StartAsync();
        fake.Url = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        try
        {
            return await CheckAndAnswerAsync(request);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // A request SendGrid would not understand: say what was wrong, as SendGrid does.
            return Results.Json(Errors($"Bad request shape: {e.Message}"), statusCode: 400);
        }
    }

    private async Task<IResult> CheckAndAnswerAsync(HttpRequest request)
    {
        Interlocked.Increment(ref Requests);
        if (request.Headers.Authorization.ToString() != $"Bearer {ApiKey}")
            return Results.Json(Errors("The provided authorization grant is invalid, expired, or revoked"), statusCode: 401);
        using var body = await JsonDocument.ParseAsync(request.Body);
        var root = body.RootElement;
        var personalization = root.GetProperty("personalizations")[0];
        var content = root.GetProperty("content").EnumerateArray().ToDictionary(c => c.GetProperty("type").GetString()!, c => c.GetProperty("value").GetString()!);
        // SendGrid takes subject and custom_args per personalization, falling back to the message's own.
        var subject = (personalization.TryGetProperty("subject", out var s) ? s : root.GetProperty("subject")).GetString()!;
        var customArgs = personalization.TryGetProperty("custom_args", out var args) || root.TryGetProperty("custom_args", out args)
            ? args.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : [];
        var status = _script.TryDequeue(out var next) ? next : 202;
        switch (status)
        {
            case 202:
                Delivered.Enqueue(new Accepted(personalization.GetProperty("to")[0].GetProperty("email").GetString()!,
                    root.GetProperty("from").GetProperty("email").GetString()!, subject,
                    content["text/plain"], content["text/html"], customArgs));
                return Results.StatusCode(202);
            case 429:
                return Results.Json(Errors("too many requests"), statusCode: 429);
            case 400:
                return Results.Json(Errors("The from email does not contain a valid address."), statusCode: 400);
            default:
                return Results.Json(Errors("internal error"), statusCode: status);
        }
    }

    private static object Errors(string message) => new { errors = new[] { new { message, field = (string?)null, help = (string?)null } } };

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
