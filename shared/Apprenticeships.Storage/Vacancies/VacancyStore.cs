using Apprenticeships.Domain.Vacancies;
using Apprenticeships.Storage.Programmes;

namespace Apprenticeships.Storage.Vacancies;

/// <summary>Employers' vacancies, one document each: a hub has tens or hundreds, read whole and filtered in memory.</summary>
public sealed class VacancyStore(StorageAccount account) : DocumentTable<Vacancy>(account, "Vacancies");
