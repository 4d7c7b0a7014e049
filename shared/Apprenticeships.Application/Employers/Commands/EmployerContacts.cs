using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Employers;
using Apprenticeships.Storage.Audit;
using Apprenticeships.Storage.Employers;

namespace Apprenticeships.Application.Employers.Commands;

/// <summary>POST /api/employers/{employerId}/contacts: a person at the employer the hub deals with.</summary>
public sealed record AddContact(string? Name, string? Role, string? Email, string? Phone, bool? IsPrimary);

/// <summary>
/// An employer's contacts: personal data, so kept in their own table, referred to elsewhere by id
/// only, and erased whole on request. The erasure is audited with ids alone (who, which contact,
/// when), so the log holds nothing of the person.
/// </summary>
public sealed class EmployerContacts(EmployerStore employers, EmployerContactStore contacts, AuditLog audit, TimeProvider clock)
{
    private const int PhoneLength = 20;

    public async Task<Result<EmployerContact>> AddAsync(string employerId, AddContact command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = errors.Name("name", command.Name, "Name");
        var role = errors.Text("role", command.Role, "Role", InputLimits.Title);
        var email = errors.Text("email", command.Email, "Email", InputLimits.Email);
        if (email is not null && !ReferralRules.IsEmail(email)) errors.Add("email", "Enter an email address in the correct format, like name@example.com.");
        var phone = errors.OptionalText("phone", command.Phone, "Phone", PhoneLength);
        if (phone is not null && (!phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '(' or ')' or '-') || phone.Count(char.IsAsciiDigit) < 7))
            errors.Add("phone", "Enter a phone number, like 01905 765432.");
        if (errors.Any) return errors.ToProblem();
        if (!InputLimits.IsId(employerId) || await employers.GetAsync(employerId, ct) is null) return Problem.NotFound("employerId", $"No employer '{employerId}'.");

        var contact = new EmployerContact(NewIds.EmployerContact(), employerId, name!, role!, email!, phone, command.IsPrimary ?? false);
        // One primary contact: a new primary one takes over from the old.
        if (contact.IsPrimary)
            foreach (var other in (await contacts.ListAsync(employerId, ct)).Where(c => c.IsPrimary))
                await contacts.SaveAsync(other with { IsPrimary = false }, ct);
        await contacts.SaveAsync(contact, ct);
        return Result<EmployerContact>.Ok(contact, created: true);
    }

    /// <summary>Erases the contact: nothing of the person is left. Erasing one already gone is a 404, and changes nothing.</summary>
    public async Task<Result<string>> EraseAsync(string employerId, string contactId, string staffId, CancellationToken ct)
    {
        if (!InputLimits.IsId(employerId) || !InputLimits.IsId(contactId)
            || (await contacts.ListAsync(employerId, ct)).All(c => c.Id != contactId)) return Problem.NotFound("contactId", $"No contact '{contactId}' at employer '{employerId}'.");
        await contacts.EraseAsync(employerId, contactId, ct);
        await audit.RecordAsync(new AuditEntry(contactId, staffId, AuditAction.Erased, $"employer contact of {employerId}", clock.GetUtcNow()), ct);
        return Result<string>.Ok(contactId);
    }
}
