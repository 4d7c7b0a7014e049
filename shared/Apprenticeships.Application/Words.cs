using System.Globalization;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;

namespace Apprenticeships.Application;

/// <summary>
/// The words advisors read for the codes the API and storage use: "Jobcentre work coach" for
/// <c>JobcentreWorkCoach</c>, "completed successfully" for <c>CompletedSuccessful</c>. Pages,
/// timelines, the attention list and emails take their words from here, so a code name never
/// reaches a person.
/// </summary>
public static class Words
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A date as people write it: 3 March 2027.</summary>
    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", EnGb);

    /// <summary>A date given as "YYYY-MM-DD" text (a stored fact); the text itself if it is not one.</summary>
    public static string Date(string? isoDate) =>
        DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? Date(day) : isoDate ?? "";

    public static string Of(ReferralSource source) => source switch
    {
        ReferralSource.JobcentreWorkCoach => "Jobcentre work coach",
        ReferralSource.NationalCareersService => "National Careers Service",
        ReferralSource.CareLeaverTeam => "Care-leaver team",
        ReferralSource.Employer => "Employer",
        ReferralSource.SelfReferral => "Self-referral",
        _ => source.ToString(),
    };

    /// <summary>How an academy ended, starting with a capital: "Completed successfully".</summary>
    public static string Of(SwapOutcome outcome) => outcome switch
    {
        SwapOutcome.CompletedSuccessful => "Completed successfully",
        SwapOutcome.CompletedUnsuccessful => "Completed, interview unsuccessful",
        SwapOutcome.DidNotComplete => "Did not complete",
        _ => outcome.ToString(),
    };

    /// <summary>A stored outcome code in words; the text itself if it is not a code.</summary>
    public static string OutcomeOf(string? code) =>
        Enum.TryParse<SwapOutcome>(code, out var outcome) && Enum.IsDefined(outcome) ? Of(outcome) : code ?? "";

    /// <summary>What a successful participant was offered, inside a sentence: "a job".</summary>
    public static string Of(SwapOffer offer) => offer switch
    {
        SwapOffer.Job => "a job",
        SwapOffer.Apprenticeship => "an apprenticeship",
        _ => "no offer",
    };

    /// <summary>What a provider confirmed, inside a sentence: "off-the-job hours".</summary>
    public static string Of(ConfirmationKind kind) => kind switch
    {
        ConfirmationKind.Attendance => "attendance",
        ConfirmationKind.Milestone => "a milestone",
        ConfirmationKind.OffTheJobHours => "off-the-job hours",
        ConfirmationKind.Gateway => "the gateway",
        ConfirmationKind.EpaResult => "an end-point assessment result",
        ConfirmationKind.BreakInLearning => "a break in learning",
        ConfirmationKind.ReturnFromBreak => "a return from a break in learning",
        _ => kind.ToString(),
    };

    /// <summary>An end-point assessment grade inside a sentence: "a merit".</summary>
    public static string Of(EpaGrade grade) => grade switch
    {
        EpaGrade.Fail => "a fail",
        EpaGrade.Pass => "a pass",
        EpaGrade.Merit => "a merit",
        EpaGrade.Distinction => "a distinction",
        _ => grade.ToString(),
    };

    /// <summary>A stored grade code in words; the text itself if it is not a grade.</summary>
    public static string GradeOf(string? code) =>
        Enum.TryParse<EpaGrade>(code, out var grade) && Enum.IsDefined(grade) ? Of(grade) : code ?? "";

    /// <summary>The text with its first letter in capitals, for the start of a sentence.</summary>
    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpper(text[0], EnGb) + text[1..];
}
