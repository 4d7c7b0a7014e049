// Namespaces nearly every adapter and workflow file uses: the application's results and ports,
// the workflow messages, and the domain's candidates and programmes.
global using Apprenticeships.Application;
global using Apprenticeships.Application.Workflows;
global using Apprenticeships.Domain.Candidates;
global using Apprenticeships.Domain.Programmes;
global using Apprenticeships.Functions.Models;
