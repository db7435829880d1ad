using System.ComponentModel.DataAnnotations;
using AwardVote.Application;
using AwardVote.Application.Jury;
using AwardVote.Application.Results;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Web.Localization;
using AwardVote.Web.Publishing;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Jury;

/// <summary>
/// The jury's citation for a category's laureate, written by the panel's chair or an administrator in results
/// review (Latvian required, English optional), and after publication the start of a correction. The server
/// refuses it when the final result names no single laureate, and once an announcement is published.
/// </summary>
public sealed class CitationModel(
    ResultStandings standings,
    SaveCitation saveCitation,
    StartCorrection startCorrection,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int CycleId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int CategoryId { get; set; }

    [BindProperty]
    public SaveCitationInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public AwardCycle Cycle { get; private set; } = null!;
    public ResultStandings.CategoryView View { get; private set; } = null!;
    public string CategoryName { get; private set; } = "";
    /// <summary>The announcement the form edits: the pending one, or a new first one (null) when none exists.</summary>
    public Publication? Editing => View.Standing.Pending;
    public bool CanWrite { get; private set; }
    public string? Refusal { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await RefuseAsync(cancellationToken) is { } refusal)
            return refusal;
        if (Editing is { } editing)
        {
            Input = new SaveCitationInput
            {
                PublicationId = editing.Id, Version = editing.Version, Citation = editing.Citation, CitationEn = editing.CitationEn,
                CorrectionNote = editing.CorrectionNote, CorrectionNoteEn = editing.CorrectionNoteEn,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await RefuseAsync(cancellationToken) is { } refusal)
            return refusal;
        if (!ModelState.IsValid)
            return Page();
        var outcome = await saveCitation.RunAsync(CycleId, CategoryId, Input, User.UserId(), cancellationToken);
        if (!outcome.Succeeded)
            return await RefusedAsync(outcome, cancellationToken);
        Message = l["The citation is saved. An administrator approves it before publication."];
        return Redirect($"/Jury/Citation?cycleId={CycleId}&categoryId={CategoryId}");
    }

    public async Task<IActionResult> OnPostCorrectAsync(int publicationId, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(cancellationToken) is { } refusal)
            return refusal;
        var outcome = await startCorrection.RunAsync(publicationId, User.UserId(), cancellationToken);
        if (!outcome.Succeeded)
            return await RefusedAsync(outcome, cancellationToken);
        Message = l["A correction is started: change the citation, say why, and an administrator approves and publishes it."];
        return Redirect($"/Jury/Citation?cycleId={CycleId}&categoryId={CategoryId}");
    }

    private async Task<IActionResult> RefusedAsync(Outcome outcome, CancellationToken cancellationToken)
    {
        ModelState.AddRefusals(outcome, l);
        await LoadAsync(cancellationToken);
        // A stale form shows the current version, so saving again is a deliberate second decision.
        ModelState.Remove($"{nameof(Input)}.{nameof(SaveCitationInput.Version)}");
        ModelState.Remove($"{nameof(Input)}.{nameof(SaveCitationInput.PublicationId)}");
        Input.Version = Editing?.Version;
        Input.PublicationId = Editing?.Id;
        return Page();
    }

    /// <summary>Only the panel's chair or an administrator, checked on every request from the grants as they are now.</summary>
    private async Task<IActionResult?> RefuseAsync(CancellationToken cancellationToken)
    {
        if (await this.ForbidUnlessAsync(new Panel(CycleId, CategoryId), PanelOperations.Manage) is { } denied)
            return denied;
        return await LoadAsync(cancellationToken) ? null : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await standings.CycleAsync(CycleId, cancellationToken) is not { } cycle)
            return false;
        var view = (await standings.LoadAsync(cycle, tracked: false, cancellationToken)).FirstOrDefault(v => v.Category.Id == CategoryId);
        if (view is null)
            return false;
        Cycle = cycle;
        View = view;
        CategoryName = DisplayNames.Pick(view.Category.Name, view.Category.NameEn);
        var problems = PublicationRules.CheckCitation(cycle.Phase, view.Standing, view.Standing.Pending);
        CanWrite = problems.Count == 0 && !(view.Standing.Pending is null && view.Standing.Current is not null);
        Refusal = problems.FirstOrDefault() is { } problem ? RefusalText.Describe(PublicationRefusals.For(problem with { CategoryId = null }, _ => null), l) : null;
        return true;
    }
}
