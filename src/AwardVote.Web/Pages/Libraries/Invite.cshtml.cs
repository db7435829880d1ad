using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using AwardVote.Infrastructure.Security;
using AwardVote.Web.Accounts;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using AwardVote.Web.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Libraries;

/// <summary>
/// A representative of an approved library, or an administrator, invites a colleague to represent the library:
/// a one-time link by e-mail, valid for <see cref="ValidDays"/> days.
/// </summary>
[Authorize]
public sealed class InviteModel(
    AppDbContext db,
    IAuthorizationService authorization,
    AuditLog audit,
    Outbox outbox,
    AccountMail mail,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int ValidDays = 14;

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Sent { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Library Library { get; private set; } = null!;
    public List<InvitationRow> Invitations { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public sealed record InvitationRow(string Email, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the colleague's name.")]
        [StringLength(200, ErrorMessage = "The name is too long.")]
        [Display(Name = "Colleague's name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter your colleague's e-mail address.")]
        [MailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [StringLength(256, ErrorMessage = "The e-mail address is too long.")]
        [Display(Name = "Colleague's e-mail")]
        public string Email { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(cancellationToken) is { } refusal)
            return refusal;
        await LoadInvitationsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await AuthorizeAsync(cancellationToken) is { } refusal)
            return refusal;
        // An empty field binds as null: [Required] has already said so in the model state.
        var email = Input.Email?.Trim() ?? "";
        if (ModelState.IsValid && await AlreadyRepresentsAsync(email, cancellationToken))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.Email)}", l["This person already represents the library."]);
        if (!ModelState.IsValid)
        {
            await LoadInvitationsAsync(cancellationToken);
            return Page();
        }

        var (token, tokenHash) = OneTimeToken.Create();
        var now = clock.GetUtcNow();
        var invitation = new Invitation
        {
            Email = email,
            Role = ScopedRole.LibraryRepresentative,
            LibraryId = Library.Id,
            TokenHash = tokenHash,
            InvitedAt = now,
            ExpiresAt = now.AddDays(ValidDays),
            InvitedByUserId = User.UserId(),
        };
        db.Invitations.Add(invitation);
        audit.Record("library.representative-invited", nameof(Library), Library.Id,
            after: new { invitation.Email, Name = Input.Name.Trim(), invitation.ExpiresAt });

        // A person who already has an account gets the mail in their language; anyone else in the inviter's.
        var culture = await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant())
            .Select(u => u.PreferredCulture).FirstOrDefaultAsync(cancellationToken) ?? CurrentCulture();
        var acceptUrl = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/Invitations/Accept?token={token}";
        outbox.Enqueue(new LibraryInvitationMail(Input.Name.Trim(), InviterName(), Library.Name, email, acceptUrl, ValidDays),
            email, Input.Name.Trim(), culture, invitation.TokenHash[..16]);
        await db.SaveChangesAsync(cancellationToken);
        mail.DeliverSoon();
        return RedirectToPage(new { id = Library.Id, sent = true });
    }

    /// <summary>
    /// Administrators may invite for any library (to replace a representative who left); anyone else must be allowed
    /// to act for the library, which its handler grants only to representatives of an approved library.
    /// </summary>
    private async Task<IActionResult?> AuthorizeAsync(CancellationToken cancellationToken)
    {
        if (await db.Libraries.AsNoTracking().SingleOrDefaultAsync(x => x.Id == Id, cancellationToken) is not { } library)
            return NotFound();
        Library = library;
        if (User.IsAdministrator())
            return null;
        var allowed = await authorization.AuthorizeAsync(User, library, LibraryOperations.ActFor);
        return allowed.Succeeded ? null : Forbid();
    }

    private Task<bool> AlreadyRepresentsAsync(string email, CancellationToken cancellationToken) =>
        (from grant in db.RoleGrants
         where grant.LibraryId == Id && grant.Role == ScopedRole.LibraryRepresentative
         join user in db.Users on grant.UserId equals user.Id
         where user.NormalizedEmail == email.ToUpperInvariant()
         select grant.Id).AnyAsync(cancellationToken);

    private async Task LoadInvitationsAsync(CancellationToken cancellationToken)
    {
        Now = clock.GetUtcNow();
        Invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.LibraryId == Id && i.Role == ScopedRole.LibraryRepresentative)
            .OrderByDescending(i => i.Id)
            .Select(i => new InvitationRow(i.Email, i.InvitedAt, i.ExpiresAt, i.AcceptedAt))
            .ToListAsync(cancellationToken);
    }

    private string InviterName() =>
        User.FindFirst(AppClaimsPrincipalFactory.DisplayNameClaim)?.Value is { Length: > 0 } name ? name : User.Identity?.Name ?? "";

    private static string CurrentCulture() =>
        Cultures.IsSupported(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)
            ? System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName
            : Cultures.Latvian;
}
