using AwardVote.Infrastructure.Mail;
using Hangfire;

namespace AwardVote.Application;

/// <summary>
/// Asks for the outbox to be delivered now instead of at the next minute, after a use case committed mail; the
/// recurring job is the safety net, and delivery sends each (recipient, purpose) once however often it is asked.
/// </summary>
public sealed class MailSoon(IBackgroundJobClient jobs)
{
    public void DeliverSoon() => jobs.Enqueue<DeliverOutboxJob>(job => job.RunAsync(CancellationToken.None));
}
