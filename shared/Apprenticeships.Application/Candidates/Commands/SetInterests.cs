using Apprenticeships.Domain.Candidates;
using Apprenticeships.Storage.Candidates;

namespace Apprenticeships.Application.Candidates.Commands;

/// <summary>The sectors a candidate would like to work in (replacing any before); an empty list clears them.</summary>
public sealed record SetInterests(List<string>? Sectors);

/// <summary>
/// Records a candidate's sector interests, which match them to vacancies. Kept on the candidate's
/// own record (so erased with it) and never passed to a workflow.
/// </summary>
public sealed class CandidateInterests(CandidateStore candidates)
{
    public const int Most = 10;

    public async Task<Result<Candidate>> SetAsync(string candidateId, SetInterests command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var sectors = new List<string>();
        if (command.Sectors is null) errors.Add("sectors", "Sectors is required: a list, empty to clear them.");
        else if (command.Sectors.Count > Most) errors.Add("sectors", $"Choose at most {Most} sectors.");
        else
        {
            foreach (var s in command.Sectors)
                if (errors.Text("sectors", s, "Each sector", InputLimits.Sector) is { } sector && !sectors.Contains(sector, StringComparer.OrdinalIgnoreCase)) sectors.Add(sector);
        }
        if (errors.Any) return errors.ToProblem();
        if (!InputLimits.IsId(candidateId)) return Problem.NotFound("id", $"No candidate '{candidateId}'.");
        var stored = await candidates.ChangeAsync(candidateId, c => c.SectorInterests.SequenceEqual(sectors) ? null : c with { SectorInterests = new SectorInterests(sectors) }, ct);
        return stored is null ? Problem.NotFound("id", $"No candidate '{candidateId}'.") : Result<Candidate>.Ok(stored);
    }
}
