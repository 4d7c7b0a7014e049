using System.Net;
using Apprenticeships.Storage.Audit;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Testing;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Http.Employers;

/// <summary>An employer's contacts are personal data: added by an administrator, erased on request with nothing of them left in storage.</summary>
public class ContactErasureTests(EmployersApiFixture fixture) : IClassFixture<EmployersApiFixture>
{
    private readonly HttpClient _http = fixture.Http;

    [Fact]
    public async Task An_erased_contact_leaves_nothing_of_the_person_in_storage_and_the_audit_log_has_ids_only()
    {
        var employerId = await _http.NewEmployerAsync("Riverside Care");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (name, email, phone) = ($"Ottilie Brack{tag}", $"ob{tag}@riverside.example", "01905 111 222");
        var (status, contact) = await _http.SendAsync(HttpMethod.Post, $"/api/employers/{employerId}/contacts", new { name, role = "Registered manager", email, phone, isPrimary = true });
        Assert.Equal(HttpStatusCode.Created, status);
        var contactId = contact.GetProperty("id").GetString()!;
        var (_, other) = await _http.SendAsync(HttpMethod.Post, $"/api/employers/{employerId}/contacts", new { name = $"Second Person{tag}", role = "HR", email = $"second{tag}@riverside.example" });
        var primary = await fixture.App.Services.GetRequiredService<EmployerContactStore>().PrimaryAsync(employerId);
        Assert.Equal(contactId, primary?.Id);

        var before = await RawRowsAsync();
        Assert.Contains(before, text => text.Contains(email, StringComparison.Ordinal));   // the raw read does see contacts

        Assert.Equal(HttpStatusCode.NoContent, (await _http.SendAsync(HttpMethod.Delete, $"/api/employers/{employerId}/contacts/{contactId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _http.SendAsync(HttpMethod.Delete, $"/api/employers/{employerId}/contacts/{contactId}")).Status);

        // Nothing of the person anywhere in storage: not in the contacts table, the employer, the audit log or anywhere else.
        foreach (var value in new[] { name, email })
            Assert.DoesNotContain(await StoredText.ReadAsync(), text => text.Contains(value, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(await RawRowsAsync(), text => text.Contains(contactId, StringComparison.Ordinal));
        var (_, details) = await _http.SendAsync(HttpMethod.Get, $"/api/employers/{employerId}");
        Assert.Equal(other.GetProperty("id").GetString(), Assert.Single(details.GetProperty("contacts").EnumerateArray()).GetProperty("id").GetString());
        var primaryAfter = await fixture.App.Services.GetRequiredService<EmployerContactStore>().PrimaryAsync(employerId);
        Assert.Equal(other.GetProperty("id").GetString(), primaryAfter?.Id);   // whom the hub writes to now

        var audit = Assert.Single(await fixture.App.Services.GetRequiredService<AuditLog>().ForCandidateAsync(contactId));
        Assert.Equal((AuditAction.Erased, "test-admin"), (audit.Action, audit.StaffId));
        Assert.Contains(employerId, audit.What);
    }

    /// <summary>The EmployerContacts table as stored, row by row.</summary>
    private static async Task<List<string>> RawRowsAsync()
    {
        var account = await LocalAzurite.AccountAsync();
        var rows = new List<string>();
        await foreach (var row in account.Tables.GetTableClient("EmployerContacts").QueryAsync<TableEntity>())
            rows.Add(string.Join("|", row.Select(p => $"{p.Key}={p.Value}")));
        return rows;
    }
}
