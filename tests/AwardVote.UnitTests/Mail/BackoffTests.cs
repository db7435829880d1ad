using AwardVote.Infrastructure.Mail;

namespace AwardVote.UnitTests.Mail;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 8)]
    [InlineData(20, 360)]
    public void Retries_wait_longer_each_time_up_to_six_hours(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), DeliverOutboxJob.Backoff(attempts));
}
