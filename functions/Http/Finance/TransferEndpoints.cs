using Apprenticeships.Domain.Levy.Account;
using Apprenticeships.Domain.Levy.Policy;
using Apprenticeships.Functions.Http.Finance.Models;
using Apprenticeships.Storage.Levy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Apprenticeships.Functions.Http.Finance;

/// <summary>Levy transfers from a levy payer to another employer, within the transfer allowance.</summary>
public static class TransferEndpoints
{
    public static async Task<Results<Created<TransferResponse>, Ok<TransferResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        JsonBody<TransferRequest> body, LevyEmployerRepository employers, AccountRecordsRepository accounts, LevyTransferRepository transfers,
        FundingPolicy policy, CancellationToken cancellationToken)
    {
        if (!body.TryGet(out var request, out var unreadable)) return TypedResults.ValidationProblem(unreadable);
        var errors = new FieldErrors();
        var id = errors.Id("transferId", request.TransferId, "Transfer id");
        var senderId = errors.Id("senderId", request.SenderId, "Sender id");
        var receiverId = errors.Id("receiverId", request.ReceiverId, "Receiver id");
        if (senderId is not null && senderId == receiverId) errors.Add("receiverId", "An employer cannot transfer to itself.");
        var date = errors.Date("date", request.Date, "Date");
        var amount = errors.Required("amount", request.Amount, "Amount");
        if (amount <= 0) errors.Add("amount", "Amount must be more than zero.");
        if (amount is { } a && decimal.Round(a, 2) != a) errors.Add("amount", "Amount must be in pounds and pence.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var sender = await accounts.LoadAsync(senderId!, cancellationToken);
        if (sender is null) return ProblemResults.NotFound("senderId", $"No employer '{senderId}'.");
        if (await employers.FindAsync(receiverId!, cancellationToken) is null) return ProblemResults.NotFound("receiverId", $"No employer '{receiverId}'.");

        var transfer = new Transfer(id!, senderId!, receiverId!, date!.Value, amount!.Value);
        var response = new TransferResponse(transfer.Id, transfer.SenderId, transfer.ReceiverId, transfer.Date, transfer.Amount);
        // A re-post is answered from what is stored; checking the allowance again would count the transfer twice.
        if (await transfers.FindAsync(senderId!, transfer.Id, cancellationToken) is { } stored)
        {
            if (stored != transfer) return ProblemResults.Conflict("transferId", $"Transfer '{transfer.Id}' already exists with different details.");
            await transfers.AddAsync(transfer, cancellationToken);   // completes the receiver's side if a crash left it out
            return TypedResults.Ok(response);
        }
        if (TransferAllowance.Refusal(sender, transfer, policy) is { } refusal)
        {
            errors.Add("amount", refusal);
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }
        return await transfers.AddAsync(transfer, cancellationToken) switch
        {
            SaveResult.Conflict => ProblemResults.Conflict("transferId", $"Transfer '{transfer.Id}' already exists with different details."),
            SaveResult.Unchanged => TypedResults.Ok(response),
            _ => TypedResults.Created($"/api/finance/employers/{transfer.SenderId}/account", response),
        };
    }
}
