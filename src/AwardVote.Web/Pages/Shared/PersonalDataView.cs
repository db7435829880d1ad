using AwardVote.Application.Privacy;

namespace AwardVote.Web.Pages.Shared;

/// <summary>What the "My data" partial shows: the export, with times in the association's time zone.</summary>
public sealed record PersonalDataView(PersonalDataExport Export, string TimeZone);
