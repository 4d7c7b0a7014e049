namespace Apprenticeships.Domain.Staff;

/// <summary>
/// A hub advisor as candidates' emails name them. <see cref="Id"/> is their staff id (the id a
/// candidate's <c>AdvisorId</c> holds: their Entra object id, or a demo user's id locally).
/// </summary>
public sealed record Advisor(string Id, string Name, string Email);
