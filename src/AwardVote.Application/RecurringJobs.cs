using AwardVote.Application.Counting;
using AwardVote.Application.Cycles;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Application.Privacy;
using AwardVote.Application.Results;
using AwardVote.Infrastructure.Jobs;
using AwardVote.Infrastructure.Mail;
using Hangfire;

namespace AwardVote.Application;

/// <summary>The one place that registers AwardVote's recurring jobs.</summary>
public static class RecurringJobs
{
    public const string AdvancePhases = "advance-phases";
    public const string DeliverOutbox = "deliver-outbox";
    public const string CountRounds = "count-rounds";
    /// <summary>Registered by the use cases' own job (AwardVote.Application.Jury.RemindJurorsJob), which this project cannot name.</summary>
    public const string RemindJurors = "remind-jurors";
    public const string CountPeoplesChoice = "count-peoples-choice";
    public const string DetectVoteAbuse = "detect-vote-abuse";
    public const string PublishDue = "publish-due";
    public const string PurgeMailBodies = "purge-mail-bodies";
    public const string HashVoterAddresses = "hash-voter-addresses";
    public const string DeleteUnconfirmedAccounts = "delete-unconfirmed-accounts";
    public const string DeleteExpiredInvitations = "delete-expired-invitations";

    public static void Register(IRecurringJobManager jobs)
    {
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        jobs.AddOrUpdate<AdvancePhasesJob>(AdvancePhases, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), utc);
        jobs.AddOrUpdate<CountRoundJob>(CountRounds, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), utc);
        jobs.AddOrUpdate<PublishDueJob>(PublishDue, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), utc);
        jobs.AddOrUpdate<DeliverOutboxJob>(DeliverOutbox, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), utc);
        jobs.AddOrUpdate<CountPeoplesChoiceJob>(CountPeoplesChoice, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), utc);
        jobs.AddOrUpdate<DetectVoteAbuseJob>(DetectVoteAbuse, job => job.RunAsync(CancellationToken.None), Cron.Minutely(), utc);
        jobs.AddOrUpdate<PurgeMailBodiesJob>(PurgeMailBodies, job => job.RunAsync(CancellationToken.None), Cron.Daily(3), utc);
        // Retention (section Privacy): daily, at night, each safe to run twice.
        jobs.AddOrUpdate<HashVoterAddressesJob>(HashVoterAddresses, job => job.RunAsync(CancellationToken.None), Cron.Daily(3, 15), utc);
        jobs.AddOrUpdate<DeleteUnconfirmedAccountsJob>(DeleteUnconfirmedAccounts, job => job.RunAsync(CancellationToken.None), Cron.Daily(3, 30), utc);
        jobs.AddOrUpdate<DeleteExpiredInvitationsJob>(DeleteExpiredInvitations, job => job.RunAsync(CancellationToken.None), Cron.Daily(3, 45), utc);
    }
}
