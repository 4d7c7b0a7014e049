using Apprenticeships.Domain.Levy.Account;

namespace Apprenticeships.Storage.Levy;

/// <summary>Reads everything an employer's account is computed from.</summary>
public sealed class AccountRecordsRepository(
    LevyEmployerRepository employers,
    LevyDeclarationRepository declarations,
    EnglishFractionRepository fractions,
    CommitmentRepository commitments,
    LevyTransferRepository transfers)
{
    /// <summary>Null when the employer is unknown.</summary>
    public async Task<AccountRecords?> LoadAsync(string employerId, CancellationToken cancellationToken = default)
    {
        var employer = await employers.FindAsync(employerId, cancellationToken);
        if (employer is null) return null;
        var declared = declarations.ListAsync(employerId, cancellationToken);
        var english = fractions.ListAsync(employerId, cancellationToken);
        var committed = commitments.ListByEmployerAsync(employerId, cancellationToken);
        var moved = transfers.ListAsync(employerId, cancellationToken);
        var (transfersOut, transfersIn) = await moved;
        return new AccountRecords(employer, await declared, await english, await committed, transfersOut, transfersIn);
    }
}
