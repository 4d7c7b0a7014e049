using Apprenticeships.Domain.Vacancies;

namespace Apprenticeships.Application.Vacancies;

/// <summary>
/// Who is acting on vacancies: hub staff (every employer's), or an employer signed in to their
/// portal, who sees only their own. Another employer's vacancy is answered as not found, so the
/// portal does not even reveal that it exists.
/// </summary>
public sealed record Actor(DecisionSource Source, string? EmployerId)
{
    public static readonly Actor Hub = new(DecisionSource.Hub, null);

    public static Actor Employer(string employerId) => new(DecisionSource.Employer, employerId);

    public bool CanSee(Vacancy vacancy) => EmployerId is null || vacancy.EmployerId == EmployerId;
}
