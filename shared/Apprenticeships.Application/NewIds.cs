using System.Security.Cryptography;

namespace Apprenticeships.Application;

/// <summary>Ids the hub makes itself: random, so they reveal nothing and cannot be guessed from each other.</summary>
public static class NewIds
{
    public static string Candidate() => $"c-{RandomNumberGenerator.GetHexString(10, lowercase: true)}";
    public static string Academy() => $"a-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
    public static string Cohort() => $"k-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
    public static string Employer() => $"e-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
    public static string EmployerSite() => $"s-{RandomNumberGenerator.GetHexString(6, lowercase: true)}";
    public static string EmployerContact() => $"ec-{RandomNumberGenerator.GetHexString(10, lowercase: true)}";
    public static string Vacancy() => $"v-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
    /// <summary>In-work progression records: a member of staff followed, a review, a training opportunity, a pay change.</summary>
    public static string StaffParticipant() => $"ps-{RandomNumberGenerator.GetHexString(10, lowercase: true)}";
    public static string Review() => $"r-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
    public static string Training() => $"t-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
    public static string PayChange() => $"pc-{RandomNumberGenerator.GetHexString(8, lowercase: true)}";
}

/// <summary>One apprenticeship per candidate, so their levy commitment is named after them.</summary>
public static class CommitmentIds
{
    public static string Of(string candidateId) => $"ap-{candidateId}";
}

/// <summary>A placed candidate is followed once, so their progression record is named after them (and found, stopped and erased with them).</summary>
public static class ProgressionIds
{
    public static string Placed(string candidateId) => $"pp-{candidateId}";
}
