namespace AwardVote.Application;

/// <summary>
/// Every reason a use case can give for saying no, grouped by feature. Web words each one in Latvian and English
/// (<c>AwardVote.Web.Localization.RefusalText</c>, which a unit test holds to this list); the API also sends the
/// code's name as the problem's <c>code</c>, so a script can tell refusals apart without reading the sentence.
/// </summary>
public enum RefusalCode
{
    // --- Any use case ------------------------------------------------------------------------------------------
    NotFound,
    Forbidden,
}
