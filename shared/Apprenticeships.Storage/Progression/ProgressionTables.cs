using Apprenticeships.Domain.Progression;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Storage.Progression;

/// <summary>The people in-work progression follows, one document each with their training, pay changes and leaving (ids and facts only).</summary>
public sealed class ParticipantStore(StorageAccount account) : DocumentTable<ProgressionParticipant>(account, "ProgressionParticipants");

/// <summary>Employers' training-needs reviews.</summary>
public sealed class TrainingNeedsReviewStore(StorageAccount account) : DocumentTable<TrainingNeedsReview>(account, "TrainingNeedsReviews");

/// <summary>Employers' headcount returns, by employer and date (one return per employer a day).</summary>
public sealed class HeadcountReturnStore(StorageAccount account) : DocumentTable<HeadcountReturn>(account, "HeadcountReturns");
