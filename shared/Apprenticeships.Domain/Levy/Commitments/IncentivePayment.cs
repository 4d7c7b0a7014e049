namespace Apprenticeships.Domain.Levy.Commitments;

public enum IncentivePayee
{
    Employer,
    Provider,
}

public enum IncentiveStatus
{
    /// <summary>Due on the date shown (or already paid if that date has passed).</summary>
    Payable,
    /// <summary>Falls after the planned end date, so it is never paid.</summary>
    AfterPlannedEnd,
    /// <summary>The apprentice left before it fell due.</summary>
    Withdrawn,
    /// <summary>The apprentice is on a break in learning; it waits for the return.</summary>
    OnBreak,
}

/// <summary>One part of an incentive payment, paid by the government (not from the levy account).</summary>
public sealed record IncentivePayment(IncentivePayee Payee, int Part, DateOnly DueDate, decimal Amount, IncentiveStatus Status);
