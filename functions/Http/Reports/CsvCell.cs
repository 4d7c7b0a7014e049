using System.Globalization;

namespace Apprenticeships.Functions.Http.Reports;

/// <summary>How every report's CSV writes a cell, so a spreadsheet reads them all alike.</summary>
public static class CsvCell
{
    /// <summary>Quotes a field with commas, quotes or line breaks, and defuses a leading =, +, - or @ so a spreadsheet does not run it.</summary>
    public static string Quote(string text)
    {
        if (text.Length > 0 && "=+-@".Contains(text[0])) text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
    }

    /// <summary>Money in pounds and pence (1000.00), as in the JSON; empty for none.</summary>
    public static string Money(decimal? amount) => amount?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";

    public static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
