using System.Text;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.PeoplesChoice;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.PeoplesChoice;

/// <summary>
/// The administrator's view of a cycle's people's-choice vote: its rules, turnout (never a count before the public
/// may see one), the member list and its upload, what the abuse detector reported, and the stored count with its
/// ballot file after close.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
[RequestSizeLimit(MemberList.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = MemberList.MaxBytes + 64 * 1024)]
public sealed class IndexModel(
    AppDbContext db,
    MemberList memberList,
    PeoplesChoiceCounter counter,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? CycleId { get; set; }

    [TempData]
    public string? Message { get; set; }

    public List<AwardCycle> Cycles { get; private set; } = [];
    public AwardCycle? Cycle { get; private set; }
    public VoteState State { get; private set; }
    public bool CountsArePublic { get; private set; }
    public Turnout Numbers { get; private set; } = new(0, 0, 0);
    public int MemberCount { get; private set; }
    public List<AlertRow> Alerts { get; private set; } = [];
    public List<DisposableRow> DisposableRequests { get; private set; } = [];
    public List<ResultRow> Results { get; private set; } = [];
    public List<PublicVoteTally> Live { get; private set; } = [];
    public MemberListFile? Upload { get; private set; }
    public string? Saved { get; private set; }

    public sealed record Turnout(int Requests, int Votes, int DisposableRequests);
    public sealed record AlertRow(VoteAlert Alert, string Subject);
    public sealed record DisposableRow(string Email, DateTimeOffset RequestedAt, string? Ip, bool Confirmed);
    public sealed record ResultRow(PeoplesChoiceResult Result, string CategoryName, CountProtocol Protocol);
    public sealed record PublicVoteTally(string CategoryName, List<NomineeTally> Nominees);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostMemberListAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Cycle is null)
            return NotFound();
        if (file is not { Length: > 0 })
        {
            ModelState.AddModelError("", l["Choose the CSV file of the member list."]);
            return Page();
        }
        await using (var stream = file.OpenReadStream())
        {
            Upload = MemberList.Read(stream);
        }
        if (Upload.Errors.Count > 0)
        {
            ModelState.AddModelError("", l["The list was not saved: correct the lines below and upload it again. The previous list stays in force."]);
            return Page();
        }
        if (Upload.Addresses.Count == 0)
        {
            ModelState.AddModelError("", l["The file holds no e-mail address. The previous list stays in force."]);
            return Page();
        }
        await memberList.ReplaceAsync(Cycle.Id, Upload, file.FileName, cancellationToken);
        MemberCount = Upload.Addresses.Count;
        // The page is shown, not redirected to, so that the warnings about repeated lines stay in view.
        Saved = l["The member list is replaced: {0} addresses.", Upload.Addresses.Count];
        return Page();
    }

    public async Task<IActionResult> OnPostCountAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Cycle is null)
            return NotFound();
        if (State != VoteState.Closed)
        {
            ModelState.AddModelError("", l["The vote is counted only after it closes."]);
            return Page();
        }
        var stored = await counter.CountAsync(Cycle.Id, cancellationToken);
        Message = stored > 0 ? l["The vote is counted."] : l["The vote was already counted."];
        return Redirect($"/Admin/PeoplesChoice?cycleId={Cycle.Id}");
    }

    /// <summary>The canonical ballot file, for an offline recount with <c>awardvote verify</c> (with the protocol).</summary>
    public async Task<IActionResult> OnGetBallotFileAsync(int id, CancellationToken cancellationToken)
    {
        var result = await db.PeoplesChoiceResults.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return result is null
            ? NotFound()
            : File(Encoding.UTF8.GetBytes(result.BallotFile), "text/plain; charset=utf-8", $"peoples-choice-{result.CycleId}-category-{result.CategoryId}.txt");
    }

    public async Task<IActionResult> OnGetProtocolAsync(int id, CancellationToken cancellationToken)
    {
        var result = await db.PeoplesChoiceResults.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return result is null
            ? NotFound()
            : File(Encoding.UTF8.GetBytes(result.ProtocolJson), "application/json", $"peoples-choice-{result.CycleId}-category-{result.CategoryId}-protocol.json");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Cycles = await db.Cycles.AsNoTracking().Where(c => c.PeoplesChoice.Enabled).OrderByDescending(c => c.Year).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        CycleId ??= Cycles.FirstOrDefault()?.Id;
        Cycle = await db.Cycles.AsNoTracking().Include(c => c.Categories).SingleOrDefaultAsync(c => c.Id == CycleId, cancellationToken);
        if (Cycle is null)
            return;
        var now = clock.GetUtcNow();
        State = PeoplesChoiceRules.State(Cycle.PeoplesChoice, Cycle.Phase, now);
        CountsArePublic = PeoplesChoiceRules.CountsArePublic(Cycle.PeoplesChoice, Cycle.Phase, now);
        var id = Cycle.Id;

        Numbers = new Turnout(
            await db.VoteRequests.CountAsync(r => r.CycleId == id, cancellationToken),
            await db.PeoplesChoiceVotes.CountAsync(v => v.CycleId == id, cancellationToken),
            await db.VoteRequests.CountAsync(r => r.CycleId == id && r.FromDisposableDomain, cancellationToken));
        MemberCount = await db.MemberList.CountAsync(m => m.CycleId == id, cancellationToken);

        var alerts = await db.VoteAlerts.AsNoTracking().Where(a => a.CycleId == id)
            .OrderByDescending(a => a.WindowStart).ThenBy(a => a.Kind).Take(200).ToListAsync(cancellationToken);
        var nominationIds = alerts.Where(a => a.Kind == VoteAlertKind.NominationBurst)
            .Select(a => int.TryParse(a.Subject, out var n) ? n : 0).ToList();
        var names = await (
                from nomination in db.Nominations
                join library in db.Libraries on nomination.LibraryId equals library.Id
                where nominationIds.Contains(nomination.Id)
                select new { nomination.Id, library.Name })
            .ToDictionaryAsync(x => x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), x => x.Name, cancellationToken);
        Alerts = alerts.Select(a => new AlertRow(a, a.Kind == VoteAlertKind.NominationBurst ? names.GetValueOrDefault(a.Subject, a.Subject) : a.Subject)).ToList();

        DisposableRequests = (await db.VoteRequests.AsNoTracking().Where(r => r.CycleId == id && r.FromDisposableDomain)
                .OrderByDescending(r => r.Id).Take(50)
                .Select(r => new { r.VoterEmail, r.RequestedAt, r.RequestIp, r.ConfirmedAt })
                .ToListAsync(cancellationToken))
            .Select(r => new DisposableRow(r.VoterEmail, r.RequestedAt, r.RequestIp, r.ConfirmedAt is not null)).ToList();

        var categories = Cycle.Categories.ToDictionary(c => c.Id, c => DisplayNamesFor(c));
        Results = (await db.PeoplesChoiceResults.AsNoTracking().Where(r => r.CycleId == id).ToListAsync(cancellationToken))
            .Select(r => new ResultRow(r, categories.GetValueOrDefault(r.CategoryId, ""), CountProtocol.FromJson(r.ProtocolJson)))
            .OrderBy(r => r.CategoryName, StringComparer.CurrentCulture)
            .ToList();
        // Administrators see turnout, not counts: a count only where the public may see one too.
        if (CountsArePublic && Results.Count == 0)
        {
            var tally = await counter.TallyAsync(id, cancellationToken);
            Live = Cycle.Categories.OrderBy(c => c.Order)
                .Select(c => new PublicVoteTally(DisplayNamesFor(c), tally.Where(t => t.CategoryId == c.Id).OrderByDescending(t => t.Votes).ToList()))
                .ToList();
        }
    }

    private static string DisplayNamesFor(Category category) => Localization.DisplayNames.Pick(category.Name, category.NameEn);

    public string ProblemText(MemberListProblem problem) => problem.Kind switch
    {
        MemberListProblemKind.Malformed => problem.Quoting switch
        {
            CsvHelper.CsvMalformedReason.UnterminatedQuote or CsvHelper.CsvMalformedReason.LineBreakInQuotes =>
                l["Line {0}: a quotation mark opens a value but does not close it on the same line: {1}", problem.Line, problem.Value ?? ""],
            CsvHelper.CsvMalformedReason.StrayQuote =>
                l["Line {0}: a quotation mark stands inside a value that is not in quotation marks: {1}", problem.Line, problem.Value ?? ""],
            CsvHelper.CsvMalformedReason.TextAfterClosingQuote =>
                l["Line {0}: there is text after the closing quotation mark: {1}", problem.Line, problem.Value ?? ""],
            _ => l["Line {0}: the line is not valid CSV (check the quotation marks).", problem.Line],
        },
        MemberListProblemKind.NoAddressColumn => l["Line {0}: no column holds an e-mail address or the heading \"e-mail\".", problem.Line],
        MemberListProblemKind.Missing => l["Line {0}: the e-mail address is missing.", problem.Line],
        MemberListProblemKind.NotAnAddress => l["Line {0}: \"{1}\" is not an e-mail address.", problem.Line, problem.Value ?? ""],
        MemberListProblemKind.Repeated => l["Line {0}: {1} is already on line {2}; it is kept once.", problem.Line, problem.Value ?? "", problem.FirstLine ?? 0],
        MemberListProblemKind.TooManyLines => l["Line {0}: the list may have at most {1} lines.", problem.Line, MemberList.MaxLines],
        _ => problem.Kind.ToString(),
    };

    public string AlertKind(VoteAlertKind kind) => kind switch
    {
        VoteAlertKind.IpBurst => l["Many requests from one IP address"],
        VoteAlertKind.NominationBurst => l["Many requests for one nomination"],
        VoteAlertKind.DisposableDomain => l["Throwaway e-mail domain"],
        VoteAlertKind.SimilarAddresses => l["Addresses that may be one mailbox"],
        _ => kind.ToString(),
    };
}
