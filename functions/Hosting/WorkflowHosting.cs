using Apprenticeships.Durable;

namespace Apprenticeships.Functions.Hosting;

public static class WorkflowHosting
{
    /// <summary>
    /// The durable runtime with the app's orchestrations and activities. In Development the
    /// runtime clock is an <see cref="AdjustableClock"/> that /api/dev/clock/advance moves on,
    /// so months of a pipeline can be watched in a minute.
    /// </summary>
    public static WebApplicationBuilder AddWorkflow(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            var clock = new AdjustableClock();
            builder.Services.AddSingleton(clock);
            builder.Services.AddSingleton<TimeProvider>(clock);
        }
        builder.Services.AddDurableRuntime(options =>
        {
            options.TaskHub = builder.Configuration["Durable:TaskHub"] ?? options.TaskHub;
        });
        return builder;
    }
}
