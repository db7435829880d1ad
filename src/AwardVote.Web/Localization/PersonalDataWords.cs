using AwardVote.Domain.Accounts;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Mail;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Localization;

/// <summary>The export's codes in words, for the readable "My data" page (the JSON keeps the codes).</summary>
public static class PersonalDataWords
{
    public static string Role(ScopedRole role, IStringLocalizer l) => role switch
    {
        ScopedRole.Administrator => l["Administrator"],
        ScopedRole.LibraryRepresentative => l["Library representative"],
        ScopedRole.Juror => l["Juror"],
        ScopedRole.Chair => l["Chair"],
        _ => l["Other"],
    };

    public static string Letter(EndorsementStatus status, IStringLocalizer l) => status switch
    {
        EndorsementStatus.Received => l["Received"],
        EndorsementStatus.Revoked => l["Revoked"],
        _ => l["Asked, not yet received"],
    };

    public static string ConflictSource(ConflictSource source, IStringLocalizer l) => source switch
    {
        Domain.Judging.ConflictSource.DeclaredByJuror => l["Declared by the juror"],
        Domain.Judging.ConflictSource.OwnLibrary => l["The juror works at the nominee"],
        Domain.Judging.ConflictSource.RepresentedLibrary => l["The juror represents the nominee"],
        Domain.Judging.ConflictSource.SameMunicipality => l["Same municipality"],
        Domain.Judging.ConflictSource.SameRegion => l["Same region"],
        _ => l["Declared relationship"],
    };

    public static string ConflictStatus(ConflictStatus status, IStringLocalizer l) => status switch
    {
        Domain.Judging.ConflictStatus.Confirmed => l["Confirmed"],
        Domain.Judging.ConflictStatus.Dismissed => l["Dismissed"],
        _ => l["Proposed"],
    };

    public static string Mail(OutboxStatus status, IStringLocalizer l) => status switch
    {
        OutboxStatus.Sent => l["Sent"],
        OutboxStatus.Failed => l["Failed"],
        _ => l["Waiting"],
    };

    public static string YesNo(bool value, IStringLocalizer l) => value ? l["yes"] : l["no"];
}
