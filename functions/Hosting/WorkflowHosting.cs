using Apprenticeships.Durable;
using Apprenticeships.Functions.Activities;
using Apprenticeships.Functions.Orchestrations;

namespace Apprenticeships.Functions.Hosting;

public static class WorkflowHosting
{
    /// <summary>
    /// The durable runtime with the app's orchestrations and activities, behind the application's
    /// workflow port. In Development the runtime clock is an <see cref="AdjustableClock"/> that
    /// /api/dev/clock/advance moves on, so months of a pipeline can be watched in a minute.
    /// Standalone, the worker polls the queues and timers in-process; as a Functions custom handler
    /// it waits for the host's triggers.
    /// </summary>
    public static WebApplicationBuilder AddWorkflow(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            var clock = new AdjustableClock();
            builder.Services.AddSingleton(clock);
            builder.Services.AddSingleton<TimeProvider>(clock);
        }
        builder.Services.AddSingleton<IWorkflows, DurableWorkflows>();
        builder.Services.AddDurableRuntime(options =>
        {
            options.TaskHub = builder.Configuration["Durable:TaskHub"] ?? options.TaskHub;
            // Under the Functions host its queue and timer triggers drive the worker (see Triggers/).
            options.StartWorker = !CustomHandler.IsEnabled(builder.Configuration);
            options.AddOrchestrator<CandidateJourney>().AddOrchestrator<SwapProgramme>().AddOrchestrator<Sustainment>()
                .AddOrchestrator<CohortIntake>().AddOrchestrator<ApprenticeshipTraining>()
                .AddActivity<RecordCandidateStage>().AddActivity<SendCandidateEmail>().AddActivity<AlertAdvisor>()
                .AddActivity<GetAcademyPlan>().AddActivity<GetCohortPlan>().AddActivity<CheckAttendance>()
                .AddActivity<StartApprenticeship>().AddActivity<EndTraining>();
        });
        return builder;
    }
}
