using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text;

namespace Apprenticeships.Functions.Pages;

/// <summary>
/// Markup that is already safe to write. Pages build it with <see cref="Of"/>, whose interpolated
/// holes are HTML-encoded unless they are themselves <see cref="Html"/>, so a candidate's name can
/// never become markup by someone forgetting to encode it.
/// </summary>
public readonly record struct Html(string Value)
{
    public static readonly Html Empty = new("");

    public static Html Of(HtmlHandler markup) => markup.ToHtml();

    public static Html Join(IEnumerable<Html> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public static Html When(bool condition, Html markup) => condition ? markup : Empty;

    public override string ToString() => Value;
}

[InterpolatedStringHandler]
public ref struct HtmlHandler
{
    private readonly StringBuilder _text;

    public HtmlHandler(int literalLength, int formattedCount) => _text = new StringBuilder(literalLength + formattedCount * 16);

    public void AppendLiteral(string literal) => _text.Append(literal);

    public void AppendFormatted(Html markup) => _text.Append(markup.Value);

    public void AppendFormatted(IEnumerable<Html> markup)
    {
        foreach (var part in markup) _text.Append(part.Value);
    }

    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public void AppendFormatted<T>(T value, string? format)
    {
        // A List<Html> binds here rather than to the IEnumerable<Html> overload: it is markup too.
        if (value is Html markup) { AppendFormatted(markup); return; }
        if (value is IEnumerable<Html> many) { AppendFormatted(many); return; }
        var text = value switch
        {
            null => "",
            IFormattable f => f.ToString(format, CultureInfo.GetCultureInfo("en-GB")),
            _ => value.ToString() ?? "",
        };
        _text.Append(WebUtility.HtmlEncode(text));
    }

    public readonly Html ToHtml() => new(_text.ToString());
}
