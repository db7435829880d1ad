using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Accounts;
using AwardVote.Web.Nominations;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Nominations;

/// <summary>
/// The nomination form. A refused save (deadline, frozen, changed in another tab) shows the reason and keeps every
/// typed value in the form, so nothing the library wrote is lost.
/// </summary>
[Authorize]
public sealed class EditModel(
    AppDbContext db,
    NominationEditor editor,
    IAuthorizationService authorization,
    AccountMail mail,
    IStringLocalizer<SharedResource> l) : PageModel
{
    private const int BlankRows = 3;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Nomination Nomination { get; private set; } = null!;
    public AwardCycle Cycle { get; private set; } = null!;
    public string LibraryName { get; private set; } = "";
    public string? Locked { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public sealed class InputModel
    {
        public Guid Version { get; set; }

        [StringLength(2000, ErrorMessage = "The public summary can be at most {1} characters long.")]
        [Display(Name = "Public summary")]
        public string? PublicSummary { get; set; }

        [StringLength(50_000, ErrorMessage = "The achievements can be at most {1} characters long.")]
        [Display(Name = "Achievements")]
        public string? Achievements { get; set; }

        [StringLength(50_000, ErrorMessage = "The projects can be at most {1} characters long.")]
        [Display(Name = "Projects")]
        public string? Projects { get; set; }

        public List<PartnerRow> Partners { get; set; } = [];
        public List<StatisticRow> Statistics { get; set; } = [];
        public List<LinkRow> Links { get; set; } = [];
    }

    public sealed class PartnerRow
    {
        [StringLength(300, ErrorMessage = "A partner's name can be at most {1} characters long.")]
        [Display(Name = "Partner")]
        public string? Name { get; set; }

        [StringLength(500, ErrorMessage = "A partner's role can be at most {1} characters long.")]
        [Display(Name = "Role in the work")]
        public string? Role { get; set; }
    }

    public sealed class StatisticRow
    {
        [Display(Name = "What")]
        public StatisticKind Kind { get; set; }

        [StringLength(200, ErrorMessage = "The label can be at most {1} characters long.")]
        [Display(Name = "Label")]
        public string? Label { get; set; }

        [Range(0, 1_000_000_000_000, ErrorMessage = "A number must be between {1} and {2}.")]
        [Display(Name = "Number")]
        public decimal? Value { get; set; }

        [StringLength(50, ErrorMessage = "The unit can be at most {1} characters long.")]
        [Display(Name = "Unit")]
        public string? Unit { get; set; }

        [Range(1900, 2100, ErrorMessage = "The year must be between {1} and {2}.")]
        [Display(Name = "Year")]
        public int? Year { get; set; }
    }

    public sealed class LinkRow
    {
        [StringLength(2000, ErrorMessage = "The address can be at most {1} characters long.")]
        [Display(Name = "Address")]
        public string? Url { get; set; }

        [StringLength(300, ErrorMessage = "The title can be at most {1} characters long.")]
        [Display(Name = "Title")]
        public string? Title { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        Input = FromNomination(Nomination);
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        if (!ValidateRows())
            return Redisplay();
        var result = await editor.SaveAsync(Nomination, ToContent(), Input.Version, cancellationToken);
        if (!result.Succeeded)
            return Redisplay(result.Error);
        Message = l["The draft was saved."];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        if (!ValidateRows())
            return Redisplay();
        // What is in the form is saved first: submitting never loses the last edits.
        var saved = await editor.SaveAsync(Nomination, ToContent(), Input.Version, cancellationToken);
        if (!saved.Succeeded)
            return Redisplay(saved.Error);
        var submitted = await editor.SubmitAsync(Nomination, Nomination.Version,
            $"{Request.Scheme}://{Request.Host}{Request.PathBase}/Nominations/Edit?id={id}", cancellationToken);
        if (!submitted.Succeeded)
        {
            Message = submitted.Error;
            return RedirectToPage(new { id });
        }
        mail.DeliverSoon();
        Message = l["The nomination was submitted. A receipt is on its way by e-mail."];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        var result = await editor.WithdrawAsync(Nomination, Input.Version, cancellationToken);
        Message = result.Succeeded ? l["The nomination was withdrawn. You can submit it again until the deadline."] : result.Error;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } nomination)
            return NotFound();
        if (!(await authorization.AuthorizeAsync(User, nomination, NominationOperations.Edit)).Succeeded)
            return Forbid();
        Nomination = nomination;
        Cycle = await editor.CycleAsync(nomination.CycleId, cancellationToken);
        LibraryName = await db.Libraries.Where(x => x.Id == nomination.LibraryId).Select(x => x.Name).SingleAsync(cancellationToken);
        Locked = editor.WhyLocked(Cycle, nomination);
        return null;
    }

    private IActionResult Redisplay(string? error = null)
    {
        if (error is not null)
            ModelState.AddModelError("", error);
        AddBlankRows();
        return Page();
    }

    /// <summary>Rules across fields: a number needs its year, an address must be a web address.</summary>
    private bool ValidateRows()
    {
        for (var i = 0; i < Input.Statistics.Count; i++)
        {
            var row = Input.Statistics[i];
            if (row.Value is not null && row.Year is null)
                ModelState.AddModelError($"Input.Statistics[{i}].Year", l["Give the year the number refers to."]);
            if (row.Value is null && row.Year is not null)
                ModelState.AddModelError($"Input.Statistics[{i}].Value", l["Give the number for this year."]);
        }
        for (var i = 0; i < Input.Links.Count; i++)
        {
            var url = Input.Links[i].Url;
            if (!string.IsNullOrWhiteSpace(url) && !(Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
                ModelState.AddModelError($"Input.Links[{i}].Url", l["A link must be a web address starting with https:// or http://."]);
        }
        return ModelState.IsValid;
    }

    private NominationContent ToContent() => ToContent(Input);

    /// <summary>The form (or the API body) as the editor takes it: empty rows are left out.</summary>
    public static NominationContent ToContent(InputModel input) => new(
        input.PublicSummary,
        input.Achievements,
        input.Projects,
        input.Partners.Where(p => !string.IsNullOrWhiteSpace(p.Name)).Select(p => new NominationPartner { Name = p.Name!, Role = p.Role }).ToList(),
        input.Statistics.Where(s => s.Value is not null && s.Year is not null)
            .Select(s => new NominationStatistic { Kind = s.Kind, Label = s.Label, Value = s.Value!.Value, Unit = s.Unit, Year = s.Year!.Value }).ToList(),
        input.Links.Where(x => !string.IsNullOrWhiteSpace(x.Url)).Select(x => new NominationLink { Url = x.Url!, Title = x.Title }).ToList());

    private static InputModel FromNomination(Nomination n) => new()
    {
        Version = n.Version,
        PublicSummary = n.PublicSummary,
        Achievements = n.Achievements,
        Projects = n.Projects,
        Partners = n.Partners.OrderBy(p => p.Order).Select(p => new PartnerRow { Name = p.Name, Role = p.Role }).ToList(),
        Statistics = n.Statistics.Select(s => new StatisticRow { Kind = s.Kind, Label = s.Label, Value = s.Value, Unit = s.Unit, Year = s.Year }).ToList(),
        Links = n.Links.OrderBy(x => x.Order).Select(x => new LinkRow { Url = x.Url, Title = x.Title }).ToList(),
    };

    private void AddBlankRows()
    {
        if (Locked is not null)
            return;
        Input.Partners.RemoveAll(p => string.IsNullOrWhiteSpace(p.Name) && string.IsNullOrWhiteSpace(p.Role));
        Input.Statistics.RemoveAll(s => s.Value is null && s.Year is null && string.IsNullOrWhiteSpace(s.Label));
        Input.Links.RemoveAll(x => string.IsNullOrWhiteSpace(x.Url) && string.IsNullOrWhiteSpace(x.Title));
        for (var i = 0; i < BlankRows; i++)
        {
            Input.Partners.Add(new PartnerRow());
            Input.Statistics.Add(new StatisticRow());
            Input.Links.Add(new LinkRow());
        }
    }
}
