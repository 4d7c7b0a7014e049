using System.Net;
using System.Text.RegularExpressions;

namespace Apprenticeships.Email;

/// <summary>A template named in code or data does not exist, or needs a value it was not given.</summary>
public sealed class EmailTemplateException(string message) : Exception(message);

/// <summary>
/// The email templates shipped in the assembly (Email/Templates/*.txt: subject line, then text,
/// then HTML, separated by lines of "---"), rendered with {{placeholder}} values. A few lines of
/// regex rather than a template engine: the templates need substitution only, and every value
/// must be HTML-encoded in the HTML body.
/// </summary>
public sealed partial class EmailTemplates
{
    private readonly Dictionary<string, (string Subject, string Text, string Html)> _templates = new(StringComparer.Ordinal);
    private readonly string _layout;

    [GeneratedRegex(@"\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}")]
    private static partial Regex Placeholder();

    public EmailTemplates()
    {
        var assembly = typeof(EmailTemplates).Assembly;
        string Read(string resource)
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            return reader.ReadToEnd().Replace("\r\n", "\n");
        }
        _layout = Read("EmailTemplates/_layout.html");
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("EmailTemplates/") && n.EndsWith(".txt")))
        {
            var parts = Read(resource).Split("\n---\n");
            var subject = parts[0].StartsWith("Subject: ") ? parts[0]["Subject: ".Length..].Trim() : throw new EmailTemplateException($"{resource} has no subject line.");
            _templates[resource["EmailTemplates/".Length..^".txt".Length]] = (subject, parts[1].Trim(), parts[2].Trim());
        }
    }

    public IReadOnlyCollection<string> Names => _templates.Keys;

    /// <summary>Placeholders a template uses, for callers that assemble its values.</summary>
    public IReadOnlySet<string> FieldsOf(string name)
    {
        var (subject, text, html) = Get(name);
        return Placeholder().Matches(subject + text + html).Select(m => m.Groups[1].Value).ToHashSet();
    }

    public RenderedEmail Render(string name, IReadOnlyDictionary<string, string> model)
    {
        var (subject, text, html) = Get(name);
        var renderedSubject = Fill(name, subject, model, encode: false);
        var body = Fill(name, html, model, encode: true);
        var page = _layout.Replace("{{subject}}", WebUtility.HtmlEncode(renderedSubject)).Replace("{{content}}", body);
        return new RenderedEmail(renderedSubject, Fill(name, text, model, encode: false), page);
    }

    private (string Subject, string Text, string Html) Get(string name) =>
        _templates.TryGetValue(name, out var t) ? t : throw new EmailTemplateException($"There is no email template '{name}'.");

    private static string Fill(string template, string source, IReadOnlyDictionary<string, string> model, bool encode) =>
        Placeholder().Replace(source, m =>
        {
            var field = m.Groups[1].Value;
            if (!model.TryGetValue(field, out var value))
                throw new EmailTemplateException($"Email template '{template}' needs a value for '{field}', and none was given.");
            return encode ? WebUtility.HtmlEncode(value) : value;
        });
}
