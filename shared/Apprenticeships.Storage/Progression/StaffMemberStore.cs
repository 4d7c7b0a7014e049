using Apprenticeships.Domain.Progression;
using Apprenticeships.Storage.Employers;

namespace Apprenticeships.Storage.Progression;

/// <summary>
/// Member employers' staff followed by in-work progression (partition = employer id, row =
/// participant id): their name and job title, the only personal data progression holds, kept
/// apart from the participant's record so erasure deletes the row and leaves the facts.
/// </summary>
public sealed class StaffMemberStore(StorageAccount account) : PeopleAtEmployerTable<StaffMember>(account, "ProgressionStaff")
{
    protected override (string EmployerId, string Id) KeyOf(StaffMember member) => (member.EmployerId, member.ParticipantId);
}
