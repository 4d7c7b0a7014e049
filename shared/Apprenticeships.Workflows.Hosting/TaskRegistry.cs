using DurableTask.Core;
using Apprenticeships.Workflows.Activities;
using Apprenticeships.Workflows.Orchestrations;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;

namespace Apprenticeships.Workflows.Hosting;

/// <summary>
/// The workflow classes, as DurableTask.Core sees them: each orchestration and activity name
/// made into the SDK's shim around a fresh instance of our class. The one list of what the
/// engine runs; issue-free to extend: add the class here.
/// </summary>
public static class TaskRegistry
{
    public static readonly Type[] Orchestrators =
        [typeof(CandidateJourney), typeof(SwapProgramme), typeof(Sustainment), typeof(CohortIntake), typeof(ApprenticeshipTraining), typeof(CandidateAlert),
         typeof(InWorkProgression)];

    public static readonly Type[] Activities =
        [typeof(ReadBusinessClock), typeof(RecordCandidateStage), typeof(SendCandidateEmail), typeof(AlertAdvisor), typeof(GetAcademyPlan),
         typeof(GetCohortPlan), typeof(CheckAttendance), typeof(StartApprenticeship), typeof(EndTraining), typeof(PostReturnFromBreak),
         typeof(SendEmployerEmail)];

    /// <summary>The same classes into the SDK's registry, as Durable Functions takes them (the Functions host).</summary>
    public static DurableTaskRegistry AddTo(DurableTaskRegistry registry)
    {
        foreach (var type in Orchestrators) registry.AddOrchestrator(type.Name, type);
        foreach (var type in Activities) registry.AddActivity(type.Name, type);
        return registry;
    }

    /// <param name="types">Other classes than the app's (bench/ runs its own trivial workflows).</param>
    public static ObjectCreator<TaskOrchestration>[] OrchestrationCreators(IServiceProvider services, DurableTaskShimFactory shims, IEnumerable<Type>? types = null) =>
        [.. (types ?? Orchestrators).Select(type => new Creator<TaskOrchestration>(type.Name,
            () => shims.CreateOrchestration(type.Name, (ITaskOrchestrator)ActivatorUtilities.CreateInstance(services, type))))];

    /// <param name="types">Other classes than the app's (bench/ runs its own trivial activities).</param>
    public static ObjectCreator<TaskActivity>[] ActivityCreators(IServiceProvider services, DurableTaskShimFactory shims, IEnumerable<Type>? types = null) =>
        [.. (types ?? Activities).Select(type => new Creator<TaskActivity>(type.Name,
            () => shims.CreateActivity(type.Name, (ITaskActivity)ActivatorUtilities.CreateInstance(services, type))))];

    private sealed class Creator<T> : ObjectCreator<T>
    {
        private readonly Func<T> _create;

        public Creator(string name, Func<T> create)
        {
            Name = name;
            Version = string.Empty;
            _create = create;
        }

        public override T Create() => _create();
    }
}
