using System.ComponentModel.DataAnnotations;
using AwardVote.Application;
using AwardVote.Application.Cycles;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.Cycles;

/// <summary>
/// The statute's general rules: titles, description, secrecy, eligibility, people's choice, reminders
/// (<see cref="SaveStatuteGeneral"/>; the API saves them with the whole statute).
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class GeneralModel(AppDbContext db, SaveStatuteGeneral save, IStringLocalizer<SharedResource> l) : PageModel
{
    public AwardCycle Cycle { get; private set; } = null!;

    [BindProperty]
    public StatuteGeneralInput Input { get; set; } = new();

    /// <summary>When the people's-choice vote opens, typed in the cycle's time zone.</summary>
    [BindProperty]
    [Display(Name = "Voting opens")]
    public DateTime? OpensAt { get; set; }

    [BindProperty]
    [Display(Name = "Voting closes")]
    public DateTime? ClosesAt { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await CycleEditing.LoadAsync(db, id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        Input = new StatuteGeneralInput
        {
            Version = cycle.Version,
            Title = cycle.Title,
            TitleEn = cycle.TitleEn,
            Description = cycle.Description,
            DescriptionEn = cycle.DescriptionEn,
            Secrecy = cycle.Secrecy,
            PublicCountFiles = cycle.PublicCountFiles,
            NomineesPublicAfterNominationsClose = cycle.NomineesPublicAfterNominationsClose,
            FeedbackToNominees = cycle.FeedbackToNominees,
            LaureateCooldownYears = cycle.LaureateCooldownYears,
            RegionIsConflict = cycle.RegionIsConflict,
            JurorsNeedSecondFactor = cycle.JurorsNeedSecondFactor,
            ReminderDaysBeforeClose = cycle.ReminderDaysBeforeClose,
            PeoplesChoice = new PeoplesChoiceInput
            {
                Enabled = cycle.PeoplesChoice.Enabled,
                Eligibility = cycle.PeoplesChoice.Eligibility,
                Allowance = cycle.PeoplesChoice.Allowance,
                LiveCount = cycle.PeoplesChoice.LiveCount,
            },
            EligibilityRules = cycle.EligibilityRules.OrderBy(r => r.Order)
                .Select(r => new EligibilityRuleInput { Text = r.Text, TextEn = r.TextEn }).ToList(),
        };
        OpensAt = CycleEditing.ToLocal(cycle.PeoplesChoice.OpensAt, cycle.TimeZone);
        ClosesAt = CycleEditing.ToLocal(cycle.PeoplesChoice.ClosesAt, cycle.TimeZone);
        return Page();
    }

    public async Task<IActionResult> OnPostAddRuleAsync(int id, CancellationToken cancellationToken)
    {
        if (await CycleEditing.LoadAsync(db, id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        Input.PeoplesChoice ??= new PeoplesChoiceInput();
        Input.EligibilityRules.Add(new EligibilityRuleInput());
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await CycleEditing.LoadAsync(db, id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        Input.PeoplesChoice ??= new PeoplesChoiceInput();
        // The form writes the vote's times in the cycle's zone; the use case takes them as moments.
        if (!CycleEditing.TryToUtc(OpensAt, cycle.TimeZone, out var opensAt))
            ModelState.AddModelError(nameof(OpensAt), RefusalText.Describe(Refusal.Invalid(nameof(OpensAt), RefusalCode.TimeSkippedInZone), l));
        if (!CycleEditing.TryToUtc(ClosesAt, cycle.TimeZone, out var closesAt))
            ModelState.AddModelError(nameof(ClosesAt), RefusalText.Describe(Refusal.Invalid(nameof(ClosesAt), RefusalCode.TimeSkippedInZone), l));
        if (!ModelState.IsValid)
            return Page();
        Input.PeoplesChoice.OpensAt = opensAt;
        Input.PeoplesChoice.ClosesAt = closesAt;

        var outcome = await save.RunAsync(id, Input, cancellationToken);
        if (!outcome.Succeeded)
        {
            await CycleEditing.KeepVersionAsync(this, db, outcome, id, $"{nameof(Input)}.{nameof(Input.Version)}", v => Input.Version = v, cancellationToken);
            return this.Refused(outcome) ?? Page();
        }
        TempData["Saved"] = l["The general rules are saved."].Value;
        return Redirect($"/Admin/Cycles/{id}/General");
    }
}
