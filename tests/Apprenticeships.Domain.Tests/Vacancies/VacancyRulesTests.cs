using Apprenticeships.Domain.Candidates;
using Apprenticeships.Domain.Programmes;
using Apprenticeships.Domain.Vacancies;

namespace Apprenticeships.Domain.Tests.Vacancies;

public class VacancyRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    private static readonly Vacancy Care = new("v-1", "emp-1", "Care assistant", "main", 37.5m, new Pay(12.60m, PayPeriod.Hourly),
        ClosingDate: Today, "Adult social care", IsApprenticeship: false, Positions: 1, PostedOn: Today.AddDays(-10));

    private static Candidate Person(CandidateStage stage, string? academyId = null, params string[] interests) => new()
    {
        Id = "c-1", GivenName = "Amira", FamilyName = "Khan", Email = "amira@example.org", Postcode = "WR1 2AB", DateOfBirth = new(2004, 3, 9),
        Source = ReferralSource.JobcentreWorkCoach, LawfulBasis = "Public task", AdvisorId = "advisor-1", EnrolledAt = default,
        Stage = stage, AcademyId = academyId, SectorInterests = new SectorInterests(interests),
    };

    [Fact]
    public void A_vacancy_is_open_on_its_closing_date_and_closed_the_day_after()
    {
        Assert.Equal(VacancyStatus.Open, Care.StatusOn(Today));
        Assert.True(Care.TakesPutForwardsOn(Today));
        Assert.Equal(VacancyStatus.Closed, Care.StatusOn(Today.AddDays(1)));
        Assert.False(Care.TakesPutForwardsOn(Today.AddDays(1)));
        // Filled stays filled whatever the date.
        Assert.Equal(VacancyStatus.Filled, (Care with { Status = VacancyStatus.Filled }).StatusOn(Today.AddDays(5)));
    }

    [Theory]
    [InlineData(null, EmployerDecision.Interview, true)]
    [InlineData(null, EmployerDecision.Offered, true)]
    [InlineData(null, EmployerDecision.NotSelected, true)]
    [InlineData(null, EmployerDecision.OfferAccepted, false)]
    [InlineData(EmployerDecision.Interview, EmployerDecision.Offered, true)]
    [InlineData(EmployerDecision.Interview, EmployerDecision.OfferAccepted, false)]
    [InlineData(EmployerDecision.Offered, EmployerDecision.OfferAccepted, true)]
    [InlineData(EmployerDecision.Offered, EmployerDecision.Interview, false)]
    [InlineData(EmployerDecision.NotSelected, EmployerDecision.Interview, false)]
    [InlineData(EmployerDecision.OfferAccepted, EmployerDecision.NotSelected, false)]
    public void Decisions_follow_in_order_and_the_last_ones_are_final(EmployerDecision? current, EmployerDecision next, bool allowed) =>
        Assert.Equal(allowed, PutForwardRules.Allows(current, next));

    [Fact]
    public void A_match_is_looking_for_work_and_interested_in_the_sector_or_on_the_vacancys_own_academy()
    {
        Assert.True(VacancyMatching.Matches(Person(CandidateStage.Engaged, null, "Retail", " adult SOCIAL care"), Care, []));
        Assert.False(VacancyMatching.Matches(Person(CandidateStage.Engaged, null, "Retail"), Care, []));
        Assert.True(VacancyMatching.Matches(Person(CandidateStage.InSwap, "a-1", "Retail"), Care, ["a-1"]));
        Assert.False(VacancyMatching.Matches(Person(CandidateStage.InSwap, "a-2", "Adult social care"), Care, ["a-1"]));
        foreach (var stage in new[] { CandidateStage.AwaitingInterest, CandidateStage.InWork, CandidateStage.InTraining, CandidateStage.Completed, CandidateStage.Withdrawn })
            Assert.False(VacancyMatching.Matches(Person(stage, null, "Adult social care"), Care, []));
    }

    [Fact]
    public void A_filled_position_came_through_an_academy_built_for_the_vacancy_before_one_merely_for_the_employer()
    {
        var forEmployer = Academy("a-employer", []);
        var forVacancy = Academy("a-vacancy", ["v-1"]);
        Assert.Equal("a-vacancy", VacancyMatching.ViaAcademy(Care, [forEmployer, forVacancy], _ => true)?.Id);
        Assert.Equal("a-employer", VacancyMatching.ViaAcademy(Care, [forEmployer], a => a.Id == "a-employer")?.Id);
        Assert.Null(VacancyMatching.ViaAcademy(Care, [forEmployer], _ => false));
    }

    private static Academy Academy(string id, string[] vacancyIds) => new(id, "Care academy", "Acorn Care", "Adult social care", "prov", "Hall",
        [Today], Today.AddDays(1), Today.AddDays(5), Today.AddDays(7), 450m) { VacancyIds = vacancyIds };
}
