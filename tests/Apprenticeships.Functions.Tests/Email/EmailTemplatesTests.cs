using System.Text.RegularExpressions;
using Apprenticeships.Email;

namespace Apprenticeships.Functions.Tests.Email;

public class EmailTemplatesTests
{
    private static readonly EmailTemplates Templates = new();

    public static TheoryData<string> AllTemplates() => new(Templates.Names.Order());

    [Fact]
    public void Every_message_the_hub_sends_has_a_template()
    {
        Assert.Equal(
            ["advisor-alert", "cohort-start", "completion", "confirm-interest-nudge", "finance-expiry-warning", "interview-reminder",
             "outcome", "placement-check-in", "progress-review", "progression-check", "progression-employer", "session-reminder", "sustainment-check", "welcome", "what-next"],
            Templates.Names.Order());
    }

    [Theory]
    [MemberData(nameof(AllTemplates))]
    public void Each_template_renders_subject_text_and_accessible_html_with_nothing_left_unfilled(string name)
    {
        var model = Templates.FieldsOf(name).ToDictionary(f => f, f => f.EndsWith("Link") ? $"https://hub.example/{f}" : $"sample {f}");

        var email = Templates.Render(name, model);

        Assert.False(string.IsNullOrWhiteSpace(email.Subject));
        Assert.False(string.IsNullOrWhiteSpace(email.Text));
        Assert.DoesNotContain("{{", email.Subject + email.Text + email.Html);
        Assert.Contains("<html lang=\"en\">", email.Html);
        Assert.DoesNotContain("<table", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", email.Html, StringComparison.OrdinalIgnoreCase);
        foreach (Match link in Regex.Matches(email.Html, "<a [^>]*>(.*?)</a>", RegexOptions.Singleline))
        {
            var text = link.Groups[1].Value.Trim();
            Assert.False(string.IsNullOrEmpty(text), $"{name}: a link has no text");
            Assert.DoesNotContain(text.ToLowerInvariant(), new[] { "here", "click here", "link", "this link" });
        }
    }

    [Fact]
    public void A_missing_value_fails_the_render_naming_the_template_and_field()
    {
        var error = Assert.Throws<EmailTemplateException>(() => Templates.Render("welcome", new Dictionary<string, string> { ["firstName"] = "Amira", ["hubName"] = "Worcester Works" }));

        Assert.Contains("'welcome'", error.Message);
        Assert.Contains("'advisorName'", error.Message);
    }

    [Fact]
    public void Values_are_html_encoded_in_the_html_body_but_not_in_the_text()
    {
        var model = Templates.FieldsOf("outcome").ToDictionary(f => f, f => "x");
        model["firstName"] = "<script>alert(1)</script>";

        var email = Templates.Render("outcome", model);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", email.Html);
        Assert.DoesNotContain("<script>", email.Html);
        Assert.Contains("<script>alert(1)</script>", email.Text);
    }
}
