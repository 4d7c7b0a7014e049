using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Employers;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Vacancies;

namespace Apprenticeships.Application.Employers.Commands;

/// <summary>A site as given: an id to keep an existing one (a new one gets an id), its name and postcode.</summary>
public sealed record SiteFields(string? Id, string? Name, string? Postcode);

/// <summary>POST /api/employers: a new employer; the id is optional (one is made).</summary>
public sealed record CreateEmployer(string? Id, string? Name, string? Sector, bool? IsLevyPayer, bool? IsSme, List<SiteFields>? Sites)
{
    internal EmployerFields Details => new(Name, Sector, IsLevyPayer, IsSme, Sites);
}

/// <summary>PUT /api/employers/{employerId}: the employer's details as they should now be (its id stays).</summary>
public sealed record EditEmployer(string? Name, string? Sector, bool? IsLevyPayer, bool? IsSme, List<SiteFields>? Sites)
{
    internal EmployerFields Details => new(Name, Sector, IsLevyPayer, IsSme, Sites);

    public static EditEmployer From(Employer e) =>
        new(e.Name, e.Sector, e.IsLevyPayer, e.IsSme, e.Sites.Select(s => new SiteFields(s.Id, s.Name, s.Postcode)).ToList());
}

/// <summary>
/// Creates and edits the hub's employers: the one record academies, job starts, cohorts and the
/// levy account refer to by id. A change of name shows everywhere the employer is named, because
/// nothing else keeps a copy of it. What others rely on is guarded: a site with open vacancies
/// stays until they close or move, and whether the employer pays the levy stays as it is once its
/// levy account has declarations or commitments worked out on it.
/// </summary>
public sealed class EmployerRegistration(EmployerStore employers, VacancyStore vacancies, LevyDeclarationRepository declarations, CommitmentRepository commitments,
    TimeProvider clock)
{
    /// <summary>What is wrong with the fields, without looking anything up or saving: for a form with problems of its own.</summary>
    public Dictionary<string, string[]> Check(EditEmployer command)
    {
        var errors = new FieldErrors();
        command.Details.Read(errors, "check");
        return errors.ToDictionary();
    }

    public async Task<Result<Employer>> CreateAsync(CreateEmployer command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = command.Id is null ? NewIds.Employer() : errors.Id("id", command.Id, "Employer id");
        if (command.Details.Read(errors, id) is not { } employer) return errors.ToProblem();
        if (!await employers.AddAsync(employer.Id, employer, ct)) return Problem.Conflict("id", $"Employer '{employer.Id}' already exists.");
        return Result<Employer>.Ok(employer, created: true);
    }

    public async Task<Result<Employer>> EditAsync(string employerId, EditEmployer command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (command.Details.Read(errors, employerId) is not { } edited) return errors.ToProblem();
        if (!InputLimits.IsId(employerId) || await employers.GetAsync(employerId, ct) is not { } before) return Problem.NotFound("employerId", $"No employer '{employerId}'.");
        if (await InUseAsync(before, edited, ct) is { } refusal) return refusal;
        var saved = await employers.ChangeAsync(employerId, _ => edited, ct);
        return saved is null ? Problem.NotFound("employerId", $"No employer '{employerId}'.") : Result<Employer>.Ok(saved);
    }

    /// <summary>Why the edit would pull something from under what relies on the employer, or null.</summary>
    private async Task<Problem?> InUseAsync(Employer before, Employer edited, CancellationToken ct)
    {
        var kept = edited.Sites.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var removed = before.Sites.Where(s => !kept.Contains(s.Id)).ToDictionary(s => s.Id, StringComparer.Ordinal);
        if (removed.Count > 0)
        {
            var today = clock.Today();
            var open = (await vacancies.ListAsync(ct))
                .Where(v => v.EmployerId == before.Id && v.SiteId is { } site && removed.ContainsKey(site) && v.TakesPutForwardsOn(today)).ToList();
            if (open.Count > 0)
                return Problem.Conflict("sites", $"{removed[open[0].SiteId!].Name} has open vacancies ({string.Join(", ", open.Select(v => v.Role).Distinct())}): close them or move them to another site first.");
        }
        // Declarations count only for a levy payer and co-investment differs by levy status, so either way the history would change.
        if (edited.IsLevyPayer != before.IsLevyPayer
            && ((await declarations.ListAsync(before.Id, ct)).Count > 0 || (await commitments.ListByEmployerAsync(before.Id, ct)).Count > 0))
            return Problem.Conflict("isLevyPayer", $"The employer's levy account has declarations or commitments worked out {(before.IsLevyPayer ? "as a levy payer" : "as a non-levy employer")}; " +
                "changing whether it pays the levy would rewrite its funds and payments. Record the employer again under a new id for the new status.");
        return null;
    }
}

/// <summary>An employer's fields as a create or an edit gives them, read the same way for both.</summary>
internal sealed record EmployerFields(string? Name, string? Sector, bool? IsLevyPayer, bool? IsSme, List<SiteFields>? Sites)
{
    /// <summary>More than any employer the hub works with has workplaces, small enough for one record.</summary>
    public const int MostSites = 50;
    private const int PostcodeLength = 8;

    public Employer? Read(FieldErrors errors, string? id)
    {
        var name = errors.Text("name", Name, "Name", InputLimits.OrganisationName);
        var sector = errors.Text("sector", Sector, "Sector", InputLimits.Sector);
        var levyPayer = errors.Required("isLevyPayer", IsLevyPayer, "Whether the employer pays the levy");
        var sites = new List<EmployerSite>();
        if (Sites is { Count: > MostSites }) errors.Add("sites", $"An employer has at most {MostSites} sites.");
        else foreach (var (site, i) in (Sites ?? []).Select((s, i) => (s, i)))
        {
            if (site is null) { errors.Add("sites", $"Site {i + 1} is empty."); continue; }
            var siteId = site.Id is null ? NewIds.EmployerSite() : errors.Id("sites", site.Id, $"Site {i + 1}'s id");
            var siteName = errors.Text("sites", site.Name, $"Site {i + 1}'s name", InputLimits.Title);
            var postcode = errors.Text("sites", site.Postcode, $"Site {i + 1}'s postcode", PostcodeLength);
            if (postcode is not null && !ReferralRules.IsPostcode(postcode)) { errors.Add("sites", $"Site {i + 1}'s postcode must be a real UK postcode, like WR1 2AB."); postcode = null; }
            if (siteId is not null && sites.Any(s => s.Id == siteId)) errors.Add("sites", $"Site {i + 1}'s id '{siteId}' is given to another site too.");
            else if (siteId is not null && siteName is not null && postcode is not null) sites.Add(new EmployerSite(siteId, siteName, ReferralRules.NormalisePostcode(postcode)));
        }
        if (errors.Any || id is null) return null;
        return new Employer(id, name!, sector!, levyPayer!.Value, IsSme ?? false) { Sites = sites };
    }
}
