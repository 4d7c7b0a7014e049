// The namespaces nearly every adapter and workflow file uses: the application's commands, queries,
// results and ports; the workflow messages; the domain's candidates and programmes; the policies
// that guard routes.
global using Apprenticeships.Application;
global using Apprenticeships.Application.Candidates;
global using Apprenticeships.Application.Candidates.Commands;
global using Apprenticeships.Application.Candidates.Queries;
global using Apprenticeships.Application.Finance.Commands;
global using Apprenticeships.Application.Finance.Models;
global using Apprenticeships.Application.Finance.Queries;
global using Apprenticeships.Application.Programmes;
global using Apprenticeships.Application.Programmes.Commands;
global using Apprenticeships.Application.Programmes.Queries;
global using Apprenticeships.Application.Providers.Commands;
global using Apprenticeships.Application.Providers.Queries;
global using Apprenticeships.Application.Reports.Queries;
global using Apprenticeships.Application.Workflows;
global using Apprenticeships.Domain.Candidates;
global using Apprenticeships.Domain.Programmes;
global using Apprenticeships.Workflows;
global using Apprenticeships.Functions.Security;
// What the Web SDK would bring: this project uses the plain SDK, which the Functions worker SDK expects.
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Hosting;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
global using Microsoft.Extensions.Configuration;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Hosting;
global using Microsoft.Extensions.Logging;
global using Apprenticeships.Workflows.Hosting;
