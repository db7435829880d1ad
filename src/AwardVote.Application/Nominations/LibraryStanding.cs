using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Nominations;

/// <summary>
/// What a library's registration allows with its own nomination: a library awaiting approval writes its draft (the
/// association's review should not cost it the weeks before the deadline), but only an approved one submits it or
/// sends mail to people outside (letters of support); a refused one does nothing.
/// </summary>
internal static class LibraryStanding
{
    public static bool MayWriteDraft(LibraryStatus status) => status is LibraryStatus.Approved or LibraryStatus.PendingApproval;

    /// <summary>Null when the nominee library may submit; else why not.</summary>
    public static async Task<Refusal?> WhyNotSubmitAsync(AppDbContext db, int libraryId, CancellationToken cancellationToken)
    {
        var status = await db.Libraries.Where(x => x.Id == libraryId).Select(x => x.Status).SingleAsync(cancellationToken);
        return status switch
        {
            LibraryStatus.Approved => null,
            LibraryStatus.PendingApproval => Refusal.Conflict(RefusalCode.LibraryAwaitsApproval),
            _ => Refusal.Forbidden,
        };
    }
}
