using AwardVote.Application.Privacy;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Pages.Shared;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Pages.Admin.People;

/// <summary>
/// A person's data for a request made by post: the administrator finds the person by address and gives the letter's
/// reference, which the audit entry keeps. Shows what the person's own "My data" page shows, and the same JSON.
/// </summary>
public sealed class ExportModel(ExportPersonalData export, AppDbContext db) : PageModel
{
    [BindProperty]
    public PersonalDataRequestInput Input { get; set; } = new();

    public PersonalDataView? View { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();
        var outcome = await export.RunAsync(Input, cancellationToken);
        if (this.Refused(outcome) is { } refused)
            return refused;
        if (!outcome.Succeeded)
            return Page();
        var timeZone = await db.Association.AsNoTracking().Select(a => a.TimeZone).FirstOrDefaultAsync(cancellationToken) ?? "Europe/Riga";
        View = new PersonalDataView(outcome.Value!, timeZone);
        return Page();
    }

    public async Task<IActionResult> OnPostDownloadAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();
        var outcome = await export.RunAsync(Input, cancellationToken);
        return this.Refused(outcome) ?? (outcome.Succeeded ? File(outcome.Value!.ToJson(), "application/json", outcome.Value.FileName) : Page());
    }
}
