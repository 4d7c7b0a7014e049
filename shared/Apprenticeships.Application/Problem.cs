using Apprenticeships.Storage.Levy;

namespace Apprenticeships.Application;

/// <summary>Why a command or query did not go ahead. Adapters map it: to a status code, or to a form's messages.</summary>
public enum ProblemKind
{
    /// <summary>The input breaks a rule; nothing was changed.</summary>
    Invalid,
    /// <summary>Something the input names does not exist.</summary>
    NotFound,
    /// <summary>The input contradicts what is already recorded, or the candidate is not at a stage that allows it.</summary>
    Conflict,
    /// <summary>The caller may not act on what the input names.</summary>
    Forbidden,
}

/// <summary>A refusal, with messages by field name, so the API and a form name the same field.</summary>
public sealed record Problem(ProblemKind Kind, IReadOnlyDictionary<string, string[]> Errors)
{
    public static Problem Invalid(IReadOnlyDictionary<string, string[]> errors) => new(ProblemKind.Invalid, errors);
    public static Problem Invalid(string field, string message) => Of(ProblemKind.Invalid, field, message);
    public static Problem NotFound(string field, string message) => Of(ProblemKind.NotFound, field, message);
    public static Problem Conflict(string field, string message) => Of(ProblemKind.Conflict, field, message);
    public static Problem Forbidden(string field, string message) => Of(ProblemKind.Forbidden, field, message);

    /// <summary>The first message: a whole sentence for a problem's detail.</summary>
    public string Detail => Errors.Values.SelectMany(m => m).FirstOrDefault() ?? Kind.ToString();

    /// <summary>The errors as a form shows them.</summary>
    public Dictionary<string, string[]> ToDictionary() => Errors.ToDictionary(e => e.Key, e => e.Value);

    private static Problem Of(ProblemKind kind, string field, string message) => new(kind, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>
/// What a command or query gives back: its value, or the <see cref="Problem"/> that stopped it.
/// <see cref="Created"/> tells a first recording from a repeat of one already recorded.
/// </summary>
public sealed class Result<T>
{
    private Result(T? value, Problem? problem, bool created) => (Value, Problem, Created) = (value, problem, created);

    public T? Value { get; }
    public Problem? Problem { get; }
    public bool Created { get; }
    public bool Succeeded => Problem is null;

    public static Result<T> Ok(T value, bool created = false) => new(value, null, created);

    public static implicit operator Result<T>(Problem problem) => new(default, problem, false);

    /// <summary>The value, for callers that have checked <see cref="Succeeded"/>.</summary>
    public T Done => Problem is null ? Value! : throw new InvalidOperationException($"The command was refused: {Problem.Detail}");
}

/// <summary>What a command recorded, and whether it was new (Created) or already there (Unchanged).</summary>
public sealed record Recorded<T>(T Value, SaveResult Status)
{
    /// <summary>How the API says it: "Recorded" the first time, "AlreadyRecorded" for a repeat.</summary>
    public string Said => Status == SaveResult.Created ? "Recorded" : "AlreadyRecorded";
}
