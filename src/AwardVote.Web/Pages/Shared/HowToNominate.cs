using AwardVote.Application.Nominations;

namespace AwardVote.Web.Pages.Shared;

/// <summary>What the "how to nominate" partial shows for one cycle open for nominations and one reader.</summary>
public sealed record HowToNominate(string Slug, string TimeZone, DateTimeOffset? Closes, NominationStep Step);
