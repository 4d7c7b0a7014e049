using Apprenticeships.Application.Workflows;
using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Storage;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Storage.Employers;
using Apprenticeships.Storage.Levy;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Application.Tests;

/// <summary>
/// Stores over a storage account nobody listens on, and workflows that record every signal: a
/// command that refuses its input must do so before touching either, so these tests prove both
/// the message and that nothing changed.
/// </summary>
internal sealed class Unreachable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    // A port with nothing behind it: any call fails fast rather than waiting for a timeout.
    private static readonly StorageAccount Account = StorageAccount.FromConnectionString(
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:9/a;QueueEndpoint=http://127.0.0.1:9/a;TableEndpoint=http://127.0.0.1:9/a;");

    public FixedClock Clock { get; } = new(Now);

    public Apprenticeships.Application.Candidates.Commands.EnrolmentIds EnrolmentIds { get; } =
        new(Microsoft.Extensions.Options.Options.Create(new Apprenticeships.Application.Settings.LinkOptions { SigningKey = Apprenticeships.Application.Settings.LinkOptions.DevelopmentKey }));
    public RecordingWorkflows Workflows { get; } = new();
    public FundingPolicy Policy { get; } = FundingPolicy.England;
    public CandidateStore Candidates { get; } = new(Account);
    public CandidateTimeline Timeline { get; } = new(Account);
    public AttentionItems Attention { get; } = new(Account);
    public ProgrammeRecords Records { get; } = new(Account);
    public AcademyStore Academies { get; } = new(Account);
    public CohortStore Cohorts { get; } = new(Account);
    public ProviderStore Providers { get; } = new(Account);
    public Apprenticeships.Storage.Vacancies.VacancyStore Vacancies { get; } = new(Account);
    public Apprenticeships.Application.Vacancies.Commands.AcademyVacancies AcademyVacancies => new(Vacancies);
    public Apprenticeships.Storage.Staff.AdvisorStore Advisors { get; } = new(Account);
    public EmployerStore EmployerRecords { get; } = new(Account);
    public MembershipStore Memberships { get; } = new(Account);
    public EmployerContactStore Contacts { get; } = new(Account);
    public Apprenticeships.Storage.Audit.AuditLog Audit { get; } = new(Account);
    public Programmes.ProgrammeNames Names => new(Academies, Cohorts, Providers, EmployerRecords);
    public Apprenticeships.Storage.Progression.ParticipantStore Participants { get; } = new(Account);
    public Progression.Commands.ProgressionParticipants Progression =>
        new(new Progression.ProgressionInput(EmployerRecords, Participants, Clock), Participants, new(Account), Candidates, Records, EmployerRecords, Workflows);
    public LevyTables LevyTables { get; } = new(Account);

    public LevyEmployerRepository Employers => new(EmployerRecords, LevyTables);
    public CommitmentRepository Commitments => new(LevyTables);
    public LevyDeclarationRepository Declarations => new(LevyTables);
    public LevyTransferRepository Transfers => new(LevyTables);
    public AccountRecordsRepository Accounts => new(Employers, Declarations, new EnglishFractionRepository(LevyTables), Commitments, Transfers);
}

internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

internal sealed class RecordingWorkflows : IWorkflows
{
    public List<string> Calls { get; } = [];

    private Task<SignalResult> Record(string call)
    {
        Calls.Add(call);
        return Task.FromResult(SignalResult.Delivered);
    }

    public async Task<bool> StartJourneyAsync(string candidateId, CancellationToken ct)
    {
        await Record($"start {candidateId}");
        return true;
    }
    public Task<SignalResult> AssignAsync(string candidateId, Assignment assignment, string reference, CancellationToken ct) => Record($"assign {candidateId}");
    public Task<SignalResult> AnswerInterestAsync(string candidateId, InterestAnswer answer, string reference, CancellationToken ct) => Record($"interest {candidateId}");
    public Task<SignalResult> RecordSwapOutcomeAsync(string candidateId, string academyId, SwapResult result, string reference, CancellationToken ct) => Record($"outcome {candidateId}");
    public Task<SignalResult> AnswerSustainmentAsync(string candidateId, SustainmentAnswer answer, string reference, CancellationToken ct) => Record($"sustainment {candidateId}");
    public Task<SignalResult> ConfirmTrainingAsync(string candidateId, TrainingConfirmation confirmation, string reference, CancellationToken ct) => Record($"confirm {candidateId}");
    public Task<bool> IsRunningAsync(string instance, CancellationToken ct) => Task.FromResult(true);
    public Task AlertAdvisorAsync(string candidateId, Apprenticeships.Application.Attention.AttentionKind kind, string reason, string reference, CancellationToken ct) => Record($"alert {candidateId} {reference}");
    public async Task<bool> StartProgressionAsync(ProgressionStart start, CancellationToken ct)
    {
        await Record($"progression {start.ParticipantId}");
        return true;
    }
    public Task<SignalResult> TellProgressionAsync(string participantId, ProgressionNews news, string reference, CancellationToken ct) => Record($"progression news {participantId}");
    public Task StopAllAsync(string candidateId, string? academyId, string reason, CancellationToken ct) => Record($"stop {candidateId}");
    public Task<WorkflowView?> JourneyAsync(string candidateId, CancellationToken ct) => Task.FromResult<WorkflowView?>(null);
    public Task BusinessClockMovedAsync(TimeSpan offset, CancellationToken ct) => Record($"clock {offset}");
    public Task<SignalResult> RetryJourneyAsync(string candidateId, string reason, CancellationToken ct) => Record($"retry {candidateId}");
}

internal static class Refusals
{
    /// <summary>Asserts the result is an invalid-input refusal naming exactly these fields.</summary>
    public static void AssertInvalid<T>(Result<T> result, params string[] fields)
    {
        Assert.False(result.Succeeded, "The command should have been refused.");
        Assert.Equal(ProblemKind.Invalid, result.Problem!.Kind);
        Assert.Equal(fields.Order(), result.Problem.Errors.Keys.Order());
        Assert.All(result.Problem.Errors.Values.SelectMany(m => m), m => Assert.False(string.IsNullOrWhiteSpace(m)));
    }
}
