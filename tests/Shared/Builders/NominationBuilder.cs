using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Tests;

/// <summary>
/// A nomination in a cycle's category: a draft, not reviewed, summed up as "Kopsavilkums", of a new library of its
/// own unless told otherwise. Made now.
/// </summary>
public sealed class NominationBuilder(int cycleId, int categoryId)
{
    private readonly List<Action<Nomination>> _changes = [];
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private int? _libraryId;
    private LibraryBuilder? _library;
    private NominationStatus _status = NominationStatus.Draft;
    private DateTimeOffset? _submittedAt;
    private EligibilityDecision _eligibility = EligibilityDecision.NotReviewed;
    private string? _summary = "Kopsavilkums";
    private string? _achievements;
    private DateTimeOffset? _frozenAt;

    /// <summary>In the cycle's first category (or the one at <paramref name="category"/>, in the statute's order).</summary>
    public NominationBuilder(AwardCycle cycle, int category = 0) : this(cycle.Id, cycle.Categories.OrderBy(c => c.Order).ElementAt(category).Id) { }

    public NominationBuilder Of(int libraryId)
    {
        (_libraryId, _library) = (libraryId, null);
        return this;
    }

    /// <summary>Of a library made with the nomination.</summary>
    public NominationBuilder Of(LibraryBuilder library)
    {
        (_libraryId, _library) = (null, library);
        return this;
    }

    /// <summary>Nominated by another library: waits for the nominee's confirmation.</summary>
    public NominationBuilder NominatedBy(int libraryId) =>
        Status(NominationStatus.AwaitingNomineeConfirmation).With(nomination => nomination.NominatedByLibraryId = libraryId);

    /// <summary>Submitted (at <paramref name="at"/>, or now).</summary>
    public NominationBuilder Submitted(DateTimeOffset? at = null)
    {
        (_status, _submittedAt) = (NominationStatus.Submitted, at ?? _now);
        return this;
    }

    public NominationBuilder Status(NominationStatus status)
    {
        _status = status;
        return this;
    }

    public NominationBuilder Eligible() => Eligibility(EligibilityDecision.Eligible);

    public NominationBuilder Ineligible() => Eligibility(EligibilityDecision.Ineligible);

    public NominationBuilder Eligibility(EligibilityDecision decision)
    {
        _eligibility = decision;
        return this;
    }

    /// <summary>Frozen as nominations closed (at <paramref name="at"/>, or now).</summary>
    public NominationBuilder Frozen(DateTimeOffset? at = null)
    {
        _frozenAt = at ?? _now;
        return this;
    }

    public NominationBuilder Summary(string? summary)
    {
        _summary = summary;
        return this;
    }

    public NominationBuilder Achievements(string? achievements)
    {
        _achievements = achievements;
        return this;
    }

    /// <summary>Any other change, made last.</summary>
    public NominationBuilder With(Action<Nomination> change)
    {
        _changes.Add(change);
        return this;
    }

    public async Task<Nomination> SaveAsync(AppDbContext db)
    {
        var libraryId = _libraryId ?? (await (_library ?? new LibraryBuilder()).SaveAsync(db)).Id;
        var nomination = new Nomination
        {
            CycleId = cycleId, CategoryId = categoryId, LibraryId = libraryId, Status = _status, SubmittedAt = _submittedAt,
            Eligibility = _eligibility, PublicSummary = _summary, Achievements = _achievements, FrozenAt = _frozenAt,
            CreatedAt = _now, UpdatedAt = _now,
        };
        foreach (var change in _changes)
            change(nomination);
        db.Nominations.Add(nomination);
        await db.SaveChangesAsync();
        return nomination;
    }

    public Task<Nomination> CreateAsync(AwardVoteApp app) => app.QueryAsync(SaveAsync);
}
