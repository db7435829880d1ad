using AwardVote.Application.Privacy;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Mail;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;

namespace AwardVote.Web.Api;

/// <summary>
/// "My data" in the JSON API: the signed-in person's own export, and an administrator's export for a request made by
/// post. The same use case (<see cref="ExportPersonalData"/>) and the same file as the pages' downloads.
/// </summary>
public static class PersonalDataEndpoints
{
    public static void MapPersonalDataApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/account/data", GetMine)
            .WithTags("Accounts")
            .RequireAuthorization(Policies.SignedIn)
            .WithSummary("Everything held about the signed-in person, as a JSON file (the same as the download on /Account/Manage/Data)")
            .Produces<PersonalDataExport>(StatusCodes.Status200OK, "application/json")
            .WithExample(null, Example);

        // POST, not GET: the person's address and the request's reference stay out of URLs and their logs.
        endpoints.MapPost("/api/admin/people/data", GetForRequest)
            .WithTags("Accounts")
            .RequireAuthorization(Policies.Administrator)
            .WithSummary("A person's data for a request made by post, found by e-mail address; the reference of the request is required and kept in the audit log")
            .Produces<PersonalDataExport>(StatusCodes.Status200OK, "application/json").ProducesValidationProblem()
            .WithExample(new PersonalDataRequestInput { Email = "ilze@biblioteka.example", Reason = "Vēstule Nr. 12, 2027-01-05, Ilze Bērziņa" }, Example);
    }

    private static async Task<IResult> GetMine(HttpContext http, ExportPersonalData export, CancellationToken cancellationToken) =>
        (await export.RunAsync(http.User.UserId(), cancellationToken)).Answer(http, File);

    private static async Task<IResult> GetForRequest(PersonalDataRequestInput input, HttpContext http, ExportPersonalData export,
        CancellationToken cancellationToken) =>
        (await export.RunAsync(input, cancellationToken)).Answer(http, File);

    private static IResult File(PersonalDataExport data) => TypedResults.File(data.ToJson(), "application/json", data.FileName);

    private static readonly DateTimeOffset ExampleTime = new(2027, 1, 6, 10, 0, 0, TimeSpan.Zero);

    private static readonly PersonalDataExport Example = new(
        ExampleTime, "ilze@biblioteka.example",
        new AccountData("3f1c…", ExampleValues.Applicant, "ilze@biblioteka.example", "ilze@biblioteka.example", null, "lv",
            ExampleValues.Library, ExampleTime.AddDays(-90), true, true, [new PasskeyData("Tālrunis", ExampleTime.AddDays(-60))], [], []),
        [new RoleData(ScopedRole.LibraryRepresentative, ExampleValues.Library, null, null, ExampleTime.AddDays(-89))],
        [], 
        [new NominationData(41, "Gada bibliotēka 2027", "Gada bibliotēka", ExampleValues.Library, NominationStatus.Submitted,
            "Bibliotēka, kas atver durvis visiem.", null, null, ExampleTime.AddDays(-30), ExampleTime.AddDays(-2),
            [new PartnerData("Daugavpils novada dome", "Līdzfinansētājs")], [], [], [])],
        [], [], [], [], [], [], [], [], [], [], [], [],
        [new MailData("library.approved", ExampleValues.Applicant, "ilze@biblioteka.example", "Bibliotēka apstiprināta", OutboxStatus.Sent, ExampleTime.AddDays(-88), ExampleTime.AddDays(-88))],
        [new AuditData(ExampleTime.AddDays(-90), "account.registered", ExampleValues.Applicant, "User", "3f1c…", null, null, null)]);
}
