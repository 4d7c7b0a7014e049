using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Apprenticeships.Durable;
using Apprenticeships.Testing;
using Azure.Data.Tables;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Apprenticeships.Functions.Tests.Http.Candidates;

/// <summary>Names, emails and dates of birth stay in the Candidates table: never in workflow history, queues or logs.</summary>
public class PersonalDataScanTests
{
    [Fact]
    public async Task A_journey_leaves_no_personal_data_in_history_queues_or_logs()
    {
        var lines = new ConcurrentQueue<string>();
        var family = "Zwackelmann" + Guid.NewGuid().ToString("N")[..6];
        var email = $"{family.ToLowerInvariant()}@example.org";
        await using var app = await AppFactory.CreateAsync(configure: b =>
        {
            b.UseSetting("Email:AdvisorAlertsTo", "advisors@council.example");
            b.ConfigureTestServices(s => s.AddLogging(l => l.AddProvider(new Capture(lines)).SetMinimumLevel(LogLevel.Trace)));
        });
        var http = app.CreateClient();
        var id = await CandidateJourneyTests.EnrolAsync(http, new
        {
            givenName = "Quillon", familyName = family, email, postcode = "WR9 9ZZ", dateOfBirth = "1999-07-13",
            source = "CareLeaverTeam", consent = true, lawfulBasis = "Consent", advisorId = "advisor-5",
        });
        await CandidateJourneyTests.EventuallyAsync(async () => await CandidateJourneyTests.StageOfAsync(http, id) == "AwaitingInterest", "awaiting interest");
        var clock = app.Services.GetRequiredService<AdjustableClock>();
        foreach (var day in new[] { 2, 5, 7, 14 })
        {
            clock.Advance(TimeSpan.FromDays(day) - clock.Offset);
            await Task.Delay(400);
        }
        await CandidateJourneyTests.EventuallyAsync(async () => await CandidateJourneyTests.StageOfAsync(http, id) == "NoResponse", "journey over");

        var hub = app.Services.GetRequiredService<IConfiguration>()["Durable:TaskHub"]!;
        var account = await LocalAzurite.AccountAsync();
        var stored = new List<string>();
        foreach (var table in new[] { $"{hub}Instances", $"{hub}Status", $"{hub}Timers" })
        {
            await foreach (var row in account.Tables.GetTableClient(table).QueryAsync<TableEntity>())
                stored.Add(string.Join("|", row.Select(p => $"{p.Key}={p.Value}")));
        }
        foreach (var queue in new[] { $"{hub}-control", $"{hub}-work", $"{hub}-poison" })
        {
            foreach (var m in (await account.Queues.GetQueueClient(queue).PeekMessagesAsync(32)).Value) stored.Add(m.Body.ToString());
        }

        Assert.Contains(stored, s => s.Contains(id)); // the scan sees the journey's data at all
        Assert.NotEmpty(lines);
        var personal = new[] { "Quillon", family, email, "1999-07-13", "13/07/1999", "WR9 9ZZ" };
        foreach (var text in stored.Concat(lines))
        {
            foreach (var value in personal)
                Assert.False(text.Contains(value, StringComparison.OrdinalIgnoreCase), $"'{value}' found in: {Regex.Replace(text, @"\s+", " ")[..Math.Min(200, text.Length)]}");
        }
    }

    private sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(lines);
        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;
            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + exception);
        }
    }
}
