namespace AwardVote.Application;

/// <summary>What kind of "no" a refusal is. The API answers with the status each names; a page shows the message.</summary>
public enum RefusalKind
{
    /// <summary>The input itself is wrong: missing, too long, not one of its values (400, with the field it is about).</summary>
    Invalid,

    /// <summary>This person may not do this (403).</summary>
    Forbidden,

    /// <summary>There is no such thing, or nothing this person may know of (404).</summary>
    NotFound,

    /// <summary>The input is fine, but what is saved now does not allow it: a deadline passed, a change meanwhile (409).</summary>
    Conflict,
}

/// <summary>
/// Why a use case said no: a reason code, never a sentence. Web words it in the person's language
/// (<c>AwardVote.Web.Localization.RefusalText</c>), so a page and the API refusing the same input say the same.
/// </summary>
/// <param name="Field">The input field the refusal is about (as the input record names it, e.g. <c>Partners[2].Name</c>), or null.</param>
/// <param name="Args">Values the wording puts in the sentence: numbers, names, <see cref="ZonedTime"/>s.</param>
public sealed record Refusal(RefusalCode Code, RefusalKind Kind, string? Field, IReadOnlyList<object> Args)
{
    public static readonly Refusal NotFound = new(RefusalCode.NotFound, RefusalKind.NotFound, null, []);
    public static readonly Refusal Forbidden = new(RefusalCode.Forbidden, RefusalKind.Forbidden, null, []);

    public static Refusal Invalid(string field, RefusalCode code, params object[] args) => new(code, RefusalKind.Invalid, field, args);

    public static Refusal Conflict(RefusalCode code, params object[] args) => new(code, RefusalKind.Conflict, null, args);

    /// <summary>A refusal that is about a state, with a field on the form to show it beside.</summary>
    public static Refusal ConflictOn(string field, RefusalCode code, params object[] args) => new(code, RefusalKind.Conflict, field, args);
}

/// <summary>A moment as the cycle's statute reads it: the wording shows it in the cycle's time zone.</summary>
public sealed record ZonedTime(DateTimeOffset At, string TimeZone);

/// <summary>
/// What a use case answers: done, or refused with one or more reasons (nothing was saved). The one result type of
/// every use case, so pages, the API and jobs read every answer the same way.
/// </summary>
public class Outcome
{
    private protected Outcome(IReadOnlyList<Refusal> refusals) => Refusals = refusals;

    public static readonly Outcome Done = new([]);

    public IReadOnlyList<Refusal> Refusals { get; }

    public bool Succeeded => Refusals.Count == 0;

    /// <summary>The refusal that decides the answer's kind: a 404 or 403 hides the rest.</summary>
    public Refusal? FirstRefusal =>
        Refusals.FirstOrDefault(r => r.Kind == RefusalKind.NotFound)
        ?? Refusals.FirstOrDefault(r => r.Kind == RefusalKind.Forbidden)
        ?? Refusals.FirstOrDefault();

    public bool Is(RefusalKind kind) => FirstRefusal?.Kind == kind;

    public bool Is(RefusalCode code) => Refusals.Any(r => r.Code == code);

    public static Outcome Refused(IEnumerable<Refusal> refusals) => new(refusals.ToList());

    public static Outcome<T> Of<T>(T value) => new(value, []);

    public static implicit operator Outcome(Refusal refusal) => new([refusal]);
}

/// <summary>An <see cref="Outcome"/> that carries what was made or changed when it succeeded.</summary>
public sealed class Outcome<T> : Outcome
{
    internal Outcome(T? value, IReadOnlyList<Refusal> refusals) : base(refusals) => Value = value;

    /// <summary>Set when <see cref="Outcome.Succeeded"/>.</summary>
    public T? Value { get; }

    public static new Outcome<T> Refused(IEnumerable<Refusal> refusals) => new(default, refusals.ToList());

    public static implicit operator Outcome<T>(T value) => new(value, []);

    public static implicit operator Outcome<T>(Refusal refusal) => new(default, [refusal]);
}
