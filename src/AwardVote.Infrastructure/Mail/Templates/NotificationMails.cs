using Microsoft.Extensions.Localization;

namespace AwardVote.Infrastructure.Mail.Templates;

// The moments people wait for (issue 16, item 8). Names of libraries go where the nominative fits (after a colon);
// a cycle's title stands in an apposition („…”).

/// <summary>A judging round of the juror's cycle opened: their ballots wait.</summary>
public sealed record JudgingOpenedMail(string JurorName, string CycleTitle, int Round, string? ClosesAt, string BallotsUrl) : MailTemplate
{
    public override string Purpose => "judging-opened";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["Judging is open: {0}, round {1}", CycleTitle, Round],
        [
            l["Hello, {0}!", JurorName],
            l["Round {1} of judging in „{0}” has begun: your ballots are waiting.", CycleTitle, Round],
            ClosesAt is null ? l["The round closes when the association closes it."] : l["The round closes on {0}.", ClosesAt],
            l["If you have a conflict of interest with a nomination, declare it on the ballot page instead of scoring it."],
        ],
        (l["Open my ballots"], BallotsUrl),
        l["AwardVote, Latvian Library Association"]);
}

/// <summary>A letter of support arrived for the library's nomination.</summary>
public sealed record EndorsementReceivedMail(string RecipientName, string LibraryName, string EndorserName, string CycleTitle,
    string NominationUrl) : MailTemplate
{
    public override string Purpose => "endorsement-received";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["A letter of support has arrived: {0}", LibraryName],
        [
            l["Hello, {0}!", RecipientName],
            l["A letter of support has arrived for your library's nomination in „{0}”.", CycleTitle],
            l["Written by: {0}", EndorserName],
            l["You can read it on the nomination's page."],
        ],
        (l["Open the nomination"], NominationUrl),
        l["AwardVote, Latvian Library Association"]);
}

/// <summary>The chair (or an administrator) confirmed or dismissed a possible conflict of interest of the juror.</summary>
public sealed record ConflictDecidedMail(string JurorName, string CycleTitle, string LibraryName, bool Confirmed, string? Reason,
    string NominationUrl) : MailTemplate
{
    public override string Purpose => "conflict-decided";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        Confirmed ? l["Your conflict of interest is confirmed: {0}", CycleTitle] : l["A possible conflict of interest is dismissed: {0}", CycleTitle],
        new[]
        {
            l["Hello, {0}!", JurorName].Value,
            Confirmed
                ? l["The jury confirmed your conflict of interest with a nomination in „{0}”: you do not score it, and your ballot on it is not counted.", CycleTitle].Value
                : l["The jury dismissed the possible conflict of interest with a nomination in „{0}”: you score this nomination like the others.", CycleTitle].Value,
            l["Nomination: {0}", LibraryName].Value,
        }.Concat(Reason is null ? [] : [l["Reason: {0}", Reason].Value]),
        (l["Open the nomination"], NominationUrl),
        l["AwardVote, Latvian Library Association"]);
}
