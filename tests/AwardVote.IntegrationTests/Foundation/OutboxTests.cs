using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Foundation;

[Collection(AppsCollection.Name)]
public sealed class OutboxTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_mail_is_sent_once_even_when_the_delivery_job_runs_twice(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var email = $"once-{Guid.NewGuid():N}@biblioteka.example";
        await using (var scope = app.Scope())
        {
            scope.ServiceProvider.GetRequiredService<Outbox>()
                .Enqueue(new AccountConfirmationMail("Vienreiz", "http://localhost/confirm"), email, "Vienreiz", "lv", email);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        // Two delivery runs at the same time, as on two nodes, and then one more.
        await Task.WhenAll(RunDeliveryAsync(app), RunDeliveryAsync(app));
        await RunDeliveryAsync(app);

        Assert.Single(await Mailbox.WaitForAsync(email));
        await Task.Delay(300);
        Assert.Single(Mailbox.To(email));
        await using var check = app.Scope();
        var message = await check.ServiceProvider.GetRequiredService<AppDbContext>().Outbox.SingleAsync(m => m.ToEmail == email);
        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal(1, message.Attempts);
    }

    [Theory, AllProviders]
    public async Task The_same_recipient_and_purpose_cannot_be_queued_twice(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var email = $"dedupe-{Guid.NewGuid():N}@biblioteka.example";
        await using (var scope = app.Scope())
        {
            scope.ServiceProvider.GetRequiredService<Outbox>()
                .Enqueue(new AccountConfirmationMail("A", "http://localhost/a"), email, "A", "lv", "same-key-" + email);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        await using var second = app.Scope();
        second.ServiceProvider.GetRequiredService<Outbox>()
            .Enqueue(new AccountConfirmationMail("A", "http://localhost/a"), email, "A", "lv", "same-key-" + email);
        await Assert.ThrowsAsync<DbUpdateException>(() => second.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync());
    }

    private static async Task RunDeliveryAsync(AwardVote.Tests.AwardVoteApp app)
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<DeliverOutboxJob>().RunAsync(CancellationToken.None);
    }
}
