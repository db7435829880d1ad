using AwardVote.Domain.Libraries;
using Microsoft.Extensions.Localization;

namespace AwardVote.Infrastructure.Mail.Templates;

/// <summary>The receipt a library gets each time it submits (or resubmits) its nomination.</summary>
public sealed record NominationReceiptMail(
    string RecipientName,
    LibraryName LibraryName,
    string CycleTitle,
    string CategoryName,
    string SubmittedAtLocal,
    string? PublicSummary,
    int Partners,
    int Statistics,
    int Attachments,
    int EndorsementsReceived,
    string NominationUrl) : MailTemplate
{
    public override string Purpose => "nomination-receipt";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["Nomination received: {0}", LibraryName],
        [
            l["Hello, {0}!", RecipientName],
            l["The nomination of {0} for \"{1}\" ({2}) was submitted on {3}.", LibraryName.In(GrammaticalCase.Genitive), CycleTitle, CategoryName, SubmittedAtLocal],
            l["Summary: {0}", PublicSummary ?? "—"],
            l["Partners: {0}. Statistics: {1}. Attachments: {2}. Letters of support received: {3}.", Partners, Statistics, Attachments, EndorsementsReceived],
            l["You can change and resubmit the nomination until the deadline."],
        ],
        (l["Open the nomination"], NominationUrl),
        l["AwardVote, Latvian Library Association"]);
}

/// <summary>A part of a nomination a resubmission receipt names as changed.</summary>
public enum NominationPart
{
    PublicSummary,
    Achievements,
    Projects,
    Partners,
    Statistics,
    Links,
    /// <summary>A file added to or removed from a submitted nomination.</summary>
    Files,
}

/// <summary>
/// The receipt for a changed, resubmitted nomination: what changed since the last submission, so every representative
/// knows the jury reads a new version and a change nobody in the library made does not go unnoticed.
/// </summary>
public sealed record NominationResubmissionMail(
    string RecipientName,
    string LibraryName,
    string CycleTitle,
    string CategoryName,
    string SubmittedAtLocal,
    IReadOnlyList<NominationPart> Changed,
    string? PublicSummary,
    string NominationUrl) : MailTemplate
{
    public override string Purpose => "nomination-resubmission";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["Nomination changed and submitted again: {0}", LibraryName],
        [
            l["Hello, {0}!", RecipientName],
            l["The nomination for \"{1}\" ({2}) was changed and submitted again on {3}. Library: {0}. From now on the jury reads this version.",
                LibraryName, CycleTitle, CategoryName, SubmittedAtLocal],
            l["Changed since the last submission: {0}.", string.Join(", ", Changed.Select(part => Name(part, l)))],
            l["Summary: {0}", PublicSummary ?? "—"],
            l["If nobody in your library made this change, tell the association at once."],
        ],
        (l["Open the nomination"], NominationUrl),
        l["AwardVote, Latvian Library Association"]);

    private static string Name(NominationPart part, IStringLocalizer<MailResource> l) => part switch
    {
        NominationPart.PublicSummary => l["the public summary"],
        NominationPart.Achievements => l["the achievements"],
        NominationPart.Projects => l["the projects"],
        NominationPart.Partners => l["the partners"],
        NominationPart.Statistics => l["the statistics"],
        NominationPart.Links => l["the links"],
        NominationPart.Files => l["the files"],
        _ => part.ToString(),
    };
}

/// <summary>Asks a partner, official or reader for a letter of support through a one-time link.</summary>
public sealed record EndorsementRequestMail(string EndorserName, LibraryName LibraryName, string CycleTitle, string RequestedBy, string Link, string ExpiresLocal)
    : MailTemplate
{
    public override string Purpose => "endorsement-request";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["{0} asks you for a letter of support", LibraryName],
        [
            l["Hello, {0}!", EndorserName],
            l["{0} of {1} is nominating the library for \"{2}\" and asks you for a letter of support.", RequestedBy, LibraryName.In(GrammaticalCase.Genitive), CycleTitle],
            l["You do not need an account: open the link below and write your letter. The link works once, until {0}.", ExpiresLocal],
        ],
        (l["Write the letter of support"], Link),
        l["AwardVote, Latvian Library Association"]);
}

/// <summary>Tells a library that another library nominated it; the nomination counts only once it confirms.</summary>
public sealed record NominatedByAnotherLibraryMail(string RecipientName, LibraryName LibraryName, string NominatingLibrary, string CycleTitle, string Link)
    : MailTemplate
{
    public override string Purpose => "nominated-by-another-library";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["{0} nominated your library", NominatingLibrary],
        [
            l["Hello, {0}!", RecipientName],
            l["{0} nominated {1} for \"{2}\".", NominatingLibrary, LibraryName.In(GrammaticalCase.Accusative), CycleTitle],
            l["The nomination counts only after your library confirms it. Then you can complete and submit it."],
        ],
        (l["Confirm or decline"], Link),
        l["AwardVote, Latvian Library Association"]);
}

/// <summary>The outcome of eligibility screening, with the reason the library is entitled to see.</summary>
public sealed record EligibilityDecisionMail(string RecipientName, LibraryName LibraryName, string CycleTitle, bool Eligible, string? Reason, string Link)
    : MailTemplate
{
    public override string Purpose => "eligibility-decision";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        Eligible ? l["The nomination of {0} is eligible", LibraryName.In(GrammaticalCase.Genitive)] : l["The nomination of {0} is not eligible", LibraryName.In(GrammaticalCase.Genitive)],
        [
            l["Hello, {0}!", RecipientName],
            Eligible
                ? l["The association screened the nomination of {0} for \"{1}\": it meets the statute's eligibility rules and goes to the jury.", LibraryName.In(GrammaticalCase.Genitive), CycleTitle]
                : l["The association screened the nomination of {0} for \"{1}\": it does not meet the statute's eligibility rules.", LibraryName.In(GrammaticalCase.Genitive), CycleTitle],
            l["Reason: {0}", string.IsNullOrWhiteSpace(Reason) ? "—" : Reason],
        ],
        (l["Open the nomination"], Link),
        l["AwardVote, Latvian Library Association"]);
}
