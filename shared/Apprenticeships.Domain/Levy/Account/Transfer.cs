namespace Apprenticeships.Domain.Levy.Account;

/// <summary>Levy funds a levy payer gives another employer, leaving the sender's account in the month of the date.</summary>
public sealed record Transfer(string Id, string SenderId, string ReceiverId, DateOnly Date, decimal Amount)
{
    public YearMonth Month => YearMonth.Of(Date);
}
