using Apprenticeships.Domain.Candidates;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Candidates;

/// <summary>
/// The Candidates table: one row per candidate (partition = id), the only home of their personal
/// data, so erasing a candidate is deleting this row and their timeline.
/// </summary>
public sealed class CandidateStore(StorageAccount account)
{
    private readonly TableClient _table = account.Tables.GetTableClient("Candidates");
    private Task? _created;

    /// <summary>Adds a new candidate; false if the id is taken.</summary>
    public async Task<bool> AddAsync(Candidate candidate, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        try
        {
            await _table.AddEntityAsync(ToEntity(candidate), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<Candidate?> GetAsync(string id, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(id, "", cancellationToken: ct);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>Moves a candidate to a stage (a closed candidate stays closed); returns the candidate as stored.</summary>
    public async Task<Candidate?> MoveToAsync(string id, CandidateStage stage, DateTimeOffset at, string? reason = null, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        for (var attempt = 0; ; attempt++)
        {
            var row = await _table.GetEntityIfExistsAsync<TableEntity>(id, "", cancellationToken: ct);
            if (!row.HasValue) return null;
            var candidate = FromEntity(row.Value!);
            if (candidate.Stage == stage || candidate.Stage.IsClosed()) return candidate;
            var moved = candidate with { Stage = stage, StageChangedAt = at, WithdrawalReason = reason ?? candidate.WithdrawalReason };
            try
            {
                await _table.UpdateEntityAsync(ToEntity(moved), row.Value!.ETag, TableUpdateMode.Replace, ct);
                return moved;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 5)
            {
                // Changed meanwhile (an advisor and a workflow at once): read again.
            }
        }
    }

    /// <summary>Candidates, optionally at one stage and matching a search on name, email or postcode.</summary>
    public async Task<List<Candidate>> ListAsync(CandidateStage? stage, string? search, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var filter = stage is { } s ? TableClient.CreateQueryFilter($"Stage eq {s.ToString()}") : null;
        var found = new List<Candidate>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var candidate = FromEntity(row);
            if (Matches(candidate, search)) found.Add(candidate);
        }
        return found.OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName).ToList();
    }

    private static bool Matches(Candidate c, string? search) =>
        string.IsNullOrWhiteSpace(search) ||
        new[] { $"{c.GivenName} {c.FamilyName}", c.Email, c.Postcode, c.Id }.Any(f => f.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase));

    private Task EnsureCreatedAsync(CancellationToken ct) =>
        _created is { IsCompletedSuccessfully: true } ? Task.CompletedTask : _created = _table.CreateIfNotExistsAsync(ct);

    private static TableEntity ToEntity(Candidate c) => new(c.Id, "")
    {
        ["GivenName"] = c.GivenName, ["FamilyName"] = c.FamilyName, ["Email"] = c.Email, ["Postcode"] = c.Postcode,
        ["DateOfBirth"] = c.DateOfBirth.ToString("O"), ["Source"] = c.Source.ToString(), ["LawfulBasis"] = c.LawfulBasis,
        ["AdvisorId"] = c.AdvisorId, ["EnrolledAt"] = c.EnrolledAt, ["Stage"] = c.Stage.ToString(),
        ["StageChangedAt"] = c.StageChangedAt, ["WithdrawalReason"] = c.WithdrawalReason,
    };

    private static Candidate FromEntity(TableEntity e) => new()
    {
        Id = e.PartitionKey,
        GivenName = e.GetString("GivenName"), FamilyName = e.GetString("FamilyName"), Email = e.GetString("Email"),
        Postcode = e.GetString("Postcode"), DateOfBirth = DateOnly.Parse(e.GetString("DateOfBirth")),
        Source = Enum.Parse<ReferralSource>(e.GetString("Source")), LawfulBasis = e.GetString("LawfulBasis"),
        AdvisorId = e.GetString("AdvisorId"), EnrolledAt = e.GetDateTimeOffset("EnrolledAt")!.Value,
        Stage = Enum.Parse<CandidateStage>(e.GetString("Stage")), StageChangedAt = e.GetDateTimeOffset("StageChangedAt")!.Value,
        WithdrawalReason = e.GetString("WithdrawalReason"),
    };
}
