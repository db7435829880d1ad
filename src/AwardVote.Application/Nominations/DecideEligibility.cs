using AwardVote.Domain.Libraries;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using AwardVote.Application.Libraries;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Nominations;

/// <summary>The administrator's screening decision on one nomination.</summary>
public sealed class DecideEligibilityInput
{
    [Display(Name = "Decision")]
    [JsonConverter(typeof(JsonStringEnumConverter<EligibilityDecision>))]
    public EligibilityDecision Outcome { get; set; }

    [StringLength(2000, ErrorMessage = "The reason can be at most {1} characters long.")]
    [Display(Name = "Reason")]
    public string? Reason { get; set; }
}

/// <summary>
/// Eligibility screening: the administrator passes or fails a submitted nomination against the statute's rules while
/// nominations are open or under review. A failure needs a reason; the library's representatives read it on their
/// page and receive it by mail, committed with the decision and its audit entry.
/// </summary>
public sealed class DecideEligibility(AppDbContext db, AuditLog audit, Outbox outbox, MailSoon mail, PublicLinks links,
    TimeProvider clock) : IUseCase
{
    public async Task<Outcome<Nomination>> RunAsync(int nominationId, string deciderUserId, DecideEligibilityInput input,
        CancellationToken cancellationToken)
    {
        if (await db.Nominations.SingleOrDefaultAsync(n => n.Id == nominationId, cancellationToken) is not { } nomination)
            return Refusal.NotFound;
        var cycle = await db.Cycles.AsNoTracking().SingleAsync(c => c.Id == nomination.CycleId, cancellationToken);
        var refusals = new List<Refusal>(InputRules.Check(input));
        if (input.Outcome == EligibilityDecision.NotReviewed)
            refusals.Add(Refusal.Invalid(nameof(input.Outcome), RefusalCode.EligibilityOutcomeMissing));
        if (input.Outcome == EligibilityDecision.Ineligible && string.IsNullOrWhiteSpace(input.Reason))
            refusals.Add(Refusal.Invalid(nameof(input.Reason), RefusalCode.EligibilityReasonMissing));
        if (nomination.Status != NominationStatus.Submitted)
            refusals.Add(Refusal.Conflict(RefusalCode.OnlySubmittedAreScreened));
        if (cycle.Phase is not (CyclePhase.NominationsOpen or CyclePhase.EligibilityReview))
            refusals.Add(Refusal.Conflict(RefusalCode.EligibilityNotNow));
        if (refusals.Count > 0)
            return Outcome<Nomination>.Refused(refusals);

        var before = new { nomination.Eligibility, nomination.EligibilityReason };
        nomination.Eligibility = input.Outcome;
        nomination.EligibilityReason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        nomination.EligibilityDecidedAt = clock.GetUtcNow();
        nomination.EligibilityDecidedByUserId = deciderUserId;
        nomination.Version = Guid.NewGuid();
        audit.Record("nomination.eligibility-decided", "Nomination", nomination.Id, before,
            new { nomination.Eligibility, nomination.EligibilityReason }, nomination.EligibilityReason, nomination.CycleId);

        var library = await db.Libraries.AsNoTracking().SingleAsync(x => x.Id == nomination.LibraryId, cancellationToken);
        var link = links.To("/Nominations");
        foreach (var contact in await LibraryContacts.RepresentativesAsync(db, nomination.LibraryId, cancellationToken))
        {
            outbox.Enqueue(new EligibilityDecisionMail(contact.Name, LibraryName.Of(library), MailTexts.Pick(cycle.Title, cycle.TitleEn, contact.Culture),
                    nomination.Eligibility == EligibilityDecision.Eligible, nomination.EligibilityReason, link),
                contact.Email, contact.Name, contact.Culture,
                // A changed decision is told again; the same decision once.
                $"{nomination.Id}:{nomination.EligibilityDecidedAt.Value.UtcTicks}:{contact.UserId}");
        }
        await db.SaveChangesAsync(cancellationToken);
        mail.DeliverSoon();
        return nomination;
    }
}
