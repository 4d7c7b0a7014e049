using Apprenticeships.Application.Progression;
using Apprenticeships.Application.Progression.Commands;
using Apprenticeships.Application.Progression.Queries;
using Apprenticeships.Storage.Progression;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Application.Attention;
using Apprenticeships.Application.Candidates;
using Apprenticeships.Application.Clock;
using Apprenticeships.Application.Employers.Commands;
using Apprenticeships.Application.Employers.Queries;
using Apprenticeships.Application.Candidates.Commands;
using Apprenticeships.Application.Candidates.Queries;
using Apprenticeships.Application.Finance.Commands;
using Apprenticeships.Application.Finance.Queries;
using Apprenticeships.Application.Programmes;
using Apprenticeships.Application.Programmes.Commands;
using Apprenticeships.Application.Programmes.Queries;
using Apprenticeships.Application.Providers.Commands;
using Apprenticeships.Application.Providers.Queries;
using Apprenticeships.Application.Reports.Queries;
using Apprenticeships.Application.Settings;
using Apprenticeships.Application.Staff.Commands;
using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Storage;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Clock;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;
using Apprenticeships.Storage.Staff;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

// In the DI namespace so the composition root registers the application with one line.
namespace Microsoft.Extensions.DependencyInjection;

public static class ApplicationServiceCollectionExtensions
{
    /// <summary>
    /// Every command and query, the stores they use, the funding policy and the hub's settings.
    /// The workflow port (<see cref="Apprenticeships.Application.Workflows.IWorkflows"/>) is the host's to register.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services, IConfiguration configuration, bool isDevelopment)
    {
        if (isDevelopment)
        {
            // Development's business clock: real time plus a stored offset the demo moves on.
            services.AddSingleton(sp => new ClockOffsetTable(sp.GetRequiredService<StorageAccount>(), configuration["Durable:TaskHub"] ?? "apprenticeships"));
            services.TryAddSingleton<TimeProvider>(sp => new BusinessClock(sp.GetRequiredService<ClockOffsetTable>()));
        }
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AdvanceBusinessClock>();
        services.TryAddSingleton(FundingPolicy.England);
        services.AddStorageAccount(configuration);
        services.AddLevyStorage();
        services.AddHubSettings(configuration, isDevelopment);
        services.AddSingleton<CandidateStore>().AddSingleton<CandidateTimeline>().AddSingleton<ProgrammeRecords>()
            .AddSingleton<ErasureRegister>().AddSingleton<Apprenticeships.Storage.Audit.AuditLog>()
            .AddSingleton<ICandidateDataHolder>(sp => sp.GetRequiredService<CandidateTimeline>())
            .AddSingleton<ICandidateDataHolder>(sp => sp.GetRequiredService<ProgrammeRecords>())
            .AddSingleton<AttentionItems>().AddSingleton<ICandidateDataHolder>(sp => sp.GetRequiredService<AttentionItems>())
            .AddSingleton<AcademyStore>().AddSingleton<EmployerStore>().AddSingleton<EmployerContactStore>().AddSingleton<CohortStore>().AddSingleton<ProviderStore>().AddSingleton<AdvisorStore>();
        services.AddSingleton<AdvisorDirectory>();

        services.AddSingleton<CandidateLinks>().AddSingleton<EnrolmentIds>().AddSingleton<CandidateEnrolment>().AddSingleton<CandidateWithdrawal>()
            .AddSingleton<CandidateAssignments>().AddSingleton<SustainmentAnswers>().AddSingleton<CandidateLinkAnswers>()
            .AddSingleton<CandidateQueries>().AddSingleton<JobProgressQuery>().AddSingleton<PipelineAttention>().AddSingleton<JourneyRetry>().AddSingleton<ReferralRecovery>().AddSingleton<CandidateErasure>().AddSingleton<CandidateRetention>();
        services.AddSingleton(configuration.GetValue<int?>("Retention:ClosedCandidateDays") is { } days
            ? new RetentionPolicy(TimeSpan.FromDays(days))
            : RetentionPolicy.Default);
        services.AddSingleton<AcademyCreation>().AddSingleton<CohortCreation>().AddSingleton<AcademyEditing>().AddSingleton<CohortEditing>().AddSingleton<AcademyAttendance>()
            .AddSingleton<AcademyOutcomes>().AddSingleton<ProgrammeQueries>().AddSingleton<ProgrammeNames>();
        services.AddSingleton<AttentionAlerts>();
        services.AddSingleton<ProviderKeys>().AddSingleton<ProviderConfirmations>().AddSingleton<ProviderLearners>();
        services.AddSingleton<LevyEmployers>().AddSingleton<Commitments>().AddSingleton<Transfers>()
            .AddSingleton<CommitmentSchedules>().AddSingleton<LevyAccounts>().AddSingleton<FinanceRecords>().AddSingleton<PolicyInForce>();
        services.AddSingleton<OutcomeFiguresQuery>();
        services.AddSingleton<MembershipStore>().AddSingleton<EmployerRegistration>().AddSingleton<EmployerContacts>().AddSingleton<SchemeMembership>().AddSingleton<EmployerQueries>();
        services.AddSingleton<Apprenticeships.Storage.Vacancies.VacancyStore>().AddSingleton<Apprenticeships.Storage.Vacancies.PutForwardStore>()
            .AddSingleton<ICandidateDataHolder>(sp => sp.GetRequiredService<Apprenticeships.Storage.Vacancies.PutForwardStore>())
            .AddSingleton<EmployerPortalAccounts>();
        services.AddSingleton<Apprenticeships.Application.Vacancies.Commands.VacancyPosting>().AddSingleton<Apprenticeships.Application.Vacancies.Commands.PutForwards>()
            .AddSingleton<Apprenticeships.Application.Vacancies.Commands.EmployerDecisions>().AddSingleton<Apprenticeships.Application.Vacancies.Commands.AcademyVacancies>()
            .AddSingleton<Apprenticeships.Application.Vacancies.Queries.VacancyQueries>().AddSingleton<Apprenticeships.Application.Vacancies.Queries.VacancyReportQuery>().AddSingleton<CandidateInterests>()
            .AddSingleton<Apprenticeships.Application.Employers.Commands.EmployerPortalKeys>();
        services.AddSingleton<ParticipantStore>().AddSingleton<StaffMemberStore>().AddSingleton<TrainingNeedsReviewStore>().AddSingleton<HeadcountReturnStore>()
            .AddSingleton<ProgressionInput>().AddSingleton<TrainingNeedsReviews>().AddSingleton<ProgressionParticipants>().AddSingleton<ProgressionUpdates>()
            .AddSingleton<StaffMemberErasure>().AddSingleton<HeadcountReturns>().AddSingleton<ProgressionQueries>().AddSingleton<ProgressionReportQuery>();
        return services;
    }
}
