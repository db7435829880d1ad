using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Cycles;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AwardVote.Infrastructure.Results;

/// <summary>
/// From results review to the announcement, for the pages, the API and <see cref="Jobs.PublishDueJob"/> alike: the
/// citation, its approval, publication now or at a set time, and corrections. Each step checks
/// <see cref="PublicationRules"/> on the server and writes its audit entry in the same SaveChanges. Publishing is safe
/// to run twice and on two nodes: the cycle's and each publication's version tokens let one run commit, and the
/// other finds the results published and changes nothing.
/// </summary>
public sealed class ResultsPublisher(
    AppDbContext db,
    ResultStandings standings,
    ResultsMailer mails,
    AuditLog audit,
    TimeProvider clock,
    ILogger<ResultsPublisher> logger)
{
    public const int MaxCitationLength = 10_000;
    public const int MaxNoteLength = 2000;
    public const string PublishedAction = "cycle.results-published";

    public sealed record CitationInput(int? PublicationId, Guid? Version, string? Citation, string? CitationEn,
        string? CorrectionNote = null, string? CorrectionNoteEn = null);

    /// <summary>What a step did: nothing when <see cref="Problems"/> are given, or when the form was <see cref="Stale"/>.</summary>
    public sealed record Outcome(IReadOnlyList<PublicationProblem> Problems, bool Stale = false, bool NotFound = false, Publication? Publication = null)
    {
        public bool Succeeded => Problems.Count == 0 && !Stale && !NotFound;

        public static Outcome Refused(params PublicationProblem[] problems) => new(problems);
        public static Outcome Refused(IReadOnlyList<PublicationProblem> problems) => new(problems);
        public static readonly Outcome StaleForm = new([], Stale: true);
        public static readonly Outcome Missing = new([], NotFound: true);
    }

    /// <summary>Writes or rewrites a category's citation (a new announcement when <c>PublicationId</c> is null).</summary>
    public async Task<Outcome> SaveCitationAsync(int cycleId, int categoryId, CitationInput input, string userId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(cycleId, categoryId, cancellationToken) is not ({ } cycle, { } view))
            return Outcome.Missing;
        var publication = input.PublicationId is { } id ? view.History.FirstOrDefault(p => p.Id == id) : null;
        if (input.PublicationId is not null && publication is null)
            return Outcome.Missing;
        // A new announcement while one exists: another tab or person started it first.
        if (publication is null && view.Standing.Pending is not null)
            return Outcome.StaleForm;
        if (publication is null && view.Standing.Current is not null)
            return Outcome.Refused(new PublicationProblem(PublicationProblemKind.Published, categoryId));

        var problems = PublicationRules.CheckCitation(cycle.Phase, view.Standing, publication).ToList();
        var citation = Clean(input.Citation);
        var note = Clean(input.CorrectionNote);
        if (problems.Count == 0)
        {
            if (citation is null)
                problems.Add(new PublicationProblem(PublicationProblemKind.NoCitation, categoryId));
            if (publication?.CorrectsPublicationId is not null && note is null)
                problems.Add(new PublicationProblem(PublicationProblemKind.NoCorrectionNote, categoryId));
            if (citation?.Length > MaxCitationLength || input.CitationEn?.Trim().Length > MaxCitationLength
                || note?.Length > MaxNoteLength || input.CorrectionNoteEn?.Trim().Length > MaxNoteLength)
                problems.Add(new PublicationProblem(PublicationProblemKind.TooLong, categoryId));
        }
        if (problems.Count > 0)
            return Outcome.Refused(problems);

        var now = clock.GetUtcNow();
        if (publication is null)
        {
            publication = new Publication
            {
                CycleId = cycle.Id,
                CategoryId = categoryId,
                Sequence = 1,
                RoundResultId = view.FinalResult!.Id,
                LaureateNominationId = view.Standing.LaureateNominationId!.Value,
                Citation = citation!,
                CitationEn = Clean(input.CitationEn),
                CitationByUserId = userId,
            };
            db.Publications.Add(publication);
            audit.Record("publication.citation-written", "Publication", $"{cycle.Id}:{categoryId}:{publication.Sequence}",
                after: Snapshot(publication), cycleId: cycle.Id);
        }
        else
        {
            // The version the form read; from here to the save the version token guards it.
            if (input.Version != publication.Version)
                return Outcome.StaleForm;
            var before = Snapshot(publication);
            var changed = publication.Citation != citation || publication.CitationEn != Clean(input.CitationEn)
                          || (publication.CorrectsPublicationId is not null
                              && (publication.CorrectionNote != note || publication.CorrectionNoteEn != Clean(input.CorrectionNoteEn)));
            publication.Citation = citation!;
            publication.CitationEn = Clean(input.CitationEn);
            if (publication.CorrectsPublicationId is not null)
            {
                publication.CorrectionNote = note;
                publication.CorrectionNoteEn = Clean(input.CorrectionNoteEn);
            }
            publication.CitationByUserId = userId;
            if (view.Standing.LaureateNominationId is { } laureate && view.FinalResult is { } result)
            {
                // The citation is written for the result as it stands now.
                changed |= publication.LaureateNominationId != laureate;
                publication.LaureateNominationId = laureate;
                publication.RoundResultId = result.Id;
            }
            if (changed && publication.IsApproved)
            {
                // An approval covers the text the administrator read: a changed text needs approving again.
                publication.ApprovedAt = null;
                publication.ApprovedByUserId = null;
                publication.ScheduledFor = null;
            }
            publication.Version = Guid.NewGuid();
            audit.Record("publication.citation-changed", "Publication", publication.Id, before, Snapshot(publication), cycleId: cycle.Id);
        }
        return await SaveAsync(publication, now, cancellationToken);
    }

    /// <summary>An administrator approves the citation as written.</summary>
    public async Task<Outcome> ApproveAsync(int publicationId, Guid version, string userId, CancellationToken cancellationToken)
    {
        if (await LoadByPublicationAsync(publicationId, cancellationToken) is not ({ } cycle, { } view, { } publication))
            return Outcome.Missing;
        if (version != publication.Version)
            return Outcome.StaleForm;
        var problems = PublicationRules.CheckApproval(cycle.Phase, view.Standing, publication);
        if (problems.Count > 0)
            return Outcome.Refused(problems);
        var now = clock.GetUtcNow();
        publication.ApprovedAt = now;
        publication.ApprovedByUserId = userId;
        publication.Version = Guid.NewGuid();
        audit.Record("publication.approved", "Publication", publication.Id, after: Snapshot(publication), cycleId: cycle.Id);
        return await SaveAsync(publication, now, cancellationToken);
    }

    /// <summary>
    /// Sets (or with null clears) the time the cycle's approved results go out; <see cref="Jobs.PublishDueJob"/>
    /// publishes them then. Everything must be ready now, so that the job has nothing left to refuse.
    /// </summary>
    public async Task<Outcome> ScheduleAsync(int cycleId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (await standings.CycleAsync(cycleId, cancellationToken) is not { } cycle)
            return Outcome.Missing;
        var views = await standings.LoadAsync(cycle, tracked: true, cancellationToken);
        var now = clock.GetUtcNow();
        var problems = PublicationRules.CheckPublication(cycle.Phase, views.Select(v => v.Standing).ToList()).ToList();
        if (at is { } time)
            problems.AddRange(PublicationRules.CheckSchedule(time, now));
        else
            // Cancelling needs only the cycle to be still in review.
            problems.RemoveAll(p => p.Kind is not (PublicationProblemKind.NotInResultsReview or PublicationProblemKind.AlreadyPublished));
        if (problems.Count > 0)
            return Outcome.Refused(problems);

        var pending = views.Select(v => v.Standing.Pending).OfType<Publication>().ToList();
        // Cancelling what is not scheduled changes nothing, and so records nothing.
        if (at is null && pending.All(p => p.ScheduledFor is null))
            return new Outcome([]);
        var before = pending.Select(p => new { p.Id, p.ScheduledFor }).ToList();
        foreach (var publication in pending)
        {
            publication.ScheduledFor = at?.ToUniversalTime();
            publication.Version = Guid.NewGuid();
        }
        audit.Record(at is null ? "publication.schedule-cancelled" : "publication.scheduled", "Cycle", cycle.Id, before,
            new { ScheduledFor = at?.ToUniversalTime() }, cycleId: cycle.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome.StaleForm;
        }
        return new Outcome([]);
    }

    /// <summary>
    /// Publishes every category's approved announcement, queues the results mails and moves the cycle from results
    /// review to published, in one transaction. A second call (or a second node) finds the cycle published and
    /// changes nothing. With <paramref name="onlyIfDue"/> (the job), only when every announcement's time has come.
    /// </summary>
    public async Task<Outcome> PublishAsync(int cycleId, string? userId, bool onlyIfDue, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (await standings.CycleAsync(cycleId, cancellationToken) is not { } cycle)
            return Outcome.Missing;
        var views = await standings.LoadAsync(cycle, tracked: true, cancellationToken);
        var now = clock.GetUtcNow();
        var problems = PublicationRules.CheckPublication(cycle.Phase, views.Select(v => v.Standing).ToList());
        if (problems.Count > 0)
            return Outcome.Refused(problems);
        var pending = views.Select(v => v.Standing.Pending!).ToList();
        if (onlyIfDue && pending.Any(p => p.ScheduledFor is not { } at || at > now))
            return Outcome.Refused(new PublicationProblem(PublicationProblemKind.NotDue));
        if (PhasePlan.NextStep(cycle) is not { Phase: CyclePhase.Published } step)
            return Outcome.Refused(new PublicationProblem(PublicationProblemKind.NotInResultsReview));

        foreach (var publication in pending)
        {
            publication.PublishedAt = now;
            publication.PublishedByUserId = userId;
            publication.Version = Guid.NewGuid();
            audit.Record("publication.published", "Publication", publication.Id, after: Snapshot(publication), cycleId: cycle.Id);
        }
        var queued = await mails.QueueAsync(cycle, views, cancellationToken);
        bool moved;
        try
        {
            moved = await CycleTransitions.MoveAsync(db, audit, cycle, step, now,
                userId is null ? "The announcement time came" : "Results published", PublishedAction, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run published first: its mails and publications are the ones kept.
            moved = false;
        }
        if (!moved)
        {
            db.ChangeTracker.Clear();
            logger.LogInformation("Cycle {CycleId} was published by another run; nothing to do", cycleId);
            return Outcome.Refused(new PublicationProblem(PublicationProblemKind.AlreadyPublished));
        }
        logger.LogInformation("Published the results of cycle {CycleId}: {Categories} categories, {Mails} mails queued", cycleId, pending.Count, queued);
        return new Outcome([]);
    }

    /// <summary>Starts a correction of a published announcement: a new, linked announcement to write and approve.</summary>
    public async Task<Outcome> StartCorrectionAsync(int publicationId, string userId, CancellationToken cancellationToken)
    {
        if (await LoadByPublicationAsync(publicationId, cancellationToken) is not ({ } cycle, { } view, { } corrected))
            return Outcome.Missing;
        if (view.Standing.Current?.Id != publicationId || view.Standing.Pending is not null)
            return Outcome.StaleForm;
        var correction = new Publication
        {
            CycleId = cycle.Id,
            CategoryId = corrected.CategoryId,
            Sequence = corrected.Sequence + 1,
            CorrectsPublicationId = corrected.Id,
            // The laureate as the result names it now (a later resolution may have changed it); else as announced.
            RoundResultId = view.Standing.LaureateNominationId is null ? corrected.RoundResultId : view.FinalResult?.Id,
            LaureateNominationId = view.Standing.LaureateNominationId ?? corrected.LaureateNominationId,
            Citation = corrected.Citation,
            CitationEn = corrected.CitationEn,
            CitationByUserId = userId,
        };
        db.Publications.Add(correction);
        audit.Record("publication.correction-started", "Publication", corrected.Id, after: Snapshot(correction), cycleId: cycle.Id);
        return await SaveAsync(correction, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>Publishes an approved correction: from now on the public reads it, with a note linking the corrected one.</summary>
    public async Task<Outcome> PublishCorrectionAsync(int publicationId, Guid version, string userId, CancellationToken cancellationToken)
    {
        if (await LoadByPublicationAsync(publicationId, cancellationToken) is not ({ } cycle, { } view, { } correction))
            return Outcome.Missing;
        if (correction.CorrectsPublicationId is null)
            return Outcome.Missing;
        var problems = PublicationRules.CheckCorrection(cycle.Phase, view.Standing, correction);
        if (problems.Count > 0)
            return Outcome.Refused(problems);
        if (version != correction.Version)
            return Outcome.StaleForm;
        var now = clock.GetUtcNow();
        correction.PublishedAt = now;
        correction.PublishedByUserId = userId;
        correction.Version = Guid.NewGuid();
        audit.Record("publication.correction-published", "Publication", correction.Id, after: Snapshot(correction),
            reason: correction.CorrectionNote, cycleId: cycle.Id);
        return await SaveAsync(correction, now, cancellationToken);
    }

    /// <summary>The job's part: publishes each cycle in review whose announcement time has come.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Publications
            .Where(p => p.PublishedAt == null && p.ScheduledFor != null && p.ScheduledFor <= now)
            .Join(db.Cycles.Where(c => c.Phase == CyclePhase.ResultsReview), p => p.CycleId, c => c.Id, (p, c) => c.Id)
            .Distinct()
            .ToListAsync(cancellationToken);
        var published = 0;
        foreach (var cycleId in due)
        {
            if ((await PublishAsync(cycleId, null, onlyIfDue: true, cancellationToken)).Succeeded)
                published++;
        }
        return published;
    }

    private async Task<(AwardCycle, ResultStandings.CategoryView)?> LoadAsync(int cycleId, int categoryId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (await standings.CycleAsync(cycleId, cancellationToken) is not { } cycle)
            return null;
        var view = (await standings.LoadAsync(cycle, tracked: true, cancellationToken)).FirstOrDefault(v => v.Category.Id == categoryId);
        return view is null ? null : (cycle, view);
    }

    private async Task<(AwardCycle, ResultStandings.CategoryView, Publication)?> LoadByPublicationAsync(int publicationId, CancellationToken cancellationToken)
    {
        var key = await db.Publications.AsNoTracking().Where(p => p.Id == publicationId)
            .Select(p => new { p.CycleId, p.CategoryId }).SingleOrDefaultAsync(cancellationToken);
        if (key is null || await LoadAsync(key.CycleId, key.CategoryId, cancellationToken) is not ({ } cycle, { } view))
            return null;
        return (cycle, view, view.History.Single(p => p.Id == publicationId));
    }

    private async Task<Outcome> SaveAsync(Publication publication, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A version token or a unique key: someone else changed or created it first.
            db.ChangeTracker.Clear();
            return Outcome.StaleForm;
        }
        logger.LogDebug("Publication {Id} saved at {Now}", publication.Id, now);
        return new Outcome([], Publication: publication);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static object Snapshot(Publication p) => new
    {
        p.Sequence, p.LaureateNominationId, p.RoundResultId, p.Citation, p.CitationEn, p.CorrectsPublicationId, p.CorrectionNote,
        p.CorrectionNoteEn, p.ApprovedAt, p.ApprovedByUserId, p.ScheduledFor, p.PublishedAt, p.PublishedByUserId,
    };
}
