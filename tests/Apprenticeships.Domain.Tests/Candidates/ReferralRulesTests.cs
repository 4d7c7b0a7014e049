using Apprenticeships.Domain.Candidates;

namespace Apprenticeships.Domain.Tests.Candidates;

public class ReferralRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static Referral Valid() => new("Amira", "Khan", "amira.khan@example.org", "wr1 2ab", new DateOnly(2004, 3, 9),
        ReferralSource.JobcentreWorkCoach, Consent: true, LawfulBasis: "Public task", AdvisorId: "advisor-1");

    [Fact]
    public void A_complete_referral_passes_and_enrols_with_a_tidy_postcode()
    {
        Assert.Empty(ReferralRules.Validate(Valid(), Today));

        var candidate = Candidate.Enrol("cand-1", Valid(), DateTimeOffset.UnixEpoch);
        Assert.Equal("WR1 2AB", candidate.Postcode);
        Assert.Equal(CandidateStage.Referred, candidate.Stage);
    }

    [Theory]
    [InlineData("email", "not-an-email")]
    [InlineData("email", "amira@localhost")]
    [InlineData("postcode", "12345")]
    [InlineData("postcode", "")]
    [InlineData("givenName", " ")]
    public void A_bad_field_is_named_in_the_errors(string field, string value)
    {
        var referral = field switch
        {
            "email" => Valid() with { Email = value },
            "postcode" => Valid() with { Postcode = value },
            _ => Valid() with { GivenName = value },
        };

        var errors = ReferralRules.Validate(referral, Today);

        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Consent_lawful_basis_source_and_advisor_are_required()
    {
        var errors = ReferralRules.Validate(Valid() with { Consent = false, LawfulBasis = null, Source = null, AdvisorId = "" }, Today);

        Assert.Equal(["advisorId", "consent", "lawfulBasis", "source"], errors.Keys.Order());
    }

    [Theory]
    [InlineData(2010, 11, 23, false)] // 15 the day before their 16th birthday
    [InlineData(2010, 11, 22, true)]  // 16 today
    [InlineData(2027, 1, 1, false)]   // in the future
    [InlineData(1900, 1, 1, false)]   // implausible
    public void Candidates_must_be_sixteen_or_over(int year, int month, int day, bool accepted)
    {
        var errors = ReferralRules.Validate(Valid() with { DateOfBirth = new DateOnly(year, month, day) }, Today);

        Assert.Equal(accepted, !errors.ContainsKey("dateOfBirth"));
    }
}
