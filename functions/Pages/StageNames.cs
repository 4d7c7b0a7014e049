
namespace Apprenticeships.Functions.Pages;

/// <summary>Stages as advisors say them.</summary>
public static class StageNames
{
    public static string Of(CandidateStage stage) => stage.Describe();

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
