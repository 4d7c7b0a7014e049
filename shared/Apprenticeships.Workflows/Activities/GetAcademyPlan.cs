using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Workflows.Activities;

/// <summary>An academy's dates, read once when a participant starts, so the workflow's timers follow them.</summary>
public sealed class GetAcademyPlan(AcademyStore academies) : TaskActivity<string, AcademyPlan>
{
    public override async Task<AcademyPlan> RunAsync(TaskActivityContext context, string academyId)
    {
        var academy = await academies.GetAsync(academyId) ?? throw new InvalidOperationException($"No academy '{academyId}'.");
        return new AcademyPlan(academy.Sessions, academy.PlacementStart, academy.PlacementEnd, academy.InterviewDate);
    }
}
