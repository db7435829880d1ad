using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;

namespace AwardVote.Web.Pages.Shared;

/// <summary>What the nomination article partial shows.</summary>
public sealed record NominationArticle(Nomination Nomination, AwardCycle Cycle, string LibraryName, string CategoryName);
