using Apprenticeships.Application.Finance.Models;
using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Storage.Levy;

namespace Apprenticeships.Application.Finance.Commands;

/// <summary>
/// Levy transfers from a levy payer to another employer, within the transfer allowance. The
/// allowance is checked against the sender's account as it was at a version, and the transfer
/// is written only if the account is still at that version; otherwise it is checked again.
/// So concurrent transfers are decided one after another and never spend the allowance twice.
/// </summary>
public sealed class Transfers(LevyEmployerRepository employers, AccountRecordsRepository accounts, LevyTransferRepository transfers, FundingPolicy policy)
{
    // Each round at least one contender writes or is refused, so a handful of rounds settles any
    // realistic burst; past that the caller is told to try again rather than waiting for ever.
    private const int MaxAttempts = 20;

    public async Task<Result<TransferResponse>> MakeAsync(MakeTransfer command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = errors.Id("transferId", command.TransferId, "Transfer id");
        var senderId = errors.Id("senderId", command.SenderId, "Sender id");
        var receiverId = errors.Id("receiverId", command.ReceiverId, "Receiver id");
        if (senderId is not null && senderId == receiverId) errors.Add("receiverId", "An employer cannot transfer to itself.");
        var date = errors.LevyDate("date", command.Date, "Date");
        var amount = errors.Money("amount", command.Amount, "Amount");
        if (errors.Any) return errors.ToProblem();

        if (await employers.FindAsync(senderId!, ct) is null) return Problem.NotFound("senderId", $"No employer '{senderId}'.");
        if (await employers.FindAsync(receiverId!, ct) is null) return Problem.NotFound("receiverId", $"No employer '{receiverId}'.");

        var transfer = new Transfer(id!, senderId!, receiverId!, date!.Value, amount!.Value);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var version = await transfers.AccountVersionAsync(transfer.SenderId, ct);
            if (await DecideAsync(transfer, ct) is { } decided) return decided;
            if (await transfers.AddAsync(transfer, version, ct) == SaveResult.Created) return Result<TransferResponse>.Ok(Response(transfer), created: true);
        }
        return Problem.Conflict("senderId", $"The account of '{transfer.SenderId}' kept changing while the transfer was checked; try again.");
    }

    /// <summary>The answer when the transfer is already stored or does not fit; null when it may be written.</summary>
    private async Task<Result<TransferResponse>?> DecideAsync(Transfer transfer, CancellationToken ct)
    {
        // A re-post is answered from what is stored; checking the allowance again would count the transfer twice.
        if (await transfers.FindAsync(transfer.SenderId, transfer.Id, ct) is { } stored)
        {
            if (stored != transfer) return Problem.Conflict("transferId", $"Transfer '{transfer.Id}' already exists with different details.");
            await transfers.WriteReceiverSideAsync(transfer, ct);
            return Result<TransferResponse>.Ok(Response(transfer));
        }
        var sender = await accounts.LoadAsync(transfer.SenderId, ct);
        if (sender is null) return Problem.NotFound("senderId", $"No employer '{transfer.SenderId}'.");
        if (TransferAllowance.Refusal(sender, transfer, policy) is not { } refusal) return null;
        // More than the whole allowance is a bad request; an amount that would have fitted but for
        // transfers already made clashes with the account's state.
        var fitsWholeAllowance = sender.Employer.IsLevyPayer && transfer.Amount <= TransferAllowance.For(sender, transfer.Date, policy).Allowance;
        return fitsWholeAllowance ? Problem.Conflict("amount", refusal) : Problem.Invalid("amount", refusal);
    }

    private static TransferResponse Response(Transfer t) => new(t.Id, t.SenderId, t.ReceiverId, t.Date, t.Amount);
}
