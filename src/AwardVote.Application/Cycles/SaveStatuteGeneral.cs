using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using AwardVote.Application.Validation;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Application.Cycles;

/// <summary>
/// The statute's general rules: titles, description, secrecy, eligibility, people's choice, reminders. The General
/// page binds it, and the API's whole statute (<see cref="StatuteInput"/>) is one of it with the other sections.
/// </summary>
public class StatuteGeneralInput
{
    /// <summary>The cycle's version the form or the client read.</summary>
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
    [JsonConverter(typeof(JsonStringEnumConverter<ScoreSecrecy>))]
    public ScoreSecrecy Secrecy { get; set; }

    [Display(Name = "After publication, anyone may download")]
    [JsonConverter(typeof(JsonStringEnumConverter<PublicCountFiles>))]
    public PublicCountFiles PublicCountFiles { get; set; }

    [Display(Name = "List the nominees publicly once nominations close")]
    public bool NomineesPublicAfterNominationsClose { get; set; }

    [Display(Name = "Nominees read the jury's comments after publication")]
    public bool FeedbackToNominees { get; set; }

    [Range(0, 100, ErrorMessage = "Enter a number of years from 0 to 100, or leave it empty.")]
    [Display(Name = "Not a laureate in the last … years")]
    public int? LaureateCooldownYears { get; set; }

    [Display(Name = "Jurors from the nominee's region have a conflict of interest")]
    public bool RegionIsConflict { get; set; }

    [Display(Name = "Jurors sign in with a second factor (an authenticator app or a passkey)")]
    public bool JurorsNeedSecondFactor { get; set; }

    [StringLength(50, ErrorMessage = "The list of days is too long.")]
    [Display(Name = "Remind late jurors … days before a round closes")]
    public string? ReminderDaysBeforeClose { get; set; }

    /// <summary>Null (or left out of the JSON) leaves the vote's settings as they are.</summary>
    public PeoplesChoiceInput? PeoplesChoice { get; set; }

    /// <summary>Rows marked <c>Remove</c>, and rows left empty, are not kept.</summary>
    [MaxLength(ListCap.Rows, ErrorMessage = ListCap.Message)]
    public List<EligibilityRuleInput> EligibilityRules { get; set; } = [];
}

public sealed class PeoplesChoiceInput
{
    [Display(Name = "People's-choice vote")]
    public bool Enabled { get; set; }

    [Display(Name = "Who may vote")]
    [JsonConverter(typeof(JsonStringEnumConverter<VoterEligibility>))]
    public VoterEligibility Eligibility { get; set; }

    [Display(Name = "Votes per person")]
    [JsonConverter(typeof(JsonStringEnumConverter<VoteAllowance>))]
    public VoteAllowance Allowance { get; set; }

    /// <summary>Any offset; stored in UTC.</summary>
    [Display(Name = "Voting opens")]
    public DateTimeOffset? OpensAt { get; set; }

    [Display(Name = "Voting closes")]
    public DateTimeOffset? ClosesAt { get; set; }

    [Display(Name = "Show the count while voting is open")]
    public bool LiveCount { get; set; }
}

public sealed class EligibilityRuleInput
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

/// <summary>The administrator saves the statute's general rules (the General page; the API saves them with the whole statute).</summary>
public sealed class SaveStatuteGeneral(AppDbContext db, AuditLog audit) : IUseCase
{
    public async Task<Outcome> RunAsync(int cycleId, StatuteGeneralInput input, CancellationToken cancellationToken)
    {
        if (await StatuteEditor.LoadAsync(db, cycleId, cancellationToken) is not { } cycle)
            return Refusal.NotFound;
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome.Refused(invalid);
        if (cycle.StatuteIsLocked)
            return StatuteEditor.Locked;
        var before = StatuteEditor.Snapshot(cycle);
        var refusals = Apply(cycle, input);
        refusals.AddRange(StatuteRefusals.Of(StatuteRules.Validate(cycle), null, StatuteSection.General));
        if (refusals.Count > 0)
            return Outcome.Refused(refusals);
        return await StatuteEditor.SaveAsync(db, audit, cycle, input.Version, StatuteEditor.StatuteChanged, before, [], false, cancellationToken);
    }

    /// <summary>The one place the general rules are copied onto a cycle (this use case and <see cref="SaveStatute"/>).</summary>
    internal static List<Refusal> Apply(AwardCycle cycle, StatuteGeneralInput input)
    {
        var refusals = new List<Refusal>();
        CheckDefined(input.Secrecy, nameof(input.Secrecy), "Jurors' scores", refusals);
        CheckDefined(input.PublicCountFiles, nameof(input.PublicCountFiles), "After publication, anyone may download", refusals);
        if (input.PeoplesChoice is { } vote)
        {
            CheckDefined(vote.Eligibility, "PeoplesChoice.Eligibility", "Who may vote", refusals);
            CheckDefined(vote.Allowance, "PeoplesChoice.Allowance", "Votes per person", refusals);
            cycle.PeoplesChoice.Enabled = vote.Enabled;
            cycle.PeoplesChoice.Eligibility = vote.Eligibility;
            cycle.PeoplesChoice.Allowance = vote.Allowance;
            cycle.PeoplesChoice.OpensAt = vote.OpensAt?.ToUniversalTime();
            cycle.PeoplesChoice.ClosesAt = vote.ClosesAt?.ToUniversalTime();
            cycle.PeoplesChoice.LiveCount = vote.LiveCount;
        }

        cycle.Title = input.Title.Trim();
        cycle.TitleEn = StatuteEditor.Blank(input.TitleEn);
        cycle.Description = StatuteEditor.Blank(input.Description);
        cycle.DescriptionEn = StatuteEditor.Blank(input.DescriptionEn);
        cycle.Secrecy = input.Secrecy;
        cycle.PublicCountFiles = input.PublicCountFiles;
        cycle.NomineesPublicAfterNominationsClose = input.NomineesPublicAfterNominationsClose;
        cycle.FeedbackToNominees = input.FeedbackToNominees;
        cycle.LaureateCooldownYears = input.LaureateCooldownYears;
        cycle.RegionIsConflict = input.RegionIsConflict;
        cycle.JurorsNeedSecondFactor = input.JurorsNeedSecondFactor;
        cycle.ReminderDaysBeforeClose = input.ReminderDaysBeforeClose?.Trim() ?? "";
        StatuteChanges.SetEligibilityRules(cycle, (input.EligibilityRules ?? [])
            .Where(r => !r.Remove && !(string.IsNullOrWhiteSpace(r.Text) && string.IsNullOrWhiteSpace(r.TextEn)))
            .Select(r => new EligibilityRuleData(r.Text ?? "", r.TextEn)).ToList());
        return refusals;
    }

    /// <summary>A form can post any number for an enum; the API's filter refuses those before they get here.</summary>
    internal static void CheckDefined<T>(T value, string field, string displayName, List<Refusal> refusals) where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
            refusals.Add(Refusal.Invalid(field, RefusalCode.InputNotValid, new InputMessage("Choose one of the listed values.", displayName)));
    }
}
