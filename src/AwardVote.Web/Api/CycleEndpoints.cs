using System.Security.Claims;
using System.Text.Json.Serialization;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Localization;
using AwardVote.Web.Pages.Admin.Cycles;
using AwardVote.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Api;

/// <summary>
/// Cycles and their statute as JSON: the public statute and schedule, and for administrators the same edits the
/// pages make, through the same <see cref="StatuteEditor"/> and <see cref="StatuteRules"/>.
/// </summary>
public static class CycleEndpoints
{
    public static void MapCycleApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/cycles/{slug}", GetCycle).WithTags("Cycles").AllowAnonymous();

        var admin = endpoints.MapGroup("/api/admin/cycles").WithTags("Cycle administration")
            .RequireAuthorization(Policies.Administrator);
        admin.MapPost("", CreateCycle);
        admin.MapPut("/{id:int}/statute", PutStatute);
        admin.MapPut("/{id:int}/schedule", PutSchedule);
        admin.MapPost("/{id:int}/phase", MovePhase);
    }

    public sealed record CategoryDto(int Id, string Name, string? NameEn, string? Description, string? DescriptionEn);
    public sealed record ScaleLabelDto(int Value, string Label, string? LabelEn);
    public sealed record CriterionDto(int Id, string Name, string? NameEn, string? Description, string? DescriptionEn,
        decimal Weight, int ScaleMin, int ScaleMax, bool IsOptional, List<ScaleLabelDto> Labels);
    public sealed record RoundDto(
        [property: JsonConverter(typeof(JsonStringEnumConverter<BallotKind>))] BallotKind Kind,
        [property: JsonConverter(typeof(JsonStringEnumConverter<CountingMethod>))] CountingMethod Method,
        int? ShortlistSize, bool AllowEqualRanks);
    /// <summary><c>Criterion</c> is the 1-based position in <c>Criteria</c>, so a new criterion can be named too.</summary>
    public sealed record TieBreakDto(
        [property: JsonConverter(typeof(JsonStringEnumConverter<TieBreakRule>))] TieBreakRule Rule, int? Criterion);
    public sealed record EligibilityRuleDto(string Text, string? TextEn);
    public sealed record WinRuleDto(int? MinimumFirstPlaces, decimal? MinimumLead);
    public sealed record PeoplesChoiceDto(bool Enabled,
        [property: JsonConverter(typeof(JsonStringEnumConverter<VoterEligibility>))] VoterEligibility Eligibility,
        [property: JsonConverter(typeof(JsonStringEnumConverter<VoteAllowance>))] VoteAllowance Allowance,
        DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, bool LiveCount);

    /// <summary>The whole statute; <c>Version</c> is the cycle's version the client last read.</summary>
    public sealed record StatuteDto(Guid Version, string Title, string? TitleEn, string? Description, string? DescriptionEn,
        [property: JsonConverter(typeof(JsonStringEnumConverter<ScoreSecrecy>))] ScoreSecrecy Secrecy,
        bool NomineesPublicAfterNominationsClose, bool FeedbackToNominees, int? LaureateCooldownYears, bool RegionIsConflict,
        string? ReminderDaysBeforeClose, WinRuleDto WinRule, PeoplesChoiceDto PeoplesChoice, List<CategoryDto> Categories,
        List<CriterionDto> Criteria, List<RoundDto> Rounds, List<TieBreakDto> TieBreakChain, List<EligibilityRuleDto> EligibilityRules);

    public sealed record StepDto(int Sequence,
        [property: JsonConverter(typeof(JsonStringEnumConverter<CyclePhase>))] CyclePhase Phase, int RoundNumber, DateTimeOffset? StartsAt);

    public sealed record CycleDetailDto(int Id, string Slug, int Year,
        [property: JsonConverter(typeof(JsonStringEnumConverter<CyclePhase>))] CyclePhase Phase, int RoundNumber,
        string TimeZone, DateTimeOffset? StatuteLockedAt, int? CopiedFromCycleId, StatuteDto Statute, List<StepDto> Schedule);

    public sealed record CreateCycleRequest(string Title, string? TitleEn, int Year, string? Slug, int? CopyFromCycleId);
    public sealed record ScheduleRequest(Guid Version, List<ScheduleStepRequest> Steps);
    public sealed record ScheduleStepRequest(int Sequence, DateTimeOffset? StartsAt);
    public sealed record PhaseRequest(Guid? Version, string Direction, string Reason);

    private static async Task<IResult> GetCycle(string slug, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        var cycle = await StatuteEditor.WithStatute(db.Cycles.AsNoTracking()).SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        // Drafts are the association's work in progress: only administrators see them.
        if (cycle is null || (cycle.Phase == CyclePhase.Draft && !user.IsAdministrator()))
            return TypedResults.NotFound();
        return TypedResults.Ok(ToDto(cycle));
    }

    private static async Task<IResult> CreateCycle(CreateCycleRequest request, AppDbContext db, StatuteEditor editor,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 300)
            errors["title"] = [l["Enter the title in Latvian."]];
        if (request.Year is < 2000 or > 2100)
            errors["year"] = [l["Enter a year between 2000 and 2100."]];
        if (!string.IsNullOrWhiteSpace(request.Slug)
            && (!System.Text.RegularExpressions.Regex.IsMatch(request.Slug, "^[a-z0-9]+(-[a-z0-9]+)*$") || request.Slug.Length > 90))
            errors["slug"] = [l["The address may contain lowercase letters a-z, digits and hyphens."]];
        else if (!string.IsNullOrWhiteSpace(request.Slug) && await db.Cycles.AnyAsync(c => c.Slug == request.Slug, cancellationToken))
            errors["slug"] = [l["Another cycle already has this address."]];
        AwardCycle? source = null;
        if (request.CopyFromCycleId is { } sourceId
            && (source = await StatuteEditor.WithStatute(db.Cycles.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == sourceId, cancellationToken)) is null)
            errors["copyFromCycleId"] = [l["Choose a cycle to copy from."]];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var cycle = await editor.CreateAsync(request.Title, request.TitleEn, request.Year, request.Slug, source, cancellationToken);
        var saved = await StatuteEditor.WithStatute(db.Cycles.AsNoTracking()).SingleAsync(c => c.Id == cycle.Id, cancellationToken);
        return TypedResults.Created($"/api/cycles/{saved.Slug}", ToDto(saved));
    }

    private static async Task<IResult> PutStatute(int id, StatuteDto statute, StatuteEditor editor,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } cycle)
            return TypedResults.NotFound();
        if (cycle.StatuteIsLocked)
            return Conflict(CycleEditing.LockedMessage(l));
        if (string.IsNullOrWhiteSpace(statute.Title))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["title"] = [l["Enter the title in Latvian."]] });

        var before = StatuteEditor.Snapshot(cycle);
        cycle.Title = statute.Title.Trim();
        cycle.TitleEn = Blank(statute.TitleEn);
        cycle.Description = Blank(statute.Description);
        cycle.DescriptionEn = Blank(statute.DescriptionEn);
        cycle.Secrecy = statute.Secrecy;
        cycle.NomineesPublicAfterNominationsClose = statute.NomineesPublicAfterNominationsClose;
        cycle.FeedbackToNominees = statute.FeedbackToNominees;
        cycle.LaureateCooldownYears = statute.LaureateCooldownYears;
        cycle.RegionIsConflict = statute.RegionIsConflict;
        cycle.ReminderDaysBeforeClose = statute.ReminderDaysBeforeClose?.Trim() ?? "";
        cycle.WinRule.MinimumFirstPlaces = statute.WinRule?.MinimumFirstPlaces;
        cycle.WinRule.MinimumLead = statute.WinRule?.MinimumLead;
        if (statute.PeoplesChoice is { } vote)
        {
            cycle.PeoplesChoice.Enabled = vote.Enabled;
            cycle.PeoplesChoice.Eligibility = vote.Eligibility;
            cycle.PeoplesChoice.Allowance = vote.Allowance;
            cycle.PeoplesChoice.OpensAt = vote.OpensAt?.ToUniversalTime();
            cycle.PeoplesChoice.ClosesAt = vote.ClosesAt?.ToUniversalTime();
            cycle.PeoplesChoice.LiveCount = vote.LiveCount;
        }
        StatuteChanges.SetCategories(cycle, (statute.Categories ?? [])
            .Select(c => new CategoryData(c.Id, c.Name ?? "", c.NameEn, c.Description, c.DescriptionEn)).ToList());
        StatuteChanges.SetCriteria(cycle, (statute.Criteria ?? []).Select(c => new CriterionData(c.Id, c.Name ?? "", c.NameEn,
                c.Description, c.DescriptionEn, c.Weight, c.ScaleMin, c.ScaleMax, c.IsOptional,
                (c.Labels ?? []).Select(v => new ScaleLabelData(v.Value, v.Label ?? "", v.LabelEn)).ToList()))
            .ToList());
        var rounds = statute.Rounds ?? [];
        StatuteChanges.SetRounds(cycle, rounds.Select(r => new RoundData(r.Kind, r.Method, r.ShortlistSize, r.AllowEqualRanks)).ToList());
        var pending = StatuteChanges.SetTieBreakChain(cycle, (statute.TieBreakChain ?? []).Select(s => new TieBreakData(s.Rule, s.Criterion)).ToList());
        StatuteChanges.SetEligibilityRules(cycle, (statute.EligibilityRules ?? []).Select(r => new EligibilityRuleData(r.Text ?? "", r.TextEn)).ToList());

        // A step waiting for a new criterion's id is complete: it is linked in the same transaction.
        var problems = StatuteRules.Validate(cycle)
            .Where(p => !(p.Kind == StatuteProblemKind.TieBreakCriterionMissing && pending.Any(x => x.Step.Order == p.Item)))
            .ToList();
        if (problems.Count > 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["statute"] = problems.Select(p => DisplayNames.StatuteProblem(p, l)).ToArray(),
            });

        return await SavedOrRefused(editor, cycle, statute.Version, StatuteEditor.StatuteChanged, before, pending, false, l, cancellationToken);
    }

    private static async Task<IResult> PutSchedule(int id, ScheduleRequest request, StatuteEditor editor,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } cycle)
            return TypedResults.NotFound();
        var before = StatuteEditor.Snapshot(cycle);
        var reached = PhasePlan.CurrentStep(cycle)?.Sequence ?? int.MaxValue;
        var errors = new List<string>();
        foreach (var change in request.Steps ?? [])
        {
            var step = cycle.Schedule.FirstOrDefault(s => s.Sequence == change.Sequence);
            var startsAt = change.StartsAt?.ToUniversalTime();
            if (step is null)
                errors.Add(l["There is no step {0} in this schedule.", change.Sequence]);
            else if (step.Sequence <= reached && step.StartsAt != startsAt)
                errors.Add(DisplayNames.StatuteProblem(new StatuteProblem(StatuteSection.Schedule, StatuteProblemKind.ReachedStepChanged, step.Sequence), l));
            else
                step.StartsAt = startsAt;
        }
        errors.AddRange(StatuteRules.ValidateSchedule(cycle.Schedule).Select(p => DisplayNames.StatuteProblem(p, l)));
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["schedule"] = errors.Distinct().ToArray() });

        return await SavedOrRefused(editor, cycle, request.Version, StatuteEditor.ScheduleChanged, before, [], true, l, cancellationToken);
    }

    private static async Task<IResult> MovePhase(int id, PhaseRequest request, StatuteEditor editor, AppDbContext db,
        AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } cycle)
            return TypedResults.NotFound();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Reason))
            errors["reason"] = [l["Give the reason for moving the phase by hand; it is kept in the audit log."]];
        if (request.Direction is not ("next" or "back"))
            errors["direction"] = [l["Choose where to move the cycle."]];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var (target, refusal) = ManualMove.Target(cycle, forward: request.Direction == "next");
        if (target is null)
            return Conflict(DetailsModel.MoveRefusal(refusal, l));
        if (request.Version is { } version)
        {
            if (version != cycle.Version)
                return Conflict(CycleEditing.StaleMessage(l));
            db.Entry(cycle).Property(c => c.Version).OriginalValue = version;
        }
        if (!await CycleTransitions.MoveAsync(db, audit, cycle, target, clock.GetUtcNow(), request.Reason.Trim(),
                CycleTransitions.MovedByHand, cancellationToken))
            return Conflict(CycleEditing.StaleMessage(l));
        return TypedResults.Ok(ToDto(cycle));
    }

    private static async Task<IResult> SavedOrRefused(StatuteEditor editor, AwardCycle cycle, Guid version, string action,
        object before, IReadOnlyList<(TieBreakStep, Criterion)> pending, bool scheduleOnly, IStringLocalizer l,
        CancellationToken cancellationToken)
    {
        var outcome = await editor.SaveAsync(cycle, version, action, before, pending, scheduleOnly, cancellationToken);
        return CycleEditing.Refusal(outcome, l) is { } refusal ? Conflict(refusal) : TypedResults.Ok(ToDto(cycle));
    }

    private static IResult Conflict(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict);

    private static CycleDetailDto ToDto(AwardCycle c)
    {
        var criteria = c.Criteria.OrderBy(x => x.Order).ToList();
        var statute = new StatuteDto(c.Version, c.Title, c.TitleEn, c.Description, c.DescriptionEn, c.Secrecy,
            c.NomineesPublicAfterNominationsClose, c.FeedbackToNominees, c.LaureateCooldownYears, c.RegionIsConflict,
            c.ReminderDaysBeforeClose,
            new WinRuleDto(c.WinRule.MinimumFirstPlaces, c.WinRule.MinimumLead),
            new PeoplesChoiceDto(c.PeoplesChoice.Enabled, c.PeoplesChoice.Eligibility, c.PeoplesChoice.Allowance,
                c.PeoplesChoice.OpensAt, c.PeoplesChoice.ClosesAt, c.PeoplesChoice.LiveCount),
            c.Categories.OrderBy(x => x.Order).Select(x => new CategoryDto(x.Id, x.Name, x.NameEn, x.Description, x.DescriptionEn)).ToList(),
            criteria.Select(x => new CriterionDto(x.Id, x.Name, x.NameEn, x.Description, x.DescriptionEn, x.Weight, x.ScaleMin,
                x.ScaleMax, x.IsOptional, x.Levels.OrderBy(v => v.Value).Select(v => new ScaleLabelDto(v.Value, v.Label, v.LabelEn)).ToList())).ToList(),
            c.Rounds.OrderBy(x => x.Number).Select(x => new RoundDto(x.Kind, x.Method, x.ShortlistSize, x.AllowEqualRanks)).ToList(),
            c.TieBreakChain.OrderBy(x => x.Order).Select(x => new TieBreakDto(x.Rule, StatuteChanges.CriterionPosition(c, x.CriterionId))).ToList(),
            c.EligibilityRules.OrderBy(x => x.Order).Select(x => new EligibilityRuleDto(x.Text, x.TextEn)).ToList());
        return new CycleDetailDto(c.Id, c.Slug, c.Year, c.Phase, c.RoundNumber, c.TimeZone, c.StatuteLockedAt, c.CopiedFromCycleId,
            statute, c.Schedule.OrderBy(s => s.Sequence).Select(s => new StepDto(s.Sequence, s.Phase, s.RoundNumber, s.StartsAt)).ToList());
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
