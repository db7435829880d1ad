using System.Security.Claims;
using System.Text.Json.Serialization;
using AwardVote.Application.Cycles;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Api;

/// <summary>
/// Cycles and their statute as JSON: the public statute and schedule, and for administrators the same edits the
/// pages make, through the same use cases (<see cref="CreateCycle"/>, <see cref="SaveStatute"/>, <see cref="SaveSchedule"/>,
/// <see cref="MovePhase"/>), so the same rules and messages.
/// </summary>
public static class CycleEndpoints
{
    public static void MapCycleApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/cycles/{slug}", GetCycle).WithTags("Cycles").AllowAnonymous()
            .WithSummary("A cycle's statute and schedule (a draft only for administrators)").Produces<CycleDetailDto>().ProducesProblem(StatusCodes.Status404NotFound);

        var admin = endpoints.MapGroup("/api/admin/cycles").WithTags("Cycle administration")
            .RequireAuthorization(Policies.Administrator);
        admin.MapGet("", GetAll).WithSummary("Every cycle, drafts included, newest first")
            .WithExample(null, new List<CycleRowDto> { new(7, 2027, "Gada bibliotēka 2027", "Library of the Year 2027", "gada-biblioteka-2027", CyclePhase.Draft, 0, false) });
        admin.MapGet("/{id:int}", GetOne)
            .WithSummary("One cycle with its statute and schedule, and what is left to set up before nominations open")
            .Produces<AdminCycleDto>().ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("", Create)
            .WithSummary("Start a cycle in Draft: empty, or with the whole statute of an earlier cycle")
            .Produces<CycleDetailDto>(StatusCodes.Status201Created).ProducesValidationProblem()
            .WithExample(new CreateCycleInput { Title = "Gada bibliotēka 2027", TitleEn = "Library of the Year 2027", Year = 2027, CopyFromCycleId = 6 },
                ExampleCycle, StatusCodes.Status201Created);
        admin.MapPut("/{id:int}/statute", PutStatute)
            .WithSummary("Save the whole statute (as GET /api/cycles/{slug} answers with it) until nominations open")
            .Produces<CycleDetailDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(ExampleStatute, ExampleCycle);
        admin.MapPut("/{id:int}/schedule", PutSchedule)
            .WithSummary("Set when phases start; a phase already reached keeps its date")
            .Produces<CycleDetailDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new SaveScheduleInput { Version = ExampleVersion, Steps = [new(1, ExampleTime), new(2, ExampleTime.AddDays(30))] }, ExampleCycle);
        admin.MapPost("/{id:int}/phase", Move)
            .WithSummary("Move the cycle one step forward or back by hand, with the reason the audit log keeps")
            .Produces<CycleDetailDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new MovePhaseInput { Version = ExampleVersion, Direction = "next", Reason = "Pieteikšanās sākas nedēļu agrāk." },
                ExampleCycle with { Phase = CyclePhase.NominationsOpen, StatuteLockedAt = ExampleTime });
        admin.MapPost("/{id:int}/repeat-round", Repeat)
            .WithSummary("Repeat the last closed judging round: its count is discarded, the round reopens until the given time, every juror is mailed the reason")
            .Produces<CycleDetailDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithExample(new RepeatRoundInput { Version = ExampleVersion, Reason = "Divu žūrijas locekļu vērtējumi netika saglabāti.", ClosesAt = ExampleTime.AddDays(7) },
                ExampleCycle with { Phase = CyclePhase.Judging, StatuteLockedAt = ExampleTime });
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

    /// <summary>The whole statute; <c>Version</c> is the cycle's version, to send back with a change.</summary>
    public sealed record StatuteDto(Guid Version, string Title, string? TitleEn, string? Description, string? DescriptionEn,
        [property: JsonConverter(typeof(JsonStringEnumConverter<ScoreSecrecy>))] ScoreSecrecy Secrecy,
        [property: JsonConverter(typeof(JsonStringEnumConverter<PublicCountFiles>))] PublicCountFiles PublicCountFiles,
        bool NomineesPublicAfterNominationsClose, bool FeedbackToNominees, int? LaureateCooldownYears, bool RegionIsConflict,
        string? ReminderDaysBeforeClose, WinRuleDto WinRule, PeoplesChoiceDto PeoplesChoice, List<CategoryDto> Categories,
        List<CriterionDto> Criteria, List<RoundDto> Rounds, List<TieBreakDto> TieBreakChain, List<EligibilityRuleDto> EligibilityRules,
        bool JurorsNeedSecondFactor);

    public sealed record StepDto(int Sequence,
        [property: JsonConverter(typeof(JsonStringEnumConverter<CyclePhase>))] CyclePhase Phase, int RoundNumber, DateTimeOffset? StartsAt);

    public sealed record CycleDetailDto(int Id, string Slug, int Year,
        [property: JsonConverter(typeof(JsonStringEnumConverter<CyclePhase>))] CyclePhase Phase, int RoundNumber,
        string TimeZone, DateTimeOffset? StatuteLockedAt, int? CopiedFromCycleId, StatuteDto Statute, List<StepDto> Schedule);

    public sealed record CycleRowDto(int Id, int Year, string Title, string? TitleEn, string Slug,
        [property: JsonConverter(typeof(JsonStringEnumConverter<CyclePhase>))] CyclePhase Phase, int RoundNumber, bool StatuteLocked);

    /// <summary>Something to set up before nominations can open: the reason's <c>Code</c> and its words.</summary>
    public sealed record ProblemDto(string Code, string Message);

    public sealed record AdminCycleDto(CycleDetailDto Cycle, List<ProblemDto> Problems);

    private static readonly DateTimeOffset ExampleTime = new(2027, 2, 1, 7, 0, 0, TimeSpan.Zero);
    private static readonly Guid ExampleVersion = new("6f1c2a9e-4b7d-4e43-9d55-0c3b1f7a8e21");

    // Constants, not literals: the translation test reads every literal given to a Name as a page text.
    private const string ExampleCategory = "Gada bibliotēka";
    private const string ExampleCriterion = "Sadarbība";

    private static readonly StatuteInput ExampleStatute = new()
    {
        Version = ExampleVersion, Title = "Gada bibliotēka 2027", TitleEn = "Library of the Year 2027", Secrecy = ScoreSecrecy.HiddenUntilRoundCloses,
        NomineesPublicAfterNominationsClose = true, ReminderDaysBeforeClose = "7,1",
        PeoplesChoice = new PeoplesChoiceInput { Eligibility = VoterEligibility.AnyConfirmedEmail, Allowance = VoteAllowance.OnePerCategory },
        EligibilityRules = [new EligibilityRuleInput { Text = "Latvijas Bibliotekāru biedrības biedre", TextEn = "A member of the association" }],
        Categories = [new CategoryInput { Name = ExampleCategory, NameEn = "Library of the Year" }],
        Criteria =
        [
            new CriterionInput
            {
                Name = ExampleCriterion, NameEn = "Cooperation", Weight = 0.5m, ScaleMin = 1, ScaleMax = 3,
                Labels = [new() { Value = 1, Label = "vāji" }, new() { Value = 2, Label = "labi" }, new() { Value = 3, Label = "izcili" }],
            },
        ],
        Rounds =
        [
            new RoundInput { Kind = BallotKind.Score, Method = CountingMethod.WeightedMean, ShortlistSize = 3 },
            new RoundInput { Kind = BallotKind.Ranked, Method = CountingMethod.Schulze },
        ],
        TieBreakChain = [new TieBreakInput { Rule = TieBreakRule.HigherMeanOnCriterion, Criterion = 1 }, new TieBreakInput { Rule = TieBreakRule.ChairCastingVote }],
        WinRule = new WinRuleInput(),
    };

    private static readonly CycleDetailDto ExampleCycle = new(7, "gada-biblioteka-2027", 2027, CyclePhase.Draft, 0, "Europe/Riga", null, 6,
        new StatuteDto(ExampleVersion, "Gada bibliotēka 2027", "Library of the Year 2027", null, null, ScoreSecrecy.HiddenUntilRoundCloses, PublicCountFiles.RankedRounds, true, false,
            null, false, "7,1", new WinRuleDto(null, null),
            new PeoplesChoiceDto(false, VoterEligibility.AnyConfirmedEmail, VoteAllowance.OnePerCategory, null, null, false),
            [new CategoryDto(21, "Gada bibliotēka", "Library of the Year", null, null)],
            [new CriterionDto(31, "Sadarbība", "Cooperation", null, null, 0.5m, 1, 3, false,
                [new ScaleLabelDto(1, "vāji", null), new ScaleLabelDto(2, "labi", null), new ScaleLabelDto(3, "izcili", null)])],
            [new RoundDto(BallotKind.Score, CountingMethod.WeightedMean, 3, false), new RoundDto(BallotKind.Ranked, CountingMethod.Schulze, null, false)],
            [new TieBreakDto(TieBreakRule.HigherMeanOnCriterion, 1), new TieBreakDto(TieBreakRule.ChairCastingVote, null)],
            [new EligibilityRuleDto("Latvijas Bibliotekāru biedrības biedre", "A member of the association")], true),
        [new StepDto(0, CyclePhase.Draft, 0, null), new StepDto(1, CyclePhase.NominationsOpen, 0, ExampleTime)]);

    private static async Task<IResult> GetCycle(string slug, ClaimsPrincipal user, AppDbContext db, CancellationToken cancellationToken)
    {
        var cycle = await StatuteEditor.WithStatute(db.Cycles.AsNoTracking()).SingleOrDefaultAsync(c => c.Slug == slug, cancellationToken);
        // Drafts are the association's work in progress: only administrators see them.
        if (cycle is null || (cycle.Phase == CyclePhase.Draft && !user.IsAdministrator()))
            return TypedResults.NotFound();
        return TypedResults.Ok(ToDto(cycle));
    }

    private static async Task<Ok<List<CycleRowDto>>> GetAll(ListCycles list, CancellationToken cancellationToken) =>
        TypedResults.Ok((await list.RunAsync(cancellationToken))
            .Select(c => new CycleRowDto(c.Id, c.Year, c.Title, c.TitleEn, c.Slug, c.Phase, c.RoundNumber, c.Locked))
            .ToList());

    private static async Task<IResult> GetOne(int id, AppDbContext db, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (await StatuteEditor.WithStatute(db.Cycles.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } cycle)
            return TypedResults.NotFound();
        var problems = StatuteRefusals.Of(StatuteRules.Validate(cycle), null)
            .Select(r => new ProblemDto(r.Code.ToString(), RefusalText.Describe(r, l)))
            .ToList();
        return TypedResults.Ok(new AdminCycleDto(ToDto(cycle), problems));
    }

    private static async Task<IResult> Create(CreateCycleInput input, HttpContext http, CreateCycle create, AppDbContext db,
        CancellationToken cancellationToken)
    {
        var outcome = await create.RunAsync(input, cancellationToken);
        if (!outcome.Succeeded)
            return OutcomeResults.Problem(outcome, http);
        var saved = await StatuteEditor.WithStatute(db.Cycles.AsNoTracking()).SingleAsync(c => c.Id == outcome.Value!.Id, cancellationToken);
        return TypedResults.Created($"/api/cycles/{saved.Slug}", ToDto(saved));
    }

    private static async Task<IResult> PutStatute(int id, StatuteInput statute, HttpContext http, SaveStatute save, CancellationToken cancellationToken) =>
        (await save.RunAsync(id, statute, cancellationToken)).Answer(http, cycle => TypedResults.Ok(ToDto(cycle)));

    private static async Task<IResult> PutSchedule(int id, SaveScheduleInput input, HttpContext http, SaveSchedule save, CancellationToken cancellationToken) =>
        (await save.RunAsync(id, input, cancellationToken)).Answer(http, cycle => TypedResults.Ok(ToDto(cycle)));

    private static async Task<IResult> Move(int id, MovePhaseInput input, HttpContext http, MovePhase move, CancellationToken cancellationToken) =>
        (await move.RunAsync(id, input, cancellationToken)).Answer(http, cycle => TypedResults.Ok(ToDto(cycle)));

    private static async Task<IResult> Repeat(int id, RepeatRoundInput input, HttpContext http, RepeatRound repeat, CancellationToken cancellationToken) =>
        (await repeat.RunAsync(id, input, cancellationToken)).Answer(http, cycle => TypedResults.Ok(ToDto(cycle)));

    private static CycleDetailDto ToDto(AwardCycle c)
    {
        var criteria = c.Criteria.OrderBy(x => x.Order).ToList();
        var statute = new StatuteDto(c.Version, c.Title, c.TitleEn, c.Description, c.DescriptionEn, c.Secrecy, c.PublicCountFiles,
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
            c.EligibilityRules.OrderBy(x => x.Order).Select(x => new EligibilityRuleDto(x.Text, x.TextEn)).ToList(), c.JurorsNeedSecondFactor);
        return new CycleDetailDto(c.Id, c.Slug, c.Year, c.Phase, c.RoundNumber, c.TimeZone, c.StatuteLockedAt, c.CopiedFromCycleId,
            statute, c.Schedule.OrderBy(s => s.Sequence).Select(s => new StepDto(s.Sequence, s.Phase, s.RoundNumber, s.StartsAt)).ToList());
    }
}
