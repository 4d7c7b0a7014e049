using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Staff;
using Apprenticeships.Storage.Staff;

namespace Apprenticeships.Application.Staff.Commands;

/// <summary>An advisor for the directory: their staff id, their name as candidates read it, their work email.</summary>
public sealed record AddAdvisor(string? Id, string? Name, string? Email);

/// <summary>An advisor's new name or email; the staff id stays.</summary>
public sealed record EditAdvisor(string? Name, string? Email);

/// <summary>
/// The hub's advisors, kept by an administrator so that candidates' emails name their advisor
/// ("referred by Amara Okafor") instead of "your advisor".
/// </summary>
public sealed class AdvisorDirectory(AdvisorStore advisors)
{
    /// <summary>What a candidate's email calls an advisor the directory does not know.</summary>
    public const string Unnamed = "your advisor";

    public async Task<List<Advisor>> ListAsync(CancellationToken ct) =>
        (await advisors.ListAsync(ct)).OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();

    public async Task<Advisor?> GetAsync(string id, CancellationToken ct) => InputLimits.IsId(id) ? await advisors.GetAsync(id, ct) : null;

    /// <summary>The advisor's name for an email, or <see cref="Unnamed"/>.</summary>
    public async Task<string> NameOfAsync(string? advisorId, CancellationToken ct) =>
        advisorId is not null && await GetAsync(advisorId, ct) is { } advisor ? advisor.Name : Unnamed;

    public async Task<Result<Advisor>> AddAsync(AddAdvisor command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = errors.Id("id", command.Id, "Staff id");
        var (name, email) = Details(errors, command.Name, command.Email);
        if (errors.Any) return errors.ToProblem();
        var advisor = new Advisor(id!, name!, email!);
        if (!await advisors.AddAsync(advisor.Id, advisor, ct)) return Problem.Conflict("id", $"Advisor '{advisor.Id}' is already in the directory.");
        return Result<Advisor>.Ok(advisor, created: true);
    }

    public async Task<Result<Advisor>> EditAsync(string id, EditAdvisor command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (name, email) = Details(errors, command.Name, command.Email);
        if (errors.Any) return errors.ToProblem();
        var saved = InputLimits.IsId(id) ? await advisors.ChangeAsync(id, a => a with { Name = name!, Email = email! }, ct) : null;
        return saved is null ? Problem.NotFound("id", $"No advisor '{id}'.") : Result<Advisor>.Ok(saved);
    }

    private static (string? Name, string? Email) Details(FieldErrors errors, string? name, string? email)
    {
        var checkedName = errors.Name("name", name, "Name");
        var checkedEmail = errors.Text("email", email, "Email address", InputLimits.Email);
        if (checkedEmail is not null && !ReferralRules.IsEmail(checkedEmail))
        {
            errors.Add("email", "Enter an email address in the correct format, like name@example.com.");
            checkedEmail = null;
        }
        return (checkedName, checkedEmail);
    }
}
