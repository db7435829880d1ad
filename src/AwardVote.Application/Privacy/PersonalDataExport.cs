using System.Text.Json;
using System.Text.Json.Serialization;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Libraries;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Mail;

namespace AwardVote.Application.Privacy;

/// <summary>
/// Everything AwardVote holds about one person (GDPR articles 15 and 20): what the "My data" page shows and the JSON
/// download holds. Each list is only the person's own rows — never another juror's ballot or another person's address.
/// <see cref="PersonalDataMap"/> names, for every personal column, the section here that carries it.
/// </summary>
/// <param name="Email">The address the export was made for (the account's, or the one an administrator looked up).</param>
public sealed record PersonalDataExport(
    DateTimeOffset ExportedAt,
    string Email,
    AccountData? Account,
    IReadOnlyList<RoleData> Roles,
    IReadOnlyList<RepresentedLibraryData> Libraries,
    IReadOnlyList<NominationData> Nominations,
    IReadOnlyList<FileData> Files,
    IReadOnlyList<RequestedLetterData> LettersRequested,
    IReadOnlyList<WrittenLetterData> LettersWritten,
    IReadOnlyList<ScoreBallotData> ScoreBallots,
    IReadOnlyList<RankedBallotData> RankedBallots,
    IReadOnlyList<ConflictData> Conflicts,
    IReadOnlyList<CastingVoteData> CastingVotes,
    IReadOnlyList<CitationData> Citations,
    IReadOnlyList<VoteRequestData> VoteRequests,
    IReadOnlyList<VoteData> Votes,
    IReadOnlyList<MemberListData> MemberLists,
    IReadOnlyList<InvitationData> Invitations,
    IReadOnlyList<MailData> Mails,
    IReadOnlyList<AuditData> AuditEntries)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The JSON download, the same bytes for the page and the API.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>The download's file name: the date, never the address (a file name ends up in logs and folders).</summary>
    public string FileName => $"awardvote-personas-dati-{ExportedAt.UtcDateTime:yyyy-MM-dd}.json";
}

/// <remarks>Never a password hash, security stamp, authenticator key, recovery code or token: those are secrets, not data to take away.</remarks>
public sealed record AccountData(string Id, string DisplayName, string? Email, string? UserName, string? PhoneNumber,
    string PreferredCulture, string? HomeLibrary, DateTimeOffset CreatedAt, bool EmailConfirmed, bool TwoFactorOn,
    IReadOnlyList<PasskeyData> Passkeys, IReadOnlyList<ExternalLoginData> ExternalLogins, IReadOnlyList<ClaimData> Claims);

public sealed record PasskeyData(string? Name, DateTimeOffset CreatedAt);

public sealed record ExternalLoginData(string Provider, string? DisplayName);

public sealed record ClaimData(string? Type, string? Value);

public sealed record RoleData(ScopedRole Role, string? Library, string? Cycle, string? Category, DateTimeOffset GrantedAt);

/// <remarks>The library's own contact details: the person represents it, and the registration form is theirs.</remarks>
public sealed record RepresentedLibraryData(string Name, string Region, string? Municipality, string? Address, string? Website,
    string? Email, string? Phone, LibraryStatus Status, string? RefusalReason, DateTimeOffset RegisteredAt);

public sealed record NominationData(int Id, string Cycle, string Category, string Library, NominationStatus Status,
    string? PublicSummary, string? Achievements, string? Projects, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt,
    IReadOnlyList<PartnerData> Partners, IReadOnlyList<LinkData> Links, IReadOnlyList<StatisticData> Statistics,
    IReadOnlyList<FileData> Attachments);

public sealed record PartnerData(string Name, string? Role);

public sealed record LinkData(string? Title, string Url);

public sealed record StatisticData(StatisticKind Kind, string? Label, decimal Value, string? Unit, int Year);

/// <summary>A file's description, never its content (the file itself is on the nomination's page).</summary>
public sealed record FileData(int NominationId, string OriginalFileName, string ContentType, long SizeBytes, string? Caption,
    string? Credit, string? Licence, bool ConsentGiven, DateTimeOffset UploadedAt);

/// <summary>A letter of support the person asked for: whom they asked and where it stands (the letter is its writer's).</summary>
public sealed record RequestedLetterData(int NominationId, string Library, string EndorserName, string EndorserEmail,
    EndorsementStatus Status, DateTimeOffset RequestedAt, DateTimeOffset? ReceivedAt);

/// <summary>A letter of support sent to the person's address: what they wrote.</summary>
public sealed record WrittenLetterData(int NominationId, string Library, string EndorserName, string? EndorserTitle,
    string? Organisation, string? Letter, EndorsementStatus Status, bool WantsResults, DateTimeOffset RequestedAt, DateTimeOffset? ReceivedAt);

public sealed record ScoreBallotData(string Cycle, int Round, string Library, bool Abstained, IReadOnlyList<ScoreData> Scores,
    string? Comment, string? PrivateNotes, bool PaperBallot, DateTimeOffset UpdatedAt);

public sealed record ScoreData(string Criterion, int? Score);

public sealed record RankedBallotData(string Cycle, int Round, string Category, IReadOnlyList<RankData> Ranks,
    bool PaperBallot, DateTimeOffset UpdatedAt);

public sealed record RankData(string Library, int Rank);

/// <summary>A conflict of interest about the person as a juror, with the decision on it (it is about them).</summary>
public sealed record ConflictData(string Cycle, string Library, ConflictSource Source, string Reason, ConflictStatus Status,
    DateTimeOffset RaisedAt, DateTimeOffset? DecidedAt, string? DecisionReason);

public sealed record CastingVoteData(string Cycle, string Chosen, string Reason, DateTimeOffset CastAt);

/// <summary>A laureate's publication the person wrote the citation of (<see cref="Citation"/>), approved or published (the times).</summary>
public sealed record CitationData(string Cycle, string Category, string? Citation, DateTimeOffset? ApprovedAt, DateTimeOffset? PublishedAt);

public sealed record VoteRequestData(string Cycle, string Category, string Library, string VoterEmail, DateTimeOffset RequestedAt,
    DateTimeOffset? ConfirmedAt, string? RequestIp);

public sealed record VoteData(string Cycle, string Category, string Library, string VoterEmail, DateTimeOffset ConfirmedAt);

public sealed record MemberListData(string Cycle, string Email);

public sealed record InvitationData(string Email, ScopedRole Role, string? Library, string? Cycle, DateTimeOffset InvitedAt,
    DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt, DateTimeOffset? DeclinedAt);

/// <summary>A mail sent to the person: its subject and fate. The body is removed once sent, so it is not here.</summary>
public sealed record MailData(string Purpose, string? ToName, string ToEmail, string Subject, OutboxStatus Status,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt);

public sealed record AuditData(DateTimeOffset At, string Action, string ActorName, string EntityType, string EntityId,
    string? Before, string? After, string? Reason);
