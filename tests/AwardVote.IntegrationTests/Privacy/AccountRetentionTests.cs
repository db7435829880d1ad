using System.Net.Http.Json;
using AwardVote.Application.Privacy;
using AwardVote.Domain.Accounts;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Privacy;
using AwardVote.IntegrationTests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Privacy;

/// <summary>
/// The retention jobs for accounts and invitations: each removes what is past its period and nothing else, pseudonymises
/// what the audit log said of it, and a second run in a row changes nothing and writes no entry.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class AccountRetentionTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Unconfirmed_accounts_go_after_the_period_with_their_mails_and_tokens_and_nothing_else(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var days = new PrivacyOptions().UnconfirmedAccountDays;
        var old = await RegisterAsync(app, "neapstiprinats", daysAgo: days + 1);
        var young = await RegisterAsync(app, "jauns", daysAgo: days - 1);
        var confirmed = await new PersonBuilder(LetterName("Apstiprinata")).CreateAsync(app);
        var library = await new LibraryBuilder($"Pārstāvju bibliotēka {Unique.Id()[..8]}").CreateAsync(app);
        var representative = await new PersonBuilder(LetterName("Parstave")).Representative(library.Id).CreateAsync(app);
        await app.ExecuteAsync(db => db.Users.Where(u => u.Id == confirmed.Id || u.Id == representative.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, DateTimeOffset.UtcNow.AddDays(-100))));
        await app.ExecuteAsync(db => db.Users.Where(u => u.Id == representative.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false)));
        // What Identity keeps beside the account: a login and a token.
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(old.Id))!;
            Assert.True((await users.AddLoginAsync(user, new UserLoginInfo("Test", Unique.Id(), "Test"))).Succeeded);
            Assert.True((await users.SetAuthenticationTokenAsync(user, "Test", "refresh", Unique.Id())).Succeeded);
        }
        Assert.True(await app.QueryAsync(db => db.Outbox.AnyAsync(m => m.ToEmail == old.Email)));
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == old.Id && a.Action == "account.registered")));

        Assert.True(await RunAsync<DeleteUnconfirmedAccountsJob>(app) >= 1);

        Assert.False(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Id == old.Id)));
        Assert.False(await app.QueryAsync(db => db.UserLogins.AnyAsync(l => l.UserId == old.Id)));
        Assert.False(await app.QueryAsync(db => db.UserTokens.AnyAsync(t => t.UserId == old.Id)));
        Assert.False(await app.QueryAsync(db => db.Outbox.AnyAsync(m => m.ToEmail == old.Email)));
        var pseudonym = await app.InScopeAsync(sp => Task.FromResult(sp.GetRequiredService<Pseudonyms>().Person(old.Id)));
        var entries = await app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId == pseudonym || (a.After != null && a.After.Contains(pseudonym))).ToListAsync());
        Assert.Contains(entries, a => a.Action == "account.registered");
        var deleted = Assert.Single(entries, a => a.Action == DeleteUnconfirmedAccountsJob.DeletedAction);
        Assert.Null(deleted.ActorUserId);
        Assert.False(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId.Contains(old.Id) || a.ActorUserId == old.Id
            || (a.After != null && (a.After.Contains(old.Email) || a.After.Contains(old.Name) || a.After.Contains(old.Id))))));

        // Not yet past the period, confirmed, or holding a role: kept, with their mails.
        foreach (var kept in new[] { young.Id, confirmed.Id, representative.Id })
            Assert.True(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Id == kept)));
        Assert.True(await app.QueryAsync(db => db.Outbox.AnyAsync(m => m.ToEmail == young.Email)));
        Assert.True(await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.EntityId == young.Id && a.Action == "account.registered")));

        // Twice in a row: nothing more, no second entry.
        var before = await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == DeleteUnconfirmedAccountsJob.DeletedAction));
        Assert.Equal(0, await RunAsync<DeleteUnconfirmedAccountsJob>(app));
        Assert.Equal(before, await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == DeleteUnconfirmedAccountsJob.DeletedAction)));
        Assert.True(await app.QueryAsync(db => db.Users.AnyAsync(u => u.Id == young.Id)));
    }

    [Theory, AllProviders]
    public async Task Invitations_nobody_accepted_go_after_the_period_and_accepted_ones_stay(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var days = new PrivacyOptions().ExpiredInvitationDays;
        var library = await new LibraryBuilder($"Uzaicinātāju bibliotēka {Unique.Id()[..8]}").CreateAsync(app);
        var now = DateTimeOffset.UtcNow;
        string Email(string who) => Unique.Email(who, "biblioteka.example");
        var expiredLong = Email("sen-beidzies");
        var expiredRecently = Email("nesen-beidzies");
        var declinedLong = Email("sen-atteicies");
        var declinedRecently = Email("nesen-atteicies");
        var accepted = Email("pienemis");
        var invitations = new[]
        {
            Invitation(library.Id, expiredLong, now.AddDays(-days - 1)),
            Invitation(library.Id, expiredRecently, now.AddDays(-days + 1)),
            // The same address invited again later: the old invitation goes, the address stays where the new one is.
            Invitation(library.Id, expiredRecently, now.AddDays(-days - 10)),
            Invitation(library.Id, declinedLong, now.AddDays(-days + 5), declinedAt: now.AddDays(-days - 1)),
            Invitation(library.Id, declinedRecently, now.AddDays(-days - 10), declinedAt: now.AddDays(-days + 1)),
            Invitation(library.Id, accepted, now.AddDays(-days - 100), acceptedAt: now.AddDays(-days - 110)),
        };
        await app.ExecuteAsync(async db =>
        {
            db.Invitations.AddRange(invitations);
            foreach (var invitation in invitations)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    At = invitation.InvitedAt, ActorName = "Test", Action = "library.representative-invited", EntityType = "Library",
                    EntityId = library.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    After = $"{{\"Email\":\"{invitation.Email}\",\"Name\":\"Kolēģe\"}}",
                });
                db.Outbox.Add(new OutboxMessage
                {
                    DeduplicationKey = invitation.TokenHash[..16], Purpose = "library-invitation", ToEmail = invitation.Email, ToName = "Kolēģe",
                    Culture = "lv", Subject = "Uzaicinājums", TextBody = OutboxMessage.Removed, Status = OutboxStatus.Sent,
                    CreatedAt = invitation.InvitedAt, NextAttemptAt = invitation.InvitedAt, SentAt = invitation.InvitedAt,
                });
            }
            await db.SaveChangesAsync();
        });
        var ids = invitations.Select(i => i.Id).ToList();

        Assert.True(await RunAsync<DeleteExpiredInvitationsJob>(app) >= 3);

        var left = await app.QueryAsync(db => db.Invitations.Where(i => ids.Contains(i.Id)).Select(i => i.Id).ToListAsync());
        Assert.Equal(new[] { invitations[1].Id, invitations[4].Id, invitations[5].Id }.Order(), left.Order());
        // Addresses nobody uses any more leave the delivery report and the audit log; the others stay.
        foreach (var (address, gone) in new[] { (expiredLong, true), (declinedLong, true), (expiredRecently, false), (declinedRecently, false), (accepted, false) })
        {
            Assert.Equal(!gone, await app.QueryAsync(db => db.Outbox.AnyAsync(m => m.ToEmail == address)));
            Assert.Equal(!gone, await app.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.After != null && a.After.Contains(address))));
        }
        var entry = await app.QueryAsync(db => db.AuditEntries.Where(a => a.Action == DeleteExpiredInvitationsJob.DeletedAction).OrderByDescending(a => a.Id).FirstAsync());
        Assert.Null(entry.ActorUserId);
        Assert.Contains("\"Invitations\":", entry.After);
        // The entries themselves stay: that somebody was invited, when and by whom.
        var libraryId = library.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(invitations.Length, await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Library"
            && a.EntityId == libraryId && a.Action == "library.representative-invited")));

        // Twice in a row: nothing more, no second entry.
        var before = await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == DeleteExpiredInvitationsJob.DeletedAction));
        Assert.Equal(0, await RunAsync<DeleteExpiredInvitationsJob>(app));
        Assert.Equal(before, await app.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == DeleteExpiredInvitationsJob.DeletedAction)));
    }

    private static Invitation Invitation(int libraryId, string email, DateTimeOffset expiresAt, DateTimeOffset? declinedAt = null, DateTimeOffset? acceptedAt = null) => new()
    {
        Email = email, Role = ScopedRole.LibraryRepresentative, LibraryId = libraryId, TokenHash = Unique.Id(), InvitedAt = expiresAt.AddDays(-14),
        ExpiresAt = expiresAt, DeclinedAt = declinedAt, AcceptedAt = acceptedAt, AcceptedByUserId = acceptedAt is null ? null : Unique.Id(),
    };

    private static async Task<int> RunAsync<TJob>(AwardVoteApp app) where TJob : notnull
    {
        await using var scope = app.Scope();
        var job = scope.ServiceProvider.GetRequiredService<TJob>();
        return job switch
        {
            DeleteUnconfirmedAccountsJob accounts => await accounts.RunAsync(CancellationToken.None),
            DeleteExpiredInvitationsJob invitations => await invitations.RunAsync(CancellationToken.None),
            _ => throw new ArgumentException(typeof(TJob).Name),
        };
    }

    /// <summary>A unique name of letters only, as the register form takes it.</summary>
    private static string LetterName(string first) =>
        $"{first} {string.Concat(Unique.Id()[..10].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))))}";

    /// <summary>An account registered through the API and never confirmed, made <paramref name="daysAgo"/> days ago.</summary>
    private static async Task<TestPerson> RegisterAsync(AwardVoteApp app, string prefix, int daysAgo)
    {
        var email = Unique.Email(prefix, "biblioteka.example");
        var name = LetterName("Zane");
        using (var registered = await app.CreateClient().PostAsJsonAsync("/api/auth/register", new
               {
                   displayName = name, email, password = PersonBuilder.Password, confirmPassword = PersonBuilder.Password, preferredCulture = "lv",
               }))
            Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
        var id = await app.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        await app.ExecuteAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.CreatedAt, DateTimeOffset.UtcNow.AddDays(-daysAgo))));
        return new TestPerson(id, email, name);
    }
}
