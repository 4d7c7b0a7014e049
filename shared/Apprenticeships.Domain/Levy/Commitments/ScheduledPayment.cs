namespace Apprenticeships.Domain.Levy.Commitments;

public enum PaymentKind
{
    Instalment,
    Balancing,
    Completion,
}

/// <summary>
/// A payment to the provider: earned in one month, paid (and debited from the levy
/// account) in the next. <see cref="Number"/> counts instalments from 1; 0 for the others.
/// </summary>
public sealed record ScheduledPayment(PaymentKind Kind, int Number, YearMonth EarnedMonth, YearMonth PaidMonth, decimal Amount);
