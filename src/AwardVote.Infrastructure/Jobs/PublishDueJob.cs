using AwardVote.Infrastructure.Results;

namespace AwardVote.Infrastructure.Jobs;

/// <summary>
/// Publishes the results whose announcement time has come (set on the publication page). Safe to run twice or on
/// two nodes at once: the publisher moves the cycle under its version token, so one run publishes and mails, and
/// the other finds the cycle published and does nothing.
/// </summary>
public sealed class PublishDueJob(ResultsPublisher publisher)
{
    public Task<int> RunAsync(CancellationToken cancellationToken) => publisher.PublishDueAsync(cancellationToken);
}
