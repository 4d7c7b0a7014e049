using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Employers;
using Apprenticeships.Storage.Employers;

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
/// nothing else keeps a copy of it.
/// </summary>
public sealed class EmployerRegistration(EmployerStore employers)
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
        var saved = InputLimits.IsId(employerId) ? await employers.ChangeAsync(employerId, _ => edited, ct) : null;
        return saved is null ? Problem.NotFound("employerId", $"No employer '{employerId}'.") : Result<Employer>.Ok(saved);
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
