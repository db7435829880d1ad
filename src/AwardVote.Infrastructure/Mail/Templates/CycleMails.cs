using Microsoft.Extensions.Localization;

namespace AwardVote.Infrastructure.Mail.Templates;

/// <summary>
/// To every juror and chair of a cycle when the administrator repeats a closed judging round: its count is discarded
/// and the jurors vote again, so none of them learns it only by finding the round open (issue 14).
/// </summary>
public sealed record RoundRepeatedMail(string JurorName, string CycleTitle, int RoundNumber, string Reason, string ClosesLocal, string Link)
    : MailTemplate
{
    public override string Purpose => "round-repeated";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["Round {0} of judging in \"{1}\" is repeated", RoundNumber, CycleTitle],
        [
            l["Hello, {0}!", JurorName],
            l["The administrator has repeated round {0} of judging in \"{1}\": the round's count is discarded, and the round is open again until {2}.", RoundNumber, CycleTitle, ClosesLocal],
            l["The reason given: {0}", Reason],
            l["Your ballots of the round are kept. Check them, change them if you wish, and they are counted when the round closes."],
        ],
        (l["Open my ballots"], Link),
        l["AwardVote, Latvian Library Association"]);
}
