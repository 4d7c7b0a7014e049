using Apprenticeships.Application.Finance.Models;
using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Storage.Levy;

namespace Apprenticeships.Application.Finance.Commands;

/// <summary>Levy transfers from a levy payer to another employer, within the transfer allowance.</summary>
public sealed class Transfers(LevyEmployerRepository employers, AccountRecordsRepository accounts, LevyTransferRepository transfers, FundingPolicy policy)
{
    public async Task<Result<TransferResponse>> MakeAsync(MakeTransfer command, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = errors.Id("transferId", command.TransferId, "Transfer id");
        var senderId = errors.Id("senderId", command.SenderId, "Sender id");
        var receiverId = errors.Id("receiverId", command.ReceiverId, "Receiver id");
        if (senderId is not null && senderId == receiverId) errors.Add("receiverId", "An employer cannot transfer to itself.");
        var date = errors.Date("date", command.Date, "Date");
        var amount = errors.Money("amount", command.Amount, "Amount");
        if (errors.Any) return errors.ToProblem();

        var sender = await accounts.LoadAsync(senderId!, ct);
        if (sender is null) return Problem.NotFound("senderId", $"No employer '{senderId}'.");
        if (await employers.FindAsync(receiverId!, ct) is null) return Problem.NotFound("receiverId", $"No employer '{receiverId}'.");

        var transfer = new Transfer(id!, senderId!, receiverId!, date!.Value, amount!.Value);
        var response = new TransferResponse(transfer.Id, transfer.SenderId, transfer.ReceiverId, transfer.Date, transfer.Amount);
        var differs = Problem.Conflict("transferId", $"Transfer '{transfer.Id}' already exists with different details.");
        // A re-post is answered from what is stored; checking the allowance again would count the transfer twice.
        if (await transfers.FindAsync(senderId!, transfer.Id, ct) is { } stored)
        {
            if (stored != transfer) return differs;
            await transfers.AddAsync(transfer, ct);   // completes the receiver's side if a crash left it out
            return Result<TransferResponse>.Ok(response);
        }
        if (TransferAllowance.Refusal(sender, transfer, policy) is { } refusal) return Problem.Invalid("amount", refusal);
        return await transfers.AddAsync(transfer, ct) switch
        {
            SaveResult.Conflict => differs,
            var saved => Result<TransferResponse>.Ok(response, saved == SaveResult.Created),
        };
    }
}
