using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using AwardVote.Infrastructure.Security;
using AwardVote.Web.Accounts;
using AwardVote.Web.Localization;
using AwardVote.Web.Nominations;
using AwardVote.Web.Security;
using AwardVote.Application.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Nominations;

/// <summary>The library asks partners for letters of support and sees which arrived.</summary>
[Authorize]
public sealed class EndorsementsModel(
    AppDbContext db,
    NominationEditor editor,
    Outbox outbox,
    AccountMail mail,
    AuditLog audit,
    TimeProvider clock,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(30);

    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public Nomination Nomination { get; private set; } = null!;
    public string? Locked { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public sealed class RequestInput
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

        [Display(Name = "Language of the request")]
        public string Culture { get; set; } = Cultures.Latvian;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostRequestAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        if (Locked is not null)
        {
            ModelState.AddModelError("", Locked);
            return Page();
        }
        if (!ModelState.IsValid)
            return Page();
        var email = Input.Email.Trim();
        if (Nomination.Endorsements.Any(e => string.Equals(e.EndorserEmail, email, StringComparison.OrdinalIgnoreCase) && e.Status != EndorsementStatus.Revoked))
        {
            ModelState.AddModelError("", l["{0} was already asked for a letter for this nomination.", email]);
            return Page();
        }

        var now = clock.GetUtcNow();
        var (token, hash) = OneTimeToken.Create();
        var culture = Cultures.IsSupported(Input.Culture) ? Input.Culture : Cultures.Latvian;
        var endorsement = new Endorsement
        {
            NominationId = Nomination.Id,
            EndorserName = Input.Name.Trim(),
            EndorserEmail = email,
            EndorserTitle = Input.Title?.Trim(),
            Organisation = Input.Organisation?.Trim(),
            Culture = culture,
            TokenHash = hash,
            TokenExpiresAt = now + LinkLifetime,
            RequestedAt = now,
            RequestedByUserId = User.UserId(),
        };
        Nomination.Endorsements.Add(endorsement);
        var cycle = await editor.CycleAsync(Nomination.CycleId, cancellationToken);
        var library = await db.Libraries.Where(x => x.Id == Nomination.LibraryId).Select(x => x.Name).SingleAsync(cancellationToken);
        var requester = User.FindFirst(AppClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? User.Identity!.Name!;
        outbox.Enqueue(new EndorsementRequestMail(endorsement.EndorserName, library, DisplayNames.Pick(cycle.Title, cycle.TitleEn, culture), requester,
                $"{Request.Scheme}://{Request.Host}{Request.PathBase}/Endorse?token={token}&culture={culture}",
                DisplayNames.LocalTime(endorsement.TokenExpiresAt, cycle.TimeZone)),
            email, endorsement.EndorserName, culture, $"{Nomination.Id}:{hash}");
        audit.Record("endorsement.requested", "Nomination", Nomination.Id,
            after: new { endorsement.EndorserName, endorsement.EndorserEmail }, cycleId: Nomination.CycleId);
        await db.SaveChangesAsync(cancellationToken);
        mail.DeliverSoon();
        Message = l["{0} was asked for a letter of support.", endorsement.EndorserName];
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } nomination)
            return NotFound();
        if (!(await authorization.AuthorizeAsync(User, nomination, NominationOperations.Edit)).Succeeded)
            return Forbid();
        Nomination = nomination;
        Locked = editor.WhyLocked(await editor.CycleAsync(nomination.CycleId, cancellationToken), nomination);
        return null;
    }
}
