using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Cycles;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.Cycles;

/// <summary>The statute's general rules: titles, description, secrecy, eligibility, people's choice, reminders.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class GeneralModel(StatuteEditor editor, IStringLocalizer<SharedResource> l) : PageModel
{
    public AwardCycle Cycle { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public Guid Version { get; set; }

        [Required(ErrorMessage = "Enter the title in Latvian.")]
        [StringLength(300, ErrorMessage = "The title is too long.")]
        [Display(Name = "Title (Latvian)")]
        public string Title { get; set; } = "";

        [StringLength(300, ErrorMessage = "The title is too long.")]
        [Display(Name = "Title (English)")]
        public string? TitleEn { get; set; }

        [StringLength(20_000, ErrorMessage = "The description is too long.")]
        [Display(Name = "Description (Latvian)")]
        public string? Description { get; set; }

        [StringLength(20_000, ErrorMessage = "The description is too long.")]
        [Display(Name = "Description (English)")]
        public string? DescriptionEn { get; set; }

        [Display(Name = "Jurors' scores")]
        public ScoreSecrecy Secrecy { get; set; }

        [Display(Name = "List the nominees publicly once nominations close")]
        public bool NomineesPublicAfterNominationsClose { get; set; }

        [Display(Name = "Nominees read the jury's comments after publication")]
        public bool FeedbackToNominees { get; set; }

        [Range(0, 100, ErrorMessage = "Enter a number of years from 0 to 100, or leave it empty.")]
        [Display(Name = "Not a laureate in the last … years")]
        public int? LaureateCooldownYears { get; set; }

        [Display(Name = "Jurors from the nominee's region have a conflict of interest")]
        public bool RegionIsConflict { get; set; }

        [StringLength(50, ErrorMessage = "The list of days is too long.")]
        [Display(Name = "Remind late jurors … days before a round closes")]
        public string? ReminderDaysBeforeClose { get; set; }

        [Display(Name = "People's-choice vote")]
        public bool PeoplesChoiceEnabled { get; set; }

        [Display(Name = "Who may vote")]
        public VoterEligibility PeoplesChoiceEligibility { get; set; }

        [Display(Name = "Votes per person")]
        public VoteAllowance PeoplesChoiceAllowance { get; set; }

        [Display(Name = "Voting opens")]
        public DateTime? PeoplesChoiceOpensAt { get; set; }

        [Display(Name = "Voting closes")]
        public DateTime? PeoplesChoiceClosesAt { get; set; }

        [Display(Name = "Show the count while voting is open")]
        public bool PeoplesChoiceLiveCount { get; set; }

        public List<RuleRow> EligibilityRules { get; set; } = [];
    }

    public sealed class RuleRow
    {
        [StringLength(2000, ErrorMessage = "The rule is too long.")]
        [Display(Name = "Rule (Latvian)")]
        public string? Text { get; set; }

        [StringLength(2000, ErrorMessage = "The rule is too long.")]
        [Display(Name = "Rule (English)")]
        public string? TextEn { get; set; }

        [Display(Name = "Remove this rule")]
        public bool Remove { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        Input = new InputModel
        {
            Version = cycle.Version,
            Title = cycle.Title,
            TitleEn = cycle.TitleEn,
            Description = cycle.Description,
            DescriptionEn = cycle.DescriptionEn,
            Secrecy = cycle.Secrecy,
            NomineesPublicAfterNominationsClose = cycle.NomineesPublicAfterNominationsClose,
            FeedbackToNominees = cycle.FeedbackToNominees,
            LaureateCooldownYears = cycle.LaureateCooldownYears,
            RegionIsConflict = cycle.RegionIsConflict,
            ReminderDaysBeforeClose = cycle.ReminderDaysBeforeClose,
            PeoplesChoiceEnabled = cycle.PeoplesChoice.Enabled,
            PeoplesChoiceEligibility = cycle.PeoplesChoice.Eligibility,
            PeoplesChoiceAllowance = cycle.PeoplesChoice.Allowance,
            PeoplesChoiceOpensAt = CycleEditing.ToLocal(cycle.PeoplesChoice.OpensAt, cycle.TimeZone),
            PeoplesChoiceClosesAt = CycleEditing.ToLocal(cycle.PeoplesChoice.ClosesAt, cycle.TimeZone),
            PeoplesChoiceLiveCount = cycle.PeoplesChoice.LiveCount,
            EligibilityRules = cycle.EligibilityRules.OrderBy(r => r.Order)
                .Select(r => new RuleRow { Text = r.Text, TextEn = r.TextEn }).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAddRuleAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        Input.EligibilityRules.Add(new RuleRow());
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        if (!CycleEditing.TryToUtc(Input.PeoplesChoiceOpensAt, cycle.TimeZone, out var opensAt))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.PeoplesChoiceOpensAt)}", l["This time does not exist in the cycle's time zone (the clocks jump forward then)."]);
        if (!CycleEditing.TryToUtc(Input.PeoplesChoiceClosesAt, cycle.TimeZone, out var closesAt))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.PeoplesChoiceClosesAt)}", l["This time does not exist in the cycle's time zone (the clocks jump forward then)."]);
        if (!ModelState.IsValid)
            return Page();
        if (cycle.StatuteIsLocked)
        {
            ModelState.AddModelError("", CycleEditing.LockedMessage(l));
            return Page();
        }

        var before = StatuteEditor.Snapshot(cycle);
        cycle.Title = Input.Title.Trim();
        cycle.TitleEn = Blank(Input.TitleEn);
        cycle.Description = Blank(Input.Description);
        cycle.DescriptionEn = Blank(Input.DescriptionEn);
        cycle.Secrecy = Input.Secrecy;
        cycle.NomineesPublicAfterNominationsClose = Input.NomineesPublicAfterNominationsClose;
        cycle.FeedbackToNominees = Input.FeedbackToNominees;
        cycle.LaureateCooldownYears = Input.LaureateCooldownYears;
        cycle.RegionIsConflict = Input.RegionIsConflict;
        cycle.ReminderDaysBeforeClose = Input.ReminderDaysBeforeClose?.Trim() ?? "";
        cycle.PeoplesChoice.Enabled = Input.PeoplesChoiceEnabled;
        cycle.PeoplesChoice.Eligibility = Input.PeoplesChoiceEligibility;
        cycle.PeoplesChoice.Allowance = Input.PeoplesChoiceAllowance;
        cycle.PeoplesChoice.OpensAt = opensAt;
        cycle.PeoplesChoice.ClosesAt = closesAt;
        cycle.PeoplesChoice.LiveCount = Input.PeoplesChoiceLiveCount;
        StatuteChanges.SetEligibilityRules(cycle, Input.EligibilityRules
            .Where(r => !r.Remove && !(string.IsNullOrWhiteSpace(r.Text) && string.IsNullOrWhiteSpace(r.TextEn)))
            .Select(r => new EligibilityRuleData(r.Text ?? "", r.TextEn)).ToList());
        if (!CycleEditing.AddProblems(ModelState, StatuteRules.Validate(cycle), l, StatuteSection.General))
            return Page();

        var outcome = await editor.SaveAsync(cycle, Input.Version, StatuteEditor.StatuteChanged, before, [], false, cancellationToken);
        if (CycleEditing.Refusal(outcome, l) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.Version)}");
            Input.Version = await editor.CurrentVersionAsync(id, cancellationToken) ?? Input.Version;
            return Page();
        }
        TempData["Saved"] = l["The general rules are saved."].Value;
        return Redirect($"/Admin/Cycles/{id}/General");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
