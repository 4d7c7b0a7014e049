using Apprenticeships.Domain.Candidates;
using Azure;
using Azure.Data.Tables;

namespace Apprenticeships.Storage.Candidates;

/// <summary>
/// The Candidates table: one row per candidate (partition = id), the only home of their personal
/// data, so erasing a candidate is deleting this row and their timeline.
/// </summary>
public sealed class CandidateStore(StorageAccount account) : TableStore(account, "Candidates")
{

    /// <summary>Adds a new candidate; false if the id is taken.</summary>
    public async Task<bool> AddAsync(Candidate candidate, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        try
        {
            await Table.AddEntityAsync(ToEntity(candidate), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Deletes the candidate's row (erasure); nothing if it is gone already.</summary>
    public async Task DeleteAsync(string id, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        await Table.DeleteEntityAsync(id, "", ETag.All, ct);
    }

    public async Task<Candidate?> GetAsync(string id, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(id, "", cancellationToken: ct);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>Moves a candidate to a stage (a closed candidate stays closed); returns the candidate as stored.</summary>
    public Task<Candidate?> MoveToAsync(string id, CandidateStage stage, DateTimeOffset at, string? reason = null, CancellationToken ct = default) =>
        ChangeAsync(id, c => c.Stage == stage || c.Stage.IsClosed()
            ? null
            : c with { Stage = stage, StageChangedAt = at, WithdrawalReason = reason ?? c.WithdrawalReason }, ct);

    /// <summary>
    /// Applies a change read-modify-write under the row's ETag, reading again if an advisor and a
    /// workflow changed the candidate at once. The change returns null for "nothing to do".
    /// Returns the candidate as stored, or null if there is no such candidate.
    /// </summary>
    public async Task<Candidate?> ChangeAsync(string id, Func<Candidate, Candidate?> change, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        for (var attempt = 0; ; attempt++)
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(id, "", cancellationToken: ct);
            if (!row.HasValue) return null;
            var candidate = FromEntity(row.Value!);
            if (change(candidate) is not { } changed) return candidate;
            try
            {
                await Table.UpdateEntityAsync(ToEntity(changed), row.Value!.ETag, TableUpdateMode.Replace, ct);
                return changed;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 5)
            {
                // Changed meanwhile: read again and re-apply.
            }
        }
    }

    /// <summary>The members of an academy or cohort (whoever was last assigned to it).</summary>
    public async Task<List<Candidate>> InProgrammeAsync(string? academyId, string? cohortId, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var filter = academyId is not null ? TableClient.CreateQueryFilter($"AcademyId eq {academyId}") : TableClient.CreateQueryFilter($"CohortId eq {cohortId}");
        var found = new List<Candidate>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct)) found.Add(FromEntity(row));
        return found.OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName).ToList();
    }

    /// <summary>Candidates, optionally at one stage and matching a search on name, email or postcode.</summary>
    public async Task<List<Candidate>> ListAsync(CandidateStage? stage, string? search, CancellationToken ct = default)
    {
        await EnsureCreatedAsync(ct);
        var filter = stage is { } s ? TableClient.CreateQueryFilter($"Stage eq {s.ToString()}") : null;
        var found = new List<Candidate>();
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var candidate = FromEntity(row);
            if (Matches(candidate, search)) found.Add(candidate);
        }
        return found.OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName).ToList();
    }

    private static bool Matches(Candidate c, string? search) =>
        string.IsNullOrWhiteSpace(search) ||
        new[] { $"{c.GivenName} {c.FamilyName}", c.Email, c.Postcode, c.Id }.Any(f => f.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase));

    private static TableEntity ToEntity(Candidate c) => new(c.Id, "")
    {
        ["GivenName"] = c.GivenName, ["FamilyName"] = c.FamilyName, ["Email"] = c.Email, ["Postcode"] = c.Postcode,
        ["DateOfBirth"] = c.DateOfBirth.ToString("O"), ["Source"] = c.Source.ToString(), ["LawfulBasis"] = c.LawfulBasis,
        ["AdvisorId"] = c.AdvisorId, ["EnrolledAt"] = c.EnrolledAt, ["Stage"] = c.Stage.ToString(),
        ["StageChangedAt"] = c.StageChangedAt, ["WithdrawalReason"] = c.WithdrawalReason,
        ["AcademyId"] = c.AcademyId, ["CohortId"] = c.CohortId,
        ["SectorInterests"] = c.SectorInterests.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(c.SectorInterests.ToArray()),
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
        AcademyId = e.GetString("AcademyId"), CohortId = e.GetString("CohortId"),
        SectorInterests = e.GetString("SectorInterests") is { } interests ? new SectorInterests(System.Text.Json.JsonSerializer.Deserialize<List<string>>(interests)!) : SectorInterests.None,
    };
}
