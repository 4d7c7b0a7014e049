using Apprenticeships.Application.Employers.Commands;

namespace Apprenticeships.Application.Tests;

/// <summary>Employer commands refuse bad input naming the field, before they touch storage (which is unreachable here).</summary>
public sealed class EmployerCommandTests
{
    private readonly Unreachable _ = new();

    [Fact]
    public async Task An_employer_needs_a_name_a_sector_its_levy_status_and_real_sites()
    {
        var registration = new EmployerRegistration(_.EmployerRecords, _.Vacancies, _.Declarations, _.Commitments, _.Clock);
        Refusals.AssertInvalid(await registration.CreateAsync(new CreateEmployer("bad id!", " ", "Care\tsector", null, null,
            [new SiteFields(null, "Acorn House", "not a postcode")]), default), "id", "name", "sector", "isLevyPayer", "sites");
        Refusals.AssertInvalid(await registration.EditAsync("e-1", new EditEmployer(new string('x', InputLimits.OrganisationName + 1), "Care", true, false,
            [new SiteFields("s-1", "A", "WR1 2AB"), new SiteFields("s-1", "B", "WR1 2AB")]), default), "name", "sites");
    }

    [Theory]
    [InlineData("", "Manager", "morgan@example.org", null, "name")]
    [InlineData("Morgan Reed", "Manager", "not an email", null, "email")]
    [InlineData("Morgan Reed", "Manager", "morgan@example.org", "call me", "phone")]
    [InlineData("Morgan Reed", "", "morgan@example.org", null, "role")]
    public async Task A_contact_needs_a_name_role_and_email_and_a_real_phone_number_if_any(string name, string role, string email, string? phone, string field)
    {
        var contacts = new EmployerContacts(_.EmployerRecords, _.Contacts, _.Audit, _.Clock);
        Refusals.AssertInvalid(await contacts.AddAsync("e-1", new AddContact(name, role, email, phone, null), default), field);
    }

    [Fact]
    public async Task Membership_steps_need_real_dates_and_support_from_the_scheme_list()
    {
        var scheme = new SchemeMembership(_.EmployerRecords, _.Memberships, _.Clock);
        Refusals.AssertInvalid(await scheme.JoinAsync("e-1", new JoinScheme("2026-02-30", ["Cake"]), default), "date", "support");
        Refusals.AssertInvalid(await scheme.JoinAsync("e-1", new JoinScheme("2026-11-01", []), default), "support");
        Refusals.AssertInvalid(await scheme.JoinAsync("e-1", new JoinScheme("2026-11-01", ["0"]), default), "support");
        Refusals.AssertInvalid(await scheme.LeaveAsync("e-1", new LeaveScheme("3000-01-01", null), default), "date", "reason");
        Refusals.AssertInvalid(await scheme.RecordEventAsync("e-1", new RecordSchemeEvent(null, "Fa\tir"), default), "date", "eventName");
        Refusals.AssertInvalid(await scheme.LogSessionAsync("e-1", new LogSupportSession("2026-11-01", "Retention", "no one", new string('n', InputLimits.Detail + 1)), default),
            "advisorId", "note");
    }
}
