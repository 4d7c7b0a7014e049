using Apprenticeships.Domain.Levy;
using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Levy.Declarations;

namespace Apprenticeships.Domain.Tests.Levy;

internal static class TestData
{
    public static YearMonth M(string text) => YearMonth.Parse(text);
    public static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    public static DateTime At(string text) => DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    public static LevyEmployer Council { get; } = new("council", "Worcestershire County Council", IsLevyPayer: true, IsSme: false);
    public static LevyEmployer CareProvider { get; } = new("care", "Acorn Care Ltd", IsLevyPayer: false, IsSme: true);

    public static Commitment Commitment(decimal price, string start, string end, decimal band = 27_000m, int age = 30,
        bool ehc = false, bool careLeaver = false, string id = "c1", string employer = "council") =>
        new(id, employer, price, band, D(start), D(end), age, ehc, careLeaver);

    public static LevyDeclaration Declaration(string year, int month, decimal ytd, string submitted, string scheme = "123/AB456") =>
        new(scheme, PeriodOf(year, month), ytd, At(submitted));

    public static PayrollPeriod PeriodOf(string year, int month)
    {
        Assert.True(PayrollPeriod.TryParseYear(year, out var start));
        return new PayrollPeriod(start, month);
    }

    public static AccountRecords Records(LevyEmployer employer, IReadOnlyList<LevyDeclaration>? declarations = null,
        IReadOnlyList<CommitmentRecord>? commitments = null, IReadOnlyList<EnglishFraction>? fractions = null,
        IReadOnlyList<Transfer>? transfersOut = null, IReadOnlyList<Transfer>? transfersIn = null) =>
        new(employer, declarations ?? [], fractions ?? [], commitments ?? [], transfersOut ?? [], transfersIn ?? []);
}
