using System.Net;
using System.Net.Http.Json;
using Apprenticeships.Email;
using Apprenticeships.Functions.Tests.Http.Programmes;
using Apprenticeships.Functions.Tests.Security;
using Apprenticeships.Storage.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Functions.Tests.Pages;

/// <summary>Administrators keep the advisor directory on a page, and candidates' emails name their advisor from it.</summary>
[Collection(PagesHub.Name)]
public class AdvisorDirectoryPagesTests(DemoHubFixture hub)
{
    private readonly HttpClient _browser = SignIn.Browser(hub.App);
    private AdvisorStore Advisors => hub.App.Services.GetRequiredService<AdvisorStore>();

    [Fact]
    public async Task An_advisor_added_on_the_page_is_named_in_their_candidates_welcome_email()
    {
        var id = $"adv-{Guid.NewGuid():N}"[..20];
        var refused = await PageForms.PostAsync(_browser, "/advisors", "/advisors", new() { ["id"] = id, ["name"] = "Rhian Evans", ["email"] = "rhian.evans" });
        var refusedPage = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["email"], PageForms.SummaryFields(refusedPage));
        Assert.Contains("value=\"Rhian Evans\"", refusedPage);
        Assert.Null(await Advisors.GetAsync(id));

        var added = await PageForms.PostAsync(_browser, "/advisors", "/advisors", new() { ["id"] = id, ["name"] = "Rhian Evans", ["email"] = "rhian.evans@example.gov.uk" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Rhian Evans is in the directory", await _browser.GetStringAsync(added.Headers.Location!.OriginalString));
        var again = await PageForms.PostAsync(_browser, "/advisors", "/advisors", new() { ["id"] = id, ["name"] = "Someone Else", ["email"] = "else@example.gov.uk" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already in the directory", PageForms.ErrorBeside(await again.Content.ReadAsStringAsync(), "id"));

        var edit = $"/advisors/{id}/edit";
        var blank = await PageForms.PostAsync(_browser, edit, edit, new() { ["name"] = "", ["email"] = "rhian.evans@example.gov.uk" });
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.NotNull(PageForms.ErrorBeside(await blank.Content.ReadAsStringAsync(), "name"));
        Assert.Equal(HttpStatusCode.Redirect, (await PageForms.PostAsync(_browser, edit, edit, new() { ["name"] = "Rhian Evans-Price", ["email"] = "rhian.evans@example.gov.uk" })).StatusCode);
        Assert.Equal("Rhian Evans-Price", (await Advisors.GetAsync(id))!.Name);
        Assert.Equal(HttpStatusCode.NotFound, (await _browser.GetAsync("/advisors/nobody-here/edit")).StatusCode);

        // The enrol page offers the directory's advisors by name, and keeps the signed-in user choosable.
        var enrolPage = await _browser.GetStringAsync("/candidates/new");
        Assert.Contains($"<option value=\"{id}\">Rhian Evans-Price</option>", enrolPage);
        Assert.Matches("<option value=\"[^\"]+\" selected>", enrolPage); // the signed-in user, by name or as "You (…)"

        var email = $"dafydd.{Guid.NewGuid():N}@example.org";
        var enrolled = await hub.Http.PostAsJsonAsync("/api/candidates", new
        {
            givenName = "Dafydd", familyName = "Rees", email, postcode = "WR1 2AB", dateOfBirth = "2003-05-01", source = "Employer", consent = true,
            lawfulBasis = "Public task", advisorId = id,
        });
        Assert.Equal(HttpStatusCode.Created, enrolled.StatusCode);
        var outbox = hub.App.Services.GetRequiredService<PickupDelivery>();
        for (var deadline = DateTime.UtcNow.AddSeconds(60); ; await Task.Delay(200))
        {
            if ((await outbox.ListAsync(200, default)).FirstOrDefault(m => m.To == email) is { } welcome)
            {
                Assert.Contains("by Rhian Evans-Price.", welcome.Text);
                break;
            }
            Assert.True(DateTime.UtcNow < deadline, "No welcome email within 60 s.");
        }
    }
}
