using System.Security.Cryptography;
using Apprenticeships.Domain.Candidates;
using Apprenticeships.Durable.Client;
using Apprenticeships.Functions.Orchestrations;
using Apprenticeships.Storage.Candidates;

namespace Apprenticeships.Functions.Candidates;

/// <summary>
/// Enrols a validated referral: the candidate row first, then their journey, which starts with
/// the welcome email. The journey is given the id only; personal data stays in the row.
/// </summary>
public sealed class CandidateEnrolment(CandidateStore candidates, DurableTaskClient workflows, TimeProvider clock)
{
    public async Task<Candidate> EnrolAsync(Referral referral, CancellationToken ct)
    {
        var candidate = Candidate.Enrol($"c-{RandomNumberGenerator.GetHexString(10, lowercase: true)}", referral, clock.GetUtcNow());
        await candidates.AddAsync(candidate, ct);
        await workflows.ScheduleNewOrchestrationInstanceAsync(nameof(CandidateJourney), candidate.Id, Instances.Journey(candidate.Id), ct);
        return candidate;
    }
}
