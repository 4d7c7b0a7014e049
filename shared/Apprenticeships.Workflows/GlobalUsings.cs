global using Microsoft.DurableTask;
global using Apprenticeships.Application;
global using Apprenticeships.Application.Attention;
global using Apprenticeships.Application.Programmes;
global using Apprenticeships.Application.Workflows;
global using Apprenticeships.Domain.Candidates;
global using Apprenticeships.Domain.Programmes;
