using Microsoft.Extensions.Localization;

namespace AwardVote.Infrastructure.Mail.Templates;

/// <summary>A one-time link to join a cycle's jury panel, as a juror or as its chair.</summary>
public sealed record JuryInvitationMail(string InviteeName, string InviterName, string CycleTitle, string CategoryName, bool AsChair,
    string InvitedEmail, string AcceptUrl, int ValidDays) : MailTemplate
{
    public override string Purpose => "jury-invitation";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["Invitation to the jury of {0}", CycleTitle],
        [
            l["Hello, {0}!", InviteeName],
            AsChair
                ? l["{0} invites you to chair the jury of {1}, category {2}, in AwardVote.", InviterName, CycleTitle, CategoryName]
                : l["{0} invites you to be a juror of {1}, category {2}, in AwardVote.", InviterName, CycleTitle, CategoryName],
            l["This invitation was sent to {0}. Sign in with your AwardVote account, or create one first, and then open the link below. The link works once and for {1} days.", InvitedEmail, ValidDays],
            l["If you do not expect this invitation, ignore this message."],
        ],
        (l["Accept the invitation"], AcceptUrl),
        l["AwardVote, Latvian Library Association"]);
}

/// <summary>One digest per juror: how many of their ballots are unfinished, not one mail per missing score.</summary>
public sealed record JurorReminderMail(string JurorName, string CycleTitle, int Unfinished, int Assigned, string? ClosesAt, string BallotsUrl)
    : MailTemplate
{
    public override string Purpose => "jury-reminder";

    /// <summary>The nominations not finished, by library name (each after a colon, where the name's own form fits).</summary>
    public IReadOnlyList<string> UnfinishedNominations { get; init; } = [];

    /// <summary>A personal note from the chair or the association, quoted as written.</summary>
    public string? Note { get; init; }

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["Reminder: your ballots for {0}", CycleTitle],
        [
            l["Hello, {0}!", JurorName],
            .. Note is null ? Array.Empty<string>() : [l["A note for you: {0}", Note].Value],
            l["{0} of your {1} ballots in {2} are not finished yet.", Unfinished, Assigned, CycleTitle],
            .. UnfinishedNominations.Count == 0 ? Array.Empty<string>() : [l["Not finished yet: {0}.", string.Join("; ", UnfinishedNominations)].Value],
            ClosesAt is null ? l["The round closes when the association closes it."] : l["The round closes on {0}.", ClosesAt],
            l["If you have a conflict of interest with a nomination, declare it on the ballot page instead of scoring it."],
        ],
        (l["Open my ballots"], BallotsUrl),
        l["AwardVote, Latvian Library Association"]);
}

/// <summary>The final ended undecided and the association opened a repeat ballot among the tied.</summary>
public sealed record RepeatBallotMail(string JurorName, string CycleTitle, string CategoryName, IReadOnlyList<string> Nominations, string ClosesAt,
    string BallotsUrl) : MailTemplate
{
    public override string Purpose => "repeat-ballot";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["Repeat ballot: {0}", CycleTitle],
        [
            l["Hello, {0}!", JurorName],
            l["The final of {0}, category {1}, did not decide the laureate, so the association has opened a repeat ballot among: {2}.", CycleTitle, CategoryName, string.Join(", ", Nominations)],
            l["The repeat ballot closes on {0}.", ClosesAt],
        ],
        (l["Open my ballots"], BallotsUrl),
        l["AwardVote, Latvian Library Association"]);
}

/// <summary>
/// The chair (or an administrator) recorded a conflict of interest for the juror by hand, or reopened a decided one:
/// the juror hears of it, with the reason, whichever way it goes.
/// </summary>
public sealed record ConflictRecordedMail(string JurorName, string CycleTitle, string LibraryName, bool Reopened, string Reason, string NominationUrl)
    : MailTemplate
{
    public override string Purpose => Reopened ? "conflict-reopened" : "conflict-added";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        Reopened ? l["A conflict of interest is reopened: {0}", CycleTitle] : l["A conflict of interest is recorded for you: {0}", CycleTitle],
        [
            l["Hello, {0}!", JurorName],
            Reopened
                ? l["The decision on your possible conflict of interest with the nomination {1} in {0} is reopened: until it is decided again, you cannot vote on this nomination.", CycleTitle, LibraryName]
                : l["The jury of {0} has recorded your conflict of interest with the nomination {1}: you do not score it, and your ballot on it is not counted.", CycleTitle, LibraryName],
            l["Reason: {0}", Reason],
            l["If you think this is a mistake, tell the chair of the jury."],
        ],
        (l["Open the nomination"], NominationUrl),
        l["AwardVote, Latvian Library Association"]);
}
