using System.Globalization;
using System.Security.Cryptography;
using Apprenticeships.Application.Employers.Commands;
using Apprenticeships.Application.Progression.Commands;
using Apprenticeships.Application.Vacancies;
using Apprenticeships.Application.Vacancies.Commands;
using Apprenticeships.Domain.Levy;
using Apprenticeships.Domain.Progression;
using Apprenticeships.Domain.Vacancies;

namespace Apprenticeships.Functions.Dev;

/// <summary>What the demo made, so a newcomer can follow it through the API.</summary>
public sealed record DemoHubCreated(
    string EmployerId, string AcademyId, string CohortId, IReadOnlyList<DemoProvider> Providers,
    IReadOnlyList<DemoCandidate> Candidates, IReadOnlyList<string> Next)
{
    /// <summary>The care provider the academy and the job starts are with, a member of the hub's employer scheme.</summary>
    public string? CareEmployerId { get; init; }
}

public sealed record DemoProvider(string Id, string Name, string ApiKey);

public sealed record DemoCandidate(string Id, string Branch);

/// <summary>
/// Development only: a demo hub built through the same services the API uses — two providers,
/// a levy-paying council with six months of declarations, a care provider in the hub's employer
/// scheme (with a site, a contact, a support session, two vacancies, a training-needs review, a
/// headcount return and a senior carer whose training and pay rise are on record), an academy built
/// around one of its vacancies starting in three days, a cohort starting in four weeks and twenty
/// fictional candidates. Sixteen confirm interest (as if they had clicked their link); twelve of those
/// join the academy, two start jobs at the care provider (one filling its other vacancy straight from
/// the hub, so in-work progression follows both) and two are accepted onto the cohort; four stay
/// silent. Moving the clock then shows every stage.
/// </summary>
public sealed class DemoHub(
    ProviderKeys providerKeys, LevyEmployers employers, EmployerRegistration registration, EmployerContacts contacts, SchemeMembership scheme, AcademyCreation academies, CohortCreation cohorts, CandidateEnrolment enrolment,
    CandidateQueries candidates, CandidateAssignments assignments, IWorkflows workflows, TimeProvider clock,
    VacancyPosting vacancies, PutForwards putForwards, EmployerDecisions decisions,
    TrainingNeedsReviews reviews, ProgressionParticipants progression, ProgressionUpdates updates, HeadcountReturns headcounts)
{
    private static readonly string[] GivenNames = ["Amira", "Ben", "Chloe", "Dev", "Ellie", "Femi", "Grace", "Harry", "Isla", "Jay",
        "Kai", "Lena", "Mo", "Nia", "Owen", "Priya", "Quinn", "Rosa", "Sam", "Tariq"];

    private const int Silent = 4, AcademyMembers = 12, JobStarters = 2;

    public async Task<DemoHubCreated> CreateAsync(CancellationToken ct)
    {
        var tag = RandomNumberGenerator.GetHexString(4, lowercase: true);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var providers = new List<DemoProvider>();
        foreach (var (id, name) in new[] { ($"demo-care-skills-{tag}", "Care Skills Training"), ($"demo-city-college-{tag}", "City College") })
        {
            var (account, key) = (await providerKeys.RegisterAsync(new RegisterProvider(id, name), ct)).Done;
            providers.Add(new DemoProvider(account.Id, account.Name, key));
        }

        var employerId = $"demo-council-{tag}";
        _ = (await employers.AddEmployerAsync(new AddEmployer(employerId, "Demo County Council", IsLevyPayer: true, IsSme: false), ct)).Done;
        // Six months of levy, each declared by the 19th of the next month, so the account has funds when the cohort starts.
        for (var back = 7; back >= 2; back--)
        {
            var period = PayrollPeriod.Of(YearMonth.Of(today).AddMonths(-back));
            var submitted = period.CalendarMonth.AddMonths(1).Day(15).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _ = (await employers.AddDeclarationAsync(employerId, new AddLevyDeclaration("123/DEMO", period.PayrollYear, period.Month, 8_000m * period.Month, submitted), ct)).Done;
        }

        string Day(int days) => today.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // The care provider: one record, which the academy, the job starts and the scheme all refer to.
        var care = (await registration.CreateAsync(new CreateEmployer($"demo-acorn-care-{tag}", "Acorn Care", "Adult care", IsLevyPayer: false, IsSme: true,
            [new SiteFields(null, "Acorn House", "WR1 2AB")]), ct)).Done;
        _ = (await contacts.AddAsync(care.Id, new AddContact("Morgan Demo", "Registered manager", $"morgan.demo.{tag}@example.org", null, IsPrimary: true), ct)).Done;
        _ = (await scheme.JoinAsync(care.Id, new JoinScheme(Day(-60), [nameof(Apprenticeships.Domain.Employers.MemberSupport.RecruitmentSupport),
            nameof(Apprenticeships.Domain.Employers.MemberSupport.RetentionSupport)]), ct)).Done;
        _ = (await scheme.LogSessionAsync(care.Id, new LogSupportSession(Day(-14), "Recruiting for the academy", "amara", null), ct)).Done;
        // Its vacancies: day care assistants, which the academy is built around, and a night post the hub fills directly.
        var site = care.Sites[0].Id;
        var dayPosts = (await vacancies.PostAsync(new PostVacancy(care.Id, "Care assistant (days)", site, 37.5m, 12.60m, PayPeriod.Hourly, Day(28), "Adult care", false, 4), Actor.Hub, ct)).Done;
        var nightPost = (await vacancies.PostAsync(new PostVacancy(care.Id, "Care assistant (nights)", site, 30m, 13.10m, PayPeriod.Hourly, Day(14), "Adult care", false, 1), Actor.Hub, ct)).Done;
        var academy = (await academies.CreateAsync(new CreateAcademy($"demo-academy-{tag}", "Adult Care Academy", care.Id, "Adult care", providers[0].Id, "County Hall",
            [Day(3), Day(4)], Day(7), Day(18), Day(21), CostPerPlace: 450m) { VacancyIds = [dayPosts.Id] }, ct)).Done;
        await ProgressionHistoryAsync(care.Id, Day, ct);
        var cohort = (await cohorts.CreateAsync(new CreateCohort($"demo-cohort-{tag}", "Adult care intake", "Adult care worker (level 2)", employerId, providers[0].Id,
            Day(28), DurationMonths: 12, AgreedPrice: 7_000m, FundingBandMaximum: 7_000m), ct)).Done;

        var people = new List<Candidate>();
        for (var i = 0; i < GivenNames.Length; i++)
        {
            var referral = new EnrolCandidate(GivenNames[i], "Demo", $"{GivenNames[i].ToLowerInvariant()}.demo.{tag}@example.org", "WR1 2AB",
                today.AddYears(-19 - i), ReferralSource.JobcentreWorkCoach, Consent: true, "Public task", "advisor-1");
            people.Add((await enrolment.EnrolAsync(referral, ct)).Done);
        }
        var engaged = people.Skip(Silent).ToList();
        // As a candidate would: answer the welcome email once it has gone.
        await UntilStageAsync(engaged.Select(c => c.Id), CandidateStage.AwaitingInterest, ct);
        foreach (var c in engaged)
            await workflows.AnswerInterestAsync(c.Id, InterestAnswer.Confirmed, "link-confirmed", ct);
        await UntilStageAsync(engaged.Select(c => c.Id), CandidateStage.Engaged, ct);

        var branches = people.Take(Silent).Select(c => new DemoCandidate(c.Id, "silent: no response after 14 days")).ToList();
        foreach (var (c, i) in engaged.Select((c, i) => (c, i)))
        {
            var (assigned, branch) = i switch
            {
                < AcademyMembers => (await assignments.AddToAcademyAsync(academy.Id, new AddMember(c.Id), ct), $"academy {academy.Id}"),
                AcademyMembers => (await FillAsync(nightPost.Id, c.Id, Day(7), ct), $"job starting in 7 days: the night care assistant vacancy at {care.Name}, filled from the hub"),
                < AcademyMembers + JobStarters => (await assignments.RecordJobStartAsync(c.Id, new RecordJobStart(Day(7), care.Id), ct), "job starting in 7 days"),
                _ => (await assignments.AddToCohortAsync(cohort.Id, new AddMember(c.Id), ct), $"cohort {cohort.Id}"),
            };
            _ = assigned.Done;
            branches.Add(new DemoCandidate(c.Id, branch));
        }

        return new DemoHubCreated(employerId, academy.Id, cohort.Id, providers, branches,
        [
            "GET /api/candidates to see everyone's stage; GET /api/dev/outbox for the emails.",
            "POST /api/dev/clock/advance {\"by\":\"P3D\"} for session reminders; {\"by\":\"P15D\"} closes the silent four as NoResponse.",
            $"POST /api/academies/{academy.Id}/outcomes to record interview outcomes; GET /api/academies/{academy.Id} for progress.",
            $"Advance past {cohort.StartDate:yyyy-MM-dd} and the cohort's two candidates are InTraining, with levy commitments.",
            $"GET /api/employers/{care.Id} for the care provider: its site, contact and membership of the employer scheme.",
            $"GET /api/vacancies?employerId={care.Id} for its vacancies; GET /api/vacancies/{dayPosts.Id}/matches for candidates who fit the day posts.",
            $"GET /api/employers/{care.Id}/progression for in-work progression; GET /api/reports/vacancies and /api/reports/progression for the figures.",
        ]) { CareEmployerId = care.Id };
    }

    /// <summary>Puts the candidate forward and records the employer's interview, offer and acceptance: the vacancy is filled and their job starts.</summary>
    private async Task<Result<Candidate>> FillAsync(string vacancyId, string candidateId, string startDate, CancellationToken ct)
    {
        _ = (await putForwards.PutForwardAsync(vacancyId, new PutCandidateForward(candidateId, null), ct)).Done;
        foreach (var decision in new[] { EmployerDecision.Interview, EmployerDecision.Offered, EmployerDecision.OfferAccepted })
            _ = (await decisions.RecordAsync(vacancyId, new RecordDecision(candidateId, decision, null, decision == EmployerDecision.OfferAccepted ? startDate : null), Actor.Hub, ct)).Done;
        return Result<Candidate>.Ok((await candidates.GetAsync(candidateId, ct))!);
    }

    /// <summary>A year of in-work progression at the care provider: its training-needs review, a headcount return, and a senior carer trained and given a pay rise.</summary>
    private async Task ProgressionHistoryAsync(string employerId, Func<int, string> day, CancellationToken ct)
    {
        _ = (await reviews.RecordAsync(employerId, new RecordReview(day(-120), ["Dementia care", "Medication"], "Two senior carers through dementia training this year.", "amara"), ct)).Done;
        _ = (await headcounts.RecordAsync(employerId, new RecordHeadcount(day(-180), 46, 2), ct)).Done;
        _ = (await headcounts.RecordAsync(employerId, new RecordHeadcount(day(-1), 48, 3), ct)).Done;
        var carer = (await progression.AddAsync(employerId, new AddParticipant(ParticipantKind.EmployerStaff, null, "Jo Demo", "Senior carer", day(-90)), ct)).Done;
        var training = (await updates.OfferTrainingAsync(employerId, carer.Id, new OfferTraining("Dementia care (level 3)", day(-60)), ct)).Done;
        _ = (await updates.CompleteTrainingAsync(employerId, carer.Id, training.RecordId!, new CompleteTraining(day(-30)), ct)).Done;
        _ = (await updates.RecordPayChangeAsync(employerId, carer.Id, new RecordPayChange(day(-20), 12.10m, 12.85m, null, null), ct)).Done;
    }

    /// <summary>Assignments need the journey to have recorded the confirmed interest; that takes a moment.</summary>
    private async Task UntilStageAsync(IEnumerable<string> ids, CandidateStage stage, CancellationToken ct)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(TimeSpan.FromSeconds(60));
        foreach (var id in ids)
        {
            while ((await candidates.GetAsync(id, patience.Token))?.Stage != stage)
                await Task.Delay(TimeSpan.FromMilliseconds(100), patience.Token);
        }
    }
}
