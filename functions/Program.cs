using Apprenticeships.Functions.Hosting;
using Apprenticeships.Functions.Http;
using Apprenticeships.Email;
using Apprenticeships.Functions.Http.Candidates;
using Apprenticeships.Functions.Http.Finance;
using Apprenticeships.Functions.Http.Dev;
using Apprenticeships.Functions.Http.Email;
using Apprenticeships.Functions.Http.Programmes;
using Apprenticeships.Functions.Http.Reports;
using Apprenticeships.Functions.Pages;
using Apprenticeships.Functions.Pages.Assets;
using Apprenticeships.Functions.Pages.SignIn;
using Apprenticeships.Functions.Pages.Candidates;

var builder = WebApplication.CreateBuilder(args);
builder.UseFunctionsPort();
await builder.UseLocalStorageWhenUnconfiguredAsync();

builder.Services.AddProblemDetails();
builder.Services.AddApiDocument();
builder.Services.AddExceptionHandler<Apprenticeships.Functions.Http.StorageUnavailable>();
// Stages, sources and statuses read and write as their names, as people type them; a number (7 or "7")
// is refused, since any number casts to an enum whether or not it names a value.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(allowIntegerValues: false)));
// Money in pounds and pence: 1000.00, never 1000 in one field and 17500.0 in the next.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new MoneyJsonConverter()));
builder.Services.AddApplication(builder.Configuration, builder.Environment.IsDevelopment());
builder.Services.AddEmail(builder.Configuration);
// The workflows run in this process on the Durable Task engine (Azure Storage, or Azurite locally).
builder.Services.AddWorkflowEngine(builder.Configuration);
if (builder.Configuration.GetValue("Schedules:ReferralRecovery", true))
    builder.Services.AddHostedService<Apprenticeships.Functions.Schedules.ReferralRecoverySchedule>();
if (builder.Configuration.GetValue("Schedules:Retention", true))
    builder.Services.AddHostedService<Apprenticeships.Functions.Schedules.RetentionSchedule>();
builder.Services.AddSingleton<Apprenticeships.Functions.Dev.DemoHub>();
builder.Services.AddSingleton<PersonalDataAudit>();
builder.AddStaffSignIn();
builder.Services.AddSignInKeyRing();
builder.Services.AddSingleton(await FrontendAssets.LoadAsync(builder.Environment.ContentRootPath));

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseSecurityHeaders(app.Services.GetRequiredService<EntraOptions>());
app.UseAuthentication();
app.UseAuthorization();
app.UseFormProtection();
app.MapFrontendAssets();
app.MapStaffSignInPages();
app.MapProviderSignInPages();
app.MapPages(app.Environment);
app.MapHealthApi();
app.MapApiDocument();
app.MapFinanceApi();
app.MapEmailApi(app.Environment);
app.MapCandidatesApi();
app.MapCandidateLinkPages();
app.MapAcademiesApi();
app.MapCohortsApi();
app.MapProvidersApi();
app.MapReportsApi();
if (app.Environment.IsDevelopment())
{
    app.MapDevClockApi();
    app.MapDemoApi();
}

app.Run();

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
