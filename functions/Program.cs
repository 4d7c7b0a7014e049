using Apprenticeships.Functions.Hosting;
using Apprenticeships.Functions.Http;
using Apprenticeships.Functions.Email;
using Apprenticeships.Functions.Http.Dev;
using Apprenticeships.Functions.Http.Email;
using Apprenticeships.Storage;

var builder = WebApplication.CreateBuilder(args);
builder.UseFunctionsPort();
await builder.UseLocalStorageWhenUnconfiguredAsync();

builder.Services.AddProblemDetails();
builder.Services.AddStorageAccount(builder.Configuration);
builder.AddWorkflow();
builder.Services.AddLevy();
builder.Services.AddEmail(builder.Configuration);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapHealthApi();
app.MapFinanceApi();
app.MapEmailApi(app.Environment);
if (app.Environment.IsDevelopment())
{
    app.MapDevClockApi();
}

app.Run();

/// <summary>Entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
