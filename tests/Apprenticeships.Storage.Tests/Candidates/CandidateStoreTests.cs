using Apprenticeships.Domain.Candidates;
using Apprenticeships.Storage.Candidates;
using Apprenticeships.Testing;

namespace Apprenticeships.Storage.Tests.Candidates;

public class CandidateStoreTests
{
    private static Candidate NewCandidate(string family) => Candidate.Enrol(LocalAzurite.UniqueName("cand"),
        new Referral("Sam", family, $"sam.{family.ToLowerInvariant()}@example.org", "B1 1AA", new DateOnly(2000, 1, 1),
            ReferralSource.SelfReferral, true, "Consent", "advisor-2"), DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_candidate_round_trips_and_an_id_cannot_be_enrolled_twice()
    {
        var store = new CandidateStore(await LocalAzurite.AccountAsync());
        var candidate = NewCandidate("Round" + Guid.NewGuid().ToString("N")[..6]);

        Assert.True(await store.AddAsync(candidate));
        Assert.False(await store.AddAsync(candidate with { GivenName = "Other" }));

        Assert.Equal(candidate, await store.GetAsync(candidate.Id));
    }

    [Fact]
    public async Task Moving_stage_records_when_and_a_closed_candidate_stays_closed()
    {
        var store = new CandidateStore(await LocalAzurite.AccountAsync());
        var candidate = NewCandidate("Mover");
        await store.AddAsync(candidate);
        var at = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

        await store.MoveToAsync(candidate.Id, CandidateStage.Withdrawn, at, "moved away");
        var after = await store.MoveToAsync(candidate.Id, CandidateStage.InSwap, at.AddDays(1));

        Assert.Equal(CandidateStage.Withdrawn, after!.Stage);
        Assert.Equal(at, after.StageChangedAt);
        Assert.Equal("moved away", after.WithdrawalReason);
    }

    [Fact]
    public async Task Listing_filters_by_stage_and_searches_name_email_and_postcode()
    {
        var store = new CandidateStore(await LocalAzurite.AccountAsync());
        var unique = "Zed" + Guid.NewGuid().ToString("N")[..6];
        var first = NewCandidate(unique);
        var second = NewCandidate(unique + "x");
        await store.AddAsync(first);
        await store.AddAsync(second);
        await store.MoveToAsync(second.Id, CandidateStage.NoResponse, DateTimeOffset.UtcNow);

        var bySearch = await store.ListAsync(null, unique.ToUpperInvariant());
        var closed = await store.ListAsync(CandidateStage.NoResponse, unique);

        Assert.Equal([first.Id, second.Id], bySearch.Select(c => c.Id));
        Assert.Equal(second.Id, Assert.Single(closed).Id);
    }
}
