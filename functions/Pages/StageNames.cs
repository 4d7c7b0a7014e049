using Apprenticeships.Domain.Candidates;

namespace Apprenticeships.Functions.Pages;

/// <summary>Stages as advisors say them.</summary>
public static class StageNames
{
    public static string Of(CandidateStage stage) => stage switch
    {
        CandidateStage.Referred => "Referred",
        CandidateStage.AwaitingInterest => "Awaiting interest",
        CandidateStage.Engaged => "Engaged",
        CandidateStage.InSwap => "On an academy",
        CandidateStage.InWork => "In work",
        CandidateStage.AwaitingCohort => "Awaiting cohort",
        CandidateStage.InTraining => "In training",
        CandidateStage.Completed => "Completed",
        CandidateStage.NoResponse => "No response",
        CandidateStage.Withdrawn => "Withdrawn",
        _ => stage.ToString(),
    };

    public static Html Tag(CandidateStage stage)
    {
        var colour = stage switch
        {
            CandidateStage.Completed => "govuk-tag--green",
            CandidateStage.NoResponse or CandidateStage.Withdrawn => "govuk-tag--grey",
            CandidateStage.Engaged => "govuk-tag--yellow",
            CandidateStage.InTraining or CandidateStage.InWork => "govuk-tag--turquoise",
            _ => "govuk-tag--blue",
        };
        return Html.Of($"<strong class=\"govuk-tag {colour}\">{Of(stage)}</strong>");
    }

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
