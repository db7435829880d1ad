using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Localization;

/// <summary>
/// A mail's purpose (the outbox's <c>Purpose</c> code, e.g. <c>account-confirmation</c>) in words, for the
/// administrator's delivery page. A unit test fails for a purpose a mail template has that has no name here.
/// </summary>
public static class MailKinds
{
    /// <summary>The purpose in words; null for a code with no name yet.</summary>
    public static string? Name(string purpose, IStringLocalizer l) => purpose switch
    {
        "account-confirmation" => l["Confirm the e-mail address"],
        "account-exists" => l["An account with this address already exists"],
        "conflict-decided" => l["Conflict of interest decided"],
        "conflict-added" => l["Conflict of interest added to a juror"],
        "conflict-reopened" => l["Conflict of interest to be looked at again"],
        "eligibility-decision" => l["Eligibility decision"],
        "endorsement-received" => l["A letter of support arrived"],
        "endorsement-request" => l["Request for a letter of support"],
        "judging-opened" => l["Judging opened"],
        "jury-invitation" => l["Invitation to the jury"],
        "jury-reminder" => l["Reminder to jurors"],
        "library-approved" => l["Library approved"],
        "library-invitation" => l["Invitation to represent a library"],
        "library-refused" => l["Library registration refused"],
        "nominated-by-another-library" => l["Nominated by another library"],
        "nomination-receipt" => l["Nomination received"],
        "nomination-resubmission" => l["Nomination can be submitted again"],
        "password-reset" => l["Password reset link"],
        "peoples-choice-already-voted" => l["People's-choice vote: already voted"],
        "peoples-choice-confirmation" => l["People's-choice vote: confirm the vote"],
        "library-registered" => l["A library registered"],
        "peoples-choice-not-on-member-list" => l["People's-choice vote: not on the member list"],
        "repeat-ballot" => l["Repeat ballot"],
        "results-endorser" => l["Results: to those who wrote letters of support"],
        "results-juror" => l["Results: to the jurors"],
        "results-laureate" => l["Results: to the laureate"],
        "results-nominee" => l["Results: to the nominated libraries"],
        "round-repeated" => l["Round repeated"],
        _ => (string?)null,
    };
}
