using System.ComponentModel.DataAnnotations;
using AwardVote.Application.Validation;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Privacy;

/// <summary>A request for a person's data that came by post: whose, and the letter it answers (kept in the audit log).</summary>
public sealed class PersonalDataRequestInput
{
    [Required(ErrorMessage = "Enter the e-mail address of the person whose data is asked for.")]
    [MailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(256, ErrorMessage = "The e-mail address is too long.")]
    [Display(Name = "The person's e-mail")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter the reference of the request: the letter's date and number, and who asked.")]
    [StringLength(500, ErrorMessage = "The reason is too long.")]
    [Display(Name = "Reference of the request")]
    public string Reason { get; set; } = "";
}

/// <summary>
/// Gathers everything held about one person (<see cref="PersonalDataExport"/>): the signed-in person's own "My data"
/// (page and API), or, for a request made by post, an administrator's export of the person with an address. Reading
/// is the whole work; the one write is the audit entry that says who took whose data out, and why.
/// </summary>
/// <remarks>
/// Who may ask is Web's rule: the own export has no parameter to name anyone else, the postal one is behind the
/// administrator policy. Everything here is selected by the person's account id or address, never by a row id the
/// caller sends, so no input reaches another person's rows.
/// </remarks>
public sealed class ExportPersonalData(AppDbContext db, UserManager<AppUser> users, AuditLog audit, Pseudonyms pseudonyms,
    TimeProvider clock) : IUseCase
{
    public const string OwnExportAction = "personal-data.exported-own";
    public const string ExportAction = "personal-data.exported";

    /// <summary>The signed-in person's own data.</summary>
    public async Task<Outcome<PersonalDataExport>> RunAsync(string userId, CancellationToken cancellationToken)
    {
        if (await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken) is not { } user)
            return Refusal.NotFound;
        var export = await GatherAsync(user, user.Email ?? "", cancellationToken);
        audit.Record(OwnExportAction, "User", user.Id);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Of(export);
    }

    /// <summary>
    /// An administrator's export for a request made by post. A person without an account (an endorser, a voter) has
    /// data too: the address finds it, and an address nothing is held about gets an empty export — that is the answer.
    /// </summary>
    public async Task<Outcome<PersonalDataExport>> RunAsync(PersonalDataRequestInput input, CancellationToken cancellationToken)
    {
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome<PersonalDataExport>.Refused(invalid);
        var email = input.Email.Trim();
        var normalized = email.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        var export = await GatherAsync(user, user?.Email ?? email, cancellationToken);
        // Without an account the entry names the address by its keyed hash, never the address itself: the entry is
        // also in the administrator's own export, which must not hand out the other person's address.
        audit.Record(ExportAction, "User", user?.Id ?? pseudonyms.VoterKey(VoterAddress.Canonical(email)), reason: input.Reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Of(export);
    }

    private async Task<PersonalDataExport> GatherAsync(AppUser? user, string email, CancellationToken cancellationToken)
    {
        var names = await Names.LoadAsync(db, cancellationToken);
        var userId = user?.Id;
        var upper = email.Trim().ToUpperInvariant();

        var account = user is null ? null : await AccountAsync(user, names);

        var grants = userId is null ? [] : await db.RoleGrants.AsNoTracking().Where(g => g.UserId == userId).OrderBy(g => g.GrantedAt).ToListAsync(cancellationToken);
        var roles = grants.Select(g => new RoleData(g.Role, names.Library(g.LibraryId), names.Cycle(g.CycleId),
            names.Category(g.CategoryId), g.GrantedAt)).ToList();
        var libraryIds = grants.Where(g => g.LibraryId is not null).Select(g => g.LibraryId!.Value).Distinct().ToList();
        var libraries = (await db.Libraries.AsNoTracking().Where(l => libraryIds.Contains(l.Id)).OrderBy(l => l.Name).ToListAsync(cancellationToken))
            .Select(l => new RepresentedLibraryData(l.Name, l.Region, l.Municipality, l.Address, l.Website, l.Email, l.Phone,
                l.Status, l.RefusalReason, l.RegisteredAt))
            .ToList();

        return new PersonalDataExport(
            clock.GetUtcNow(), email, account, roles, libraries,
            await NominationsAsync(userId, names, cancellationToken),
            await FilesAsync(userId, cancellationToken),
            await LettersRequestedAsync(userId, names, cancellationToken),
            await LettersWrittenAsync(upper, names, cancellationToken),
            await ScoreBallotsAsync(userId, names, cancellationToken),
            await RankedBallotsAsync(userId, names, cancellationToken),
            await ConflictsAsync(userId, names, cancellationToken),
            await CastingVotesAsync(userId, names, cancellationToken),
            await CitationsAsync(userId, names, cancellationToken),
            await VoteRequestsAsync(email, names, cancellationToken),
            await VotesAsync(email, names, cancellationToken),
            await MemberListsAsync(email, names, cancellationToken),
            await InvitationsAsync(userId, upper, names, cancellationToken),
            await MailsAsync(upper, cancellationToken),
            await AuditEntriesAsync(userId, user?.Email, cancellationToken));
    }

    private async Task<AccountData> AccountAsync(AppUser user, Names names)
    {
        var passkeys = users.SupportsUserPasskey
            ? (await users.GetPasskeysAsync(user)).Select(p => new PasskeyData(p.Name, p.CreatedAt)).ToList()
            : [];
        var logins = (await users.GetLoginsAsync(user)).Select(l => new ExternalLoginData(l.LoginProvider, l.ProviderDisplayName)).ToList();
        var claims = (await users.GetClaimsAsync(user)).Select(c => new ClaimData(c.Type, c.Value)).ToList();
        return new AccountData(user.Id, user.DisplayName, user.Email, user.UserName, user.PhoneNumber, user.PreferredCulture,
            names.Library(user.HomeLibraryId), user.CreatedAt, user.EmailConfirmed, user.TwoFactorEnabled, passkeys, logins, claims);
    }

    private async Task<List<NominationData>> NominationsAsync(string? userId, Names names, CancellationToken cancellationToken)
    {
        if (userId is null)
            return [];
        var nominations = await db.Nominations.AsNoTracking()
            .Include(n => n.Partners).Include(n => n.Links).Include(n => n.Statistics).Include(n => n.Attachments)
            .AsSplitQuery()
            .Where(n => n.CreatedByUserId == userId)
            .OrderBy(n => n.Id)
            .ToListAsync(cancellationToken);
        return nominations.Select(n => new NominationData(n.Id, names.Cycle(n.CycleId) ?? "", names.Category(n.CategoryId) ?? "",
                names.Library(n.LibraryId) ?? "", n.Status, n.PublicSummary, n.Achievements, n.Projects, n.CreatedAt, n.SubmittedAt,
                n.Partners.OrderBy(p => p.Order).Select(p => new PartnerData(p.Name, p.Role)).ToList(),
                n.Links.OrderBy(l => l.Order).Select(l => new LinkData(l.Title, l.Url)).ToList(),
                n.Statistics.OrderBy(s => s.Id).Select(s => new StatisticData(s.Kind, s.Label, s.Value, s.Unit, s.Year)).ToList(),
                n.Attachments.Where(a => a.EndorsementId is null).OrderBy(a => a.Id).Select(File).ToList()))
            .ToList();
    }

    private async Task<List<FileData>> FilesAsync(string? userId, CancellationToken cancellationToken) =>
        userId is null ? [] :
        (await db.Attachments.AsNoTracking().Where(a => a.UploadedByUserId == userId).OrderBy(a => a.Id).ToListAsync(cancellationToken))
            .Select(File).ToList();

    private static FileData File(Domain.Nominations.Attachment a) =>
        new(a.NominationId, a.OriginalFileName, a.ContentType, a.SizeBytes, a.Caption, a.Credit, a.Licence, a.ConsentGiven, a.UploadedAt);

    private async Task<List<RequestedLetterData>> LettersRequestedAsync(string? userId, Names names, CancellationToken cancellationToken)
    {
        if (userId is null)
            return [];
        var letters = await db.Endorsements.AsNoTracking().Where(e => e.RequestedByUserId == userId).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var libraries = await names.NominationLibrariesAsync(db, letters.Select(e => e.NominationId), cancellationToken);
        return letters.Select(e => new RequestedLetterData(e.NominationId, libraries(e.NominationId), e.EndorserName, e.EndorserEmail,
            e.Status, e.RequestedAt, e.ReceivedAt)).ToList();
    }

    private async Task<List<WrittenLetterData>> LettersWrittenAsync(string upper, Names names, CancellationToken cancellationToken)
    {
        var letters = await db.Endorsements.AsNoTracking().Where(e => e.EndorserEmail.ToUpper() == upper).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var libraries = await names.NominationLibrariesAsync(db, letters.Select(e => e.NominationId), cancellationToken);
        return letters.Select(e => new WrittenLetterData(e.NominationId, libraries(e.NominationId), e.EndorserName, e.EndorserTitle,
            e.Organisation, e.Letter, e.Status, e.WantsResults, e.RequestedAt, e.ReceivedAt)).ToList();
    }

    private async Task<List<ScoreBallotData>> ScoreBallotsAsync(string? userId, Names names, CancellationToken cancellationToken)
    {
        if (userId is null)
            return [];
        var ballots = await db.ScoreBallots.AsNoTracking().Include(b => b.Scores)
            .Where(b => b.JurorUserId == userId).OrderBy(b => b.RoundId).ThenBy(b => b.NominationId).ToListAsync(cancellationToken);
        var rounds = await RoundsAsync(ballots.Select(b => b.RoundId), cancellationToken);
        var criteria = await db.Criteria.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var libraries = await names.NominationLibrariesAsync(db, ballots.Select(b => b.NominationId), cancellationToken);
        return ballots.Select(b => new ScoreBallotData(names.Cycle(rounds[b.RoundId].CycleId) ?? "", rounds[b.RoundId].Number,
                libraries(b.NominationId), b.Abstained,
                b.Scores.OrderBy(s => s.CriterionId).Select(s => new ScoreData(criteria.GetValueOrDefault(s.CriterionId, ""), s.Score)).ToList(),
                b.Comment, b.PrivateNotes, b.IsPaperBallot, b.UpdatedAt))
            .ToList();
    }

    private async Task<List<RankedBallotData>> RankedBallotsAsync(string? userId, Names names, CancellationToken cancellationToken)
    {
        if (userId is null)
            return [];
        var ballots = await db.RankedBallots.AsNoTracking().Include(b => b.Ranks)
            .Where(b => b.JurorUserId == userId).OrderBy(b => b.RoundId).ThenBy(b => b.CategoryId).ToListAsync(cancellationToken);
        var rounds = await RoundsAsync(ballots.Select(b => b.RoundId), cancellationToken);
        var libraries = await names.NominationLibrariesAsync(db, ballots.SelectMany(b => b.Ranks).Select(r => r.NominationId), cancellationToken);
        return ballots.Select(b => new RankedBallotData(names.Cycle(rounds[b.RoundId].CycleId) ?? "", rounds[b.RoundId].Number,
                names.Category(b.CategoryId) ?? "",
                b.Ranks.OrderBy(r => r.Rank).Select(r => new RankData(libraries(r.NominationId), r.Rank)).ToList(),
                b.IsPaperBallot, b.UpdatedAt))
            .ToList();
    }

    private async Task<Dictionary<int, (int CycleId, int Number)>> RoundsAsync(IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Rounds.AsNoTracking().Where(r => wanted.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => (r.CycleId, r.Number), cancellationToken);
    }

    private async Task<List<ConflictData>> ConflictsAsync(string? userId, Names names, CancellationToken cancellationToken)
    {
        if (userId is null)
            return [];
        var conflicts = await db.Conflicts.AsNoTracking().Where(c => c.JurorUserId == userId).OrderBy(c => c.RaisedAt).ToListAsync(cancellationToken);
        var libraries = await names.NominationLibrariesAsync(db, conflicts.Select(c => c.NominationId), cancellationToken);
        return conflicts.Select(c => new ConflictData(names.Cycle(c.CycleId) ?? "", libraries(c.NominationId), c.Source, c.Reason,
            c.Status, c.RaisedAt, c.DecidedAt, c.DecisionReason)).ToList();
    }

    private async Task<List<CastingVoteData>> CastingVotesAsync(string? userId, Names names, CancellationToken cancellationToken)
    {
        if (userId is null)
            return [];
        var votes = await (from vote in db.CastingVotes.AsNoTracking()
                           where vote.ChairUserId == userId
                           join result in db.RoundResults on vote.RoundResultId equals result.Id
                           join round in db.Rounds on result.RoundId equals round.Id
                           orderby vote.CastAt
                           select new { round.CycleId, vote.ChosenName, vote.Reason, vote.CastAt }).ToListAsync(cancellationToken);
        return votes.Select(v => new CastingVoteData(names.Cycle(v.CycleId) ?? "", v.ChosenName, v.Reason, v.CastAt)).ToList();
    }

    private async Task<List<CitationData>> CitationsAsync(string? userId, Names names, CancellationToken cancellationToken)
    {
        if (userId is null)
            return [];
        var publications = await db.Publications.AsNoTracking()
            .Where(p => p.CitationByUserId == userId || p.ApprovedByUserId == userId || p.PublishedByUserId == userId)
            .OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return publications.Select(p => new CitationData(names.Cycle(p.CycleId) ?? "", names.Category(p.CategoryId) ?? "",
                p.CitationByUserId == userId ? p.Citation : null,
                p.ApprovedByUserId == userId ? p.ApprovedAt : null,
                p.PublishedByUserId == userId ? p.PublishedAt : null))
            .ToList();
    }

    /// <summary>
    /// The voter's mailbox key as the vote stored it, and as it is stored once the retention job hashed it: either
    /// finds the person's requests and votes, so the export still shows them after the address itself is gone.
    /// </summary>
    private (string Normalized, string Key, string HashedKey) VoterKeys(string email)
    {
        var key = VoterAddress.Canonical(email);
        return (VoterAddress.Normalize(email), key, pseudonyms.VoterKey(key));
    }

    private async Task<List<VoteRequestData>> VoteRequestsAsync(string email, Names names, CancellationToken cancellationToken)
    {
        if (!VoterAddress.IsPlausible(email))
            return [];
        var (normalized, key, hashed) = VoterKeys(email);
        var requests = await db.VoteRequests.AsNoTracking()
            .Where(r => r.VoterEmail == normalized || r.VoterKey == key || r.VoterKey == hashed)
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var libraries = await names.NominationLibrariesAsync(db, requests.Select(r => r.NominationId), cancellationToken);
        return requests.Select(r => new VoteRequestData(names.Cycle(r.CycleId) ?? "", names.Category(r.CategoryId) ?? "",
            libraries(r.NominationId), r.VoterEmail, r.RequestedAt, r.ConfirmedAt, r.RequestIp)).ToList();
    }

    private async Task<List<VoteData>> VotesAsync(string email, Names names, CancellationToken cancellationToken)
    {
        if (!VoterAddress.IsPlausible(email))
            return [];
        var (normalized, key, hashed) = VoterKeys(email);
        var votes = await db.PeoplesChoiceVotes.AsNoTracking()
            .Where(v => v.VoterEmail == normalized || v.VoterKey == key || v.VoterKey == hashed)
            .OrderBy(v => v.Id).ToListAsync(cancellationToken);
        var libraries = await names.NominationLibrariesAsync(db, votes.Select(v => v.NominationId), cancellationToken);
        return votes.Select(v => new VoteData(names.Cycle(v.CycleId) ?? "", names.Category(v.CategoryId) ?? "",
            libraries(v.NominationId), v.VoterEmail, v.ConfirmedAt)).ToList();
    }

    private async Task<List<MemberListData>> MemberListsAsync(string email, Names names, CancellationToken cancellationToken)
    {
        var normalized = VoterAddress.Normalize(email);
        var key = VoterAddress.Canonical(email);
        var entries = await db.MemberList.AsNoTracking().Where(m => m.Email == normalized || m.Email == key).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        return entries.Select(m => new MemberListData(names.Cycle(m.CycleId) ?? "", m.Email)).ToList();
    }

    private async Task<List<InvitationData>> InvitationsAsync(string? userId, string upper, Names names, CancellationToken cancellationToken)
    {
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.Email.ToUpper() == upper || (userId != null && i.AcceptedByUserId == userId))
            .OrderBy(i => i.InvitedAt).ToListAsync(cancellationToken);
        return invitations.Select(i => new InvitationData(i.Email, i.Role, names.Library(i.LibraryId), names.Cycle(i.CycleId),
            i.InvitedAt, i.ExpiresAt, i.AcceptedAt, i.DeclinedAt)).ToList();
    }

    private async Task<List<MailData>> MailsAsync(string upper, CancellationToken cancellationToken) =>
        (await db.Outbox.AsNoTracking().Where(m => m.ToEmail.ToUpper() == upper).OrderBy(m => m.Id).ToListAsync(cancellationToken))
            .Select(m => new MailData(m.Purpose, m.ToName, m.ToEmail, m.Subject, m.Status, m.CreatedAt, m.SentAt))
            .ToList();

    /// <summary>
    /// Entries the person made, entries about their account, and entries whose record or reason names them. The
    /// before/after records come only with the entries on their account: elsewhere a record can hold someone else's
    /// data (the chair who decided a conflict is named in the juror's declaration), and what is the person's own in
    /// them — ballots, nominations, letters — is in its own section.
    /// </summary>
    private async Task<List<AuditData>> AuditEntriesAsync(string? userId, string? email, CancellationToken cancellationToken)
    {
        if (userId is null)
            return [];
        var query = db.AuditEntries.AsNoTracking().Where(e =>
            e.ActorUserId == userId || e.EntityId == userId
            || (e.Before != null && e.Before.Contains(userId)) || (e.After != null && e.After.Contains(userId)));
        if (!string.IsNullOrWhiteSpace(email))
            query = query.Union(db.AuditEntries.AsNoTracking().Where(e =>
                (e.Before != null && e.Before.Contains(email)) || (e.After != null && e.After.Contains(email))
                || (e.Reason != null && e.Reason.Contains(email))));
        var entries = await query.ToListAsync(cancellationToken);
        return entries.OrderBy(e => e.Id)
            .Select(e => e.EntityId == userId
                ? new AuditData(e.At, e.Action, e.ActorName, e.EntityType, e.EntityId, e.Before, e.After, e.Reason)
                : new AuditData(e.At, e.Action, e.ActorName, e.EntityType, e.EntityId, null, null, e.Reason))
            .ToList();
    }

    /// <summary>The names the export shows instead of ids: a cycle's title, a library's name (small tables, read once).</summary>
    private sealed class Names(Dictionary<int, string> cycles, Dictionary<int, string> categories, Dictionary<int, string> libraries)
    {
        public static async Task<Names> LoadAsync(AppDbContext db, CancellationToken cancellationToken) => new(
            await db.Cycles.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Title, cancellationToken),
            await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken),
            await db.Libraries.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, cancellationToken));

        public string? Cycle(int? id) => id is { } x ? cycles.GetValueOrDefault(x) : null;

        public string? Category(int? id) => id is { } x ? categories.GetValueOrDefault(x) : null;

        public string? Library(int? id) => id is { } x ? libraries.GetValueOrDefault(x) : null;

        /// <summary>The library of each nomination named.</summary>
        public async Task<Func<int, string>> NominationLibrariesAsync(AppDbContext db, IEnumerable<int> nominationIds, CancellationToken cancellationToken)
        {
            var wanted = nominationIds.Distinct().ToList();
            var of = await db.Nominations.AsNoTracking().Where(n => wanted.Contains(n.Id))
                .ToDictionaryAsync(n => n.Id, n => n.LibraryId, cancellationToken);
            return id => of.TryGetValue(id, out var library) ? Library(library) ?? "" : "";
        }
    }
}
