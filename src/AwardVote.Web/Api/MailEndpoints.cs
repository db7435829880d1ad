using AwardVote.Application.Mail;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;

namespace AwardVote.Web.Api;

/// <summary>Mail delivery for administrators in the JSON API: the same report and the same resend as the mail page.</summary>
public static class MailEndpoints
{
    public static void MapMailApi(this IEndpointRouteBuilder endpoints)
    {
        var mail = endpoints.MapGroup("/api/admin/mail").WithTags("Mail").RequireAuthorization(Policies.Administrator);
        mail.MapGet("/", GetDelivery)
            .WithSummary("How much mail is sent, waiting or failed, per purpose, and the latest failed messages")
            .Produces<MailDelivery>()
            .WithExample(null, new MailDelivery(new MailCounts("", 120, 2, 1), [new MailCounts("nomination-receipt", 40, 0, 1)],
                [new FailedMail(311, "info@biblioteka.example", "Ilze Bērziņa", "nomination-receipt", "Pieteikums saņemts", 3,
                    new DateTimeOffset(2027, 1, 6, 10, 0, 0, TimeSpan.Zero), "550 5.1.1 No such user")]));
        mail.MapPost("/{id:long}/resend", Resend)
            .WithSummary("Send a failed message again (the same message goes back to the queue)")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> GetDelivery(MailDeliveryReport report, CancellationToken cancellationToken) =>
        TypedResults.Ok(await report.RunAsync(cancellationToken));

    private static async Task<IResult> Resend(long id, HttpContext http, ResendMail resend, CancellationToken cancellationToken) =>
        (await resend.RunAsync(id, cancellationToken)).Answer(http, () => TypedResults.NoContent());
}
