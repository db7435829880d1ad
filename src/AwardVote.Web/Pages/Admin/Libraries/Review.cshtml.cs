using AwardVote.Domain.Accounts;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using AwardVote.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.Libraries;

/// <summary>
/// The administrator approves or refuses one library's registration; its representatives are told by e-mail.
/// A pending library can be approved or refused; a refused one can still be approved (the association changed its
/// mind after hearing from the library); an approved one stays approved, because nominations rest on it.
/// </summary>
[Authorize(Policy = Security.Policies.Administrator)]
public sealed class ReviewModel(
    AppDbContext db,
    AuditLog audit,
    Outbox outbox,
    AccountMail mail,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public const int ReasonMaxLength = 2000;

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Library Library { get; private set; } = null!;
    public List<RepresentativeRow> Representatives { get; private set; } = [];

    public sealed record RepresentativeRow(string UserId, string DisplayName, string Email, string PreferredCulture);

    public enum Decision
    {
        Approve,
        Refuse,
    }

    public enum DecisionResult
    {
        Done,
        NotFound,
        /// <summary>The library's status does not allow this decision (already approved, or decided meanwhile).</summary>
        NotAllowed,
        ReasonMissing,
        ReasonTooLong,
    }

    public static bool CanApprove(LibraryStatus status) => status != LibraryStatus.Approved;

    public static bool CanRefuse(LibraryStatus status) => status == LibraryStatus.PendingApproval;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) =>
        DecideOnPageAsync(Decision.Approve, cancellationToken);

    public Task<IActionResult> OnPostRefuseAsync(CancellationToken cancellationToken) =>
        DecideOnPageAsync(Decision.Refuse, cancellationToken);

    private async Task<IActionResult> DecideOnPageAsync(Decision decision, CancellationToken cancellationToken)
    {
        var result = await DecideAsync(db, audit, outbox, clock, Id, decision, Reason, LibrariesUrl(Request), cancellationToken);
        switch (result)
        {
            case DecisionResult.Done:
                mail.DeliverSoon();
                return RedirectToPage(new { id = Id });
            case DecisionResult.NotFound:
                return NotFound();
            case DecisionResult.ReasonMissing:
                ModelState.AddModelError(nameof(Reason), l["Write the reason for the refusal: the library's representatives will read it."]);
                break;
            case DecisionResult.ReasonTooLong:
                ModelState.AddModelError(nameof(Reason), l["The reason is too long."]);
                break;
            case DecisionResult.NotAllowed:
                ModelState.AddModelError("", l["This decision is not possible in the library's present status. The page shows the status now."]);
                break;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await db.Libraries.AsNoTracking().SingleOrDefaultAsync(x => x.Id == Id, cancellationToken) is not { } library)
            return false;
        Library = library;
        Representatives = await RepresentativesAsync(db, Id, cancellationToken);
        return true;
    }

    public static string LibrariesUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}/Libraries";

    private static Task<List<RepresentativeRow>> RepresentativesAsync(AppDbContext db, int libraryId, CancellationToken cancellationToken) =>
        (from grant in db.RoleGrants
         where grant.LibraryId == libraryId && grant.Role == ScopedRole.LibraryRepresentative
         join user in db.Users on grant.UserId equals user.Id
         orderby user.DisplayName
         select new RepresentativeRow(user.Id, user.DisplayName, user.Email!, user.PreferredCulture))
        .ToListAsync(cancellationToken);

    /// <summary>
    /// Moves the library to its new status only if it is still in the status read (two administrators deciding at
    /// once: one wins, the other is told), with the audit entry and one mail per representative in their language,
    /// all in one transaction. Also used by the API.
    /// </summary>
    public static async Task<DecisionResult> DecideAsync(AppDbContext db, AuditLog audit, Outbox outbox, TimeProvider clock,
        int libraryId, Decision decision, string? reason, string librariesUrl, CancellationToken cancellationToken)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (decision == Decision.Refuse && reason is null)
            return DecisionResult.ReasonMissing;
        if (reason is { Length: > ReasonMaxLength })
            return DecisionResult.ReasonTooLong;
        if (await db.Libraries.AsNoTracking().SingleOrDefaultAsync(x => x.Id == libraryId, cancellationToken) is not { } library)
            return DecisionResult.NotFound;
        var allowed = decision == Decision.Approve ? CanApprove(library.Status) : CanRefuse(library.Status);
        if (!allowed)
            return DecisionResult.NotAllowed;

        var before = library.Status;
        var after = decision == Decision.Approve ? LibraryStatus.Approved : LibraryStatus.Refused;
        var refusalReason = decision == Decision.Refuse ? reason : null;
        var now = clock.GetUtcNow();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var changed = await db.Libraries
            .Where(x => x.Id == libraryId && x.Status == before)
            .ExecuteUpdateAsync(set => set
                .SetProperty(x => x.Status, after)
                .SetProperty(x => x.RefusalReason, refusalReason)
                .SetProperty(x => x.DecidedAt, now), cancellationToken);
        if (changed == 0)
            return DecisionResult.NotAllowed;

        audit.Record(decision == Decision.Approve ? "library.approved" : "library.refused", nameof(Library), libraryId,
            before: new { Status = before, library.RefusalReason },
            after: new { Status = after, RefusalReason = refusalReason },
            reason: refusalReason);
        foreach (var representative in await RepresentativesAsync(db, libraryId, cancellationToken))
        {
            MailTemplate message = decision == Decision.Approve
                ? new LibraryApprovedMail(representative.DisplayName, library.Name, librariesUrl)
                : new LibraryRefusedMail(representative.DisplayName, library.Name, refusalReason!, librariesUrl);
            outbox.Enqueue(message, representative.Email, representative.DisplayName, representative.PreferredCulture,
                $"{libraryId}:{representative.UserId}:{now.ToUnixTimeMilliseconds()}");
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return DecisionResult.Done;
    }
}
