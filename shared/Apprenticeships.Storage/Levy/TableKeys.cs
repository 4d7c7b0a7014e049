using System.Globalization;
using System.Text;

namespace Apprenticeships.Storage.Levy;

/// <summary>
/// Table keys may not contain '/', '\', '#', '?' or control characters, but PAYE scheme
/// references look like "123/AB456". Escaping them as "~HH" keeps keys deterministic and
/// readable; '~' itself is escaped so two different values can never share a key.
/// </summary>
public static class TableKeys
{
    public static string Escape(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '/' or '\\' or '#' or '?' or '~' || char.IsControl(c))
                builder.Append('~').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            else
                builder.Append(c);
        }
        return builder.ToString();
    }

    public static string Money(decimal amount) => amount.ToString(CultureInfo.InvariantCulture);

    public static decimal ParseMoney(string? text) => decimal.Parse(text ?? "0", NumberStyles.Number, CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string? text) => DateOnly.ParseExact(text ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
