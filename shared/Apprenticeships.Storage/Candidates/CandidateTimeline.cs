using System.Text.Json;
using Apprenticeships.Domain.Candidates;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Candidates;

/// <summary>A nudge or reminder emailed to the candidate, as the timeline notes it: when, the template and its details (ids, dates, numbers).</summary>
public sealed record TimelineEmail(DateTimeOffset At, string Template, IReadOnlyDictionary<string, string> Details);

/// <summary>What the timeline table holds for one candidate: their stage changes and the nudges they were sent.</summary>
public sealed record TimelineRows(List<TimelineEntry> Stages, List<TimelineEmail> Emails);

/// <summary>
/// The CandidateTimeline table: a candidate's journey, one row per stage change and per nudge or
/// reminder emailed, written by workflow activities under their idempotency key so a retried
/// activity writes the same row again. Programme facts (attendance, outcomes, confirmations) are
/// not copied here: the timeline query reads them from the programme records.
/// </summary>
public sealed class CandidateTimeline(StorageAccount account) : TableStore(account, "CandidateTimeline"), ICandidateDataHolder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private const string EmailKind = "Email";

    /// <summary>The timeline's entries describe the candidate in words (an advisor's withdrawal reason): erasure removes them all.</summary>
    public async Task ForgetCandidateAsync(string candidateId, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == candidateId, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
            await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, Azure.ETag.All, ct);
    }

    /// <summary>
    /// A stage change, once per key: a retry that finds the row leaves it (and its time) as it is. The key alone names
    /// the row: a workflow step re-run after a crash (its first run's history lost with the process) has the same key
    /// but a later time, and a row keyed by time as well was written twice ("Started a job" twice,
    /// bench/chaos/kill-during-offers). Entries are listed by their time, which ReadAsync sorts on.
    /// </summary>
    public async Task AddAsync(string candidateId, string key, TimelineEntry entry, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        try
        {
            await Table.AddEntityAsync(new TableEntity(candidateId, $"stage-{Uri.EscapeDataString(key)}")
            {
                ["At"] = entry.At, ["Stage"] = entry.Stage.ToString(), ["What"] = entry.What, ["ProgrammeId"] = entry.ProgrammeId,
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Noted when the step first ran.
        }
    }

    /// <summary>A nudge or reminder sent, once per key: a retry that finds the row leaves it (and its time) as it is.</summary>
    public async Task AddEmailAsync(string candidateId, string key, TimelineEmail email, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        try
        {
            await Table.AddEntityAsync(new TableEntity(candidateId, $"email-{Uri.EscapeDataString(key)}")
            {
                ["Kind"] = EmailKind, ["At"] = email.At, ["Template"] = email.Template, ["Details"] = JsonSerializer.Serialize(email.Details, Json),
            }, ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Noted when the step first ran.
        }
    }

    public async Task<TimelineRows> ReadAsync(string candidateId, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var rows = new TimelineRows([], []);
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == candidateId, cancellationToken: ct))
        {
            var at = row.GetDateTimeOffset("At")!.Value;
            if (row.GetString("Kind") == EmailKind)
                rows.Emails.Add(new TimelineEmail(at, row.GetString("Template") ?? "", JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString("Details") ?? "{}", Json) ?? []));
            else
                rows.Stages.Add(new TimelineEntry(at, Enum.Parse<CandidateStage>(row.GetString("Stage")), row.GetString("What")) { ProgrammeId = row.GetString("ProgrammeId") });
        }
        rows.Stages.Sort((a, b) => a.At.CompareTo(b.At));
        rows.Emails.Sort((a, b) => a.At.CompareTo(b.At));
        return rows;
    }
}
