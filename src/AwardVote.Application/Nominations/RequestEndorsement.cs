using AwardVote.Domain.Libraries;
using System.ComponentModel.DataAnnotations;
using AwardVote.Application.Validation;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using AwardVote.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Nominations;

/// <summary>Who is asked for a letter of support, and in which language the request goes.</summary>
public sealed class RequestEndorsementInput
{
    [Required(ErrorMessage = "Enter the name.")]
    [StringLength(200, ErrorMessage = "The name is too long.")]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter the e-mail address.")]
    [MailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(320, ErrorMessage = "The e-mail address is too long.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [StringLength(300, ErrorMessage = "The position is too long.")]
    [Display(Name = "Position")]
    public string? Title { get; set; }

    [StringLength(300, ErrorMessage = "The organisation is too long.")]
    [Display(Name = "Organisation")]
    public string? Organisation { get; set; }

    /// <summary>"lv" or "en"; anything else is taken as Latvian.</summary>
    [Display(Name = "Language of the request")]
    public string Culture { get; set; } = Languages.Latvian;
}

/// <summary>
/// The nominee's representative asks someone for a letter of support until the deadline: a one-time link by e-mail,
/// valid for <see cref="LinkLifetime"/>, that the endorser opens without an account. One open request per address.
/// </summary>
public sealed class RequestEndorsement(AppDbContext db, LoadNomination load, AuditLog audit, Outbox outbox, MailSoon mail,
    PublicLinks links, TimeProvider clock) : IUseCase
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(30);

    public async Task<Outcome<Endorsement>> RunAsync(int nominationId, string requesterUserId, RequestEndorsementInput input,
        CancellationToken cancellationToken)
    {
        if (await load.RunAsync(nominationId, cancellationToken) is not { } nomination)
            return Refusal.NotFound;
        var cycle = await NominationLock.CycleAsync(db, nomination.CycleId, cancellationToken);
        if (NominationLock.WhyLocked(cycle, nomination, clock.GetUtcNow()) is { } locked)
            return locked;
        if (await LibraryStanding.WhyNotSubmitAsync(db, nomination.LibraryId, cancellationToken) is { } notYet)
            return notYet;
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome<Endorsement>.Refused(invalid);
        var email = input.Email.Trim();
        if (nomination.Endorsements.Any(e => string.Equals(e.EndorserEmail, email, StringComparison.OrdinalIgnoreCase) && e.Status != EndorsementStatus.Revoked))
            return Refusal.Invalid(nameof(input.Email), RefusalCode.EndorserAlreadyAsked, email);

        var now = clock.GetUtcNow();
        var (token, hash) = OneTimeToken.Create();
        var culture = input.Culture is Languages.Latvian or Languages.English ? input.Culture : Languages.Latvian;
        var endorsement = new Endorsement
        {
            NominationId = nomination.Id,
            EndorserName = input.Name.Trim(),
            EndorserEmail = email,
            EndorserTitle = input.Title?.Trim(),
            Organisation = input.Organisation?.Trim(),
            Culture = culture,
            TokenHash = hash,
            TokenExpiresAt = now + LinkLifetime,
            RequestedAt = now,
            RequestedByUserId = requesterUserId,
        };
        nomination.Endorsements.Add(endorsement);
        var library = LibraryName.Of(await db.Libraries.AsNoTracking().SingleAsync(x => x.Id == nomination.LibraryId, cancellationToken));
        var requester = await db.Users.Where(u => u.Id == requesterUserId).Select(u => u.DisplayName == "" ? u.UserName : u.DisplayName)
            .SingleOrDefaultAsync(cancellationToken) ?? "";
        outbox.Enqueue(new EndorsementRequestMail(endorsement.EndorserName, library, MailTexts.Pick(cycle.Title, cycle.TitleEn, culture), requester,
                links.To($"/Endorse?token={token}&culture={culture}"),
                MailTexts.Deadline(endorsement.TokenExpiresAt, cycle.TimeZone, culture)),
            email, endorsement.EndorserName, culture, $"{nomination.Id}:{hash}");
        audit.Record("endorsement.requested", "Nomination", nomination.Id,
            after: new { endorsement.EndorserName, endorsement.EndorserEmail }, cycleId: nomination.CycleId);
        await db.SaveChangesAsync(cancellationToken);
        mail.DeliverSoon();
        return endorsement;
    }
}
