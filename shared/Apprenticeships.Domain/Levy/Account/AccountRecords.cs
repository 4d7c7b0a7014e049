using Apprenticeships.Domain.Levy.Commitments;
using Apprenticeships.Domain.Levy.Declarations;

namespace Apprenticeships.Domain.Levy.Account;

/// <summary>A commitment with what has happened to it since.</summary>
public sealed record CommitmentRecord(Commitment Commitment, IReadOnlyList<CommitmentEvent> Events);

/// <summary>Everything stored about one employer's levy account; the account is computed from it.</summary>
public sealed record AccountRecords(
    LevyEmployer Employer,
    IReadOnlyList<LevyDeclaration> Declarations,
    IReadOnlyList<EnglishFraction> EnglishFractions,
    IReadOnlyList<CommitmentRecord> Commitments,
    IReadOnlyList<Transfer> TransfersOut,
    IReadOnlyList<Transfer> TransfersIn);
