using AwardVote.Application.Privacy;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Pages.Shared;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Pages.Account.Manage;

/// <summary>
/// "My data": everything held about the signed-in person, readable, and the same as a JSON download (the API's
/// GET /api/account/data gives the same file). The person is the signed-in one; nothing here names anyone else.
/// </summary>
public sealed class DataModel(ExportPersonalData export, AppDbContext db) : PageModel
{
    public PersonalDataView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var outcome = await export.RunAsync(User.UserId(), cancellationToken);
        if (this.Refused(outcome) is { } refused)
            return refused;
        View = new PersonalDataView(outcome.Value!, await TimeZoneAsync(db, cancellationToken));
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var outcome = await export.RunAsync(User.UserId(), cancellationToken);
        return this.Refused(outcome) ?? File(outcome.Value!.ToJson(), "application/json", outcome.Value.FileName);
    }

    /// <summary>The association's time zone, which the export's times are shown in.</summary>
    private static async Task<string> TimeZoneAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.Association.AsNoTracking().Select(a => a.TimeZone).FirstOrDefaultAsync(cancellationToken) ?? "Europe/Riga";
}
