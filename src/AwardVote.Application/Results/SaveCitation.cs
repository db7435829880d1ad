using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Application.Results;

/// <summary>
/// The jury's citation for a category's laureate (Latvian required, English optional), and for a correction the note
/// saying publicly why. <c>PublicationId</c> and <c>Version</c> name the announcement being rewritten; both null for a
/// category's first.
/// </summary>
public sealed class SaveCitationInput
{
    public int? PublicationId { get; set; }
    public Guid? Version { get; set; }

    [Required(ErrorMessage = "Enter the citation in Latvian.")]
    [StringLength(SaveCitation.MaxCitationLength, ErrorMessage = "The citation can be at most {1} characters long.")]
    [Display(Name = "Citation in Latvian")]
    public string? Citation { get; set; }

    [StringLength(SaveCitation.MaxCitationLength, ErrorMessage = "The citation can be at most {1} characters long.")]
    [Display(Name = "Citation in English (optional)")]
    public string? CitationEn { get; set; }

    [StringLength(SaveCitation.MaxNoteLength, ErrorMessage = "The note can be at most {1} characters long.")]
    [Display(Name = "Why it is corrected, in Latvian")]
    public string? CorrectionNote { get; set; }

    [StringLength(SaveCitation.MaxNoteLength, ErrorMessage = "The note can be at most {1} characters long.")]
    [Display(Name = "Why it is corrected, in English (optional)")]
    public string? CorrectionNoteEn { get; set; }
}

/// <summary>
/// The panel's chair or an administrator writes or rewrites a category's citation in results review (a new
/// announcement when <c>PublicationId</c> is null), or a correction's after publication. Refused when the final result
/// names no single laureate, and once an announcement is published. Who may is the caller's to check.
/// </summary>
public sealed class SaveCitation(AppDbContext db, ResultStandings standings, AuditLog audit) : IUseCase
{
    public const int MaxCitationLength = 10_000;
    public const int MaxNoteLength = 2000;

    public async Task<Outcome<Publication>> RunAsync(int cycleId, int categoryId, SaveCitationInput input, string userId,
        CancellationToken cancellationToken)
    {
        if (await Announcements.LoadAsync(db, standings, cycleId, categoryId, cancellationToken) is not ({ } cycle, { } view))
            return Announcements.NotFound;
        var publication = input.PublicationId is { } id ? view.History.FirstOrDefault(p => p.Id == id) : null;
        if (input.PublicationId is not null && publication is null)
            return Announcements.NotFound;
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome<Publication>.Refused(invalid);
        // A new announcement while one exists: another tab or person started it first.
        if (publication is null && view.Standing.Pending is not null)
            return Announcements.Stale;
        if (publication is null && view.Standing.Current is not null)
            return Outcome<Publication>.Refused(Announcements.Refusals([new PublicationProblem(PublicationProblemKind.Published, categoryId)], view));

        if (PublicationRules.CheckCitation(cycle.Phase, view.Standing, publication) is { Count: > 0 } problems)
            return Outcome<Publication>.Refused(Announcements.Refusals(problems, view));
        var citation = Announcements.Clean(input.Citation);
        var note = Announcements.Clean(input.CorrectionNote);
        var refusals = new List<Refusal>();
        if (citation is null)
            refusals.Add(PublicationRefusals.Invalid(new PublicationProblem(PublicationProblemKind.NoCitation, categoryId), nameof(input.Citation), _ => view.Category));
        if (publication?.CorrectsPublicationId is not null && note is null)
            refusals.Add(PublicationRefusals.Invalid(new PublicationProblem(PublicationProblemKind.NoCorrectionNote, categoryId), nameof(input.CorrectionNote), _ => view.Category));
        if (refusals.Count > 0)
            return Outcome<Publication>.Refused(refusals);

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
                CitationEn = Announcements.Clean(input.CitationEn),
                CitationByUserId = userId,
            };
            db.Publications.Add(publication);
            audit.Record("publication.citation-written", "Publication", $"{cycle.Id}:{categoryId}:{publication.Sequence}",
                after: Announcements.Snapshot(publication), cycleId: cycle.Id);
        }
        else
        {
            // The version the form read; from here to the save the version token guards it.
            if (input.Version != publication.Version)
                return Announcements.Stale;
            var before = Announcements.Snapshot(publication);
            var changed = publication.Citation != citation || publication.CitationEn != Announcements.Clean(input.CitationEn)
                          || (publication.CorrectsPublicationId is not null
                              && (publication.CorrectionNote != note || publication.CorrectionNoteEn != Announcements.Clean(input.CorrectionNoteEn)));
            publication.Citation = citation!;
            publication.CitationEn = Announcements.Clean(input.CitationEn);
            if (publication.CorrectsPublicationId is not null)
            {
                publication.CorrectionNote = note;
                publication.CorrectionNoteEn = Announcements.Clean(input.CorrectionNoteEn);
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
            audit.Record("publication.citation-changed", "Publication", publication.Id, before, Announcements.Snapshot(publication), cycleId: cycle.Id);
        }
        return await Announcements.SaveAsync(db, publication, cancellationToken);
    }
}
