using System.Net;
using System.Net.Http.Json;
using AwardVote.Application.Ballots;
using AwardVote.Application.Counting;
using AwardVote.Application.Jury;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Privacy;
using AwardVote.IntegrationTests.Ballots;
using AwardVote.IntegrationTests.Support;
using AwardVote.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Privacy;

/// <summary>
/// Erasure (issue 17, items 4 and 6): a person in many roles deletes their account, and afterwards nothing in any
/// table holds their name, address or words, while the counted result, its protocol and hash stay what they were and a
/// recount from the ballots left gives the same file; the audit log still tells what they did, under one pseudonym.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class ErasureTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Erasure_leaves_nothing_of_the_person_and_the_count_unchanged(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var world = await JudgingWorld.CreateAsync(app);
        var tag = Unique.Id()[..12];
        var name = $"Vija Dzēšamā {tag}";
        var person = await new PersonBuilder(name).Email("dzesama").Juror(world.CycleId, world.CategoryId).CreateAsync(app);
        var (scored, noted, own) = (world.NominationIds[0], world.NominationIds[1], world.NominationIds[2]);
        var comment = $"Komentārs {tag}: ļoti rūpīgi";
        var notes = $"Piezīmes {tag} tikai sev";
        var conflictReason = $"Strādāju šajā bibliotēkā {tag}";
        await ArrangeEveryRoleAsync(world, person, name, own);

        // As a juror: a ballot through the page (the person is the audit entry's actor), one with private notes, a conflict.
        using (var juror = await app.SignedInAsync(person))
        {
            var page = await juror.GetPageAsync($"/Jury/Nomination?id={scored}");
            using var cast = await juror.Http.PostAsync($"/Jury/Nomination?id={scored}", new FormUrlEncodedContent(world.ScoreForm(page, 4, 3, comment)));
            Assert.Equal(HttpStatusCode.Redirect, cast.StatusCode);
        }
        await ScoreAsync(world, person.Id, noted, 5, null, notes);
        await using (var scope = app.Scope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<DeclareConflict>()
                .RunAsync(person.Id, own, new DeclareConflictInput { Reason = conflictReason }, CancellationToken.None)).Succeeded);
        foreach (var juror in new[] { world.JurorA, world.JurorB })
            foreach (var nomination in world.NominationIds)
                await ScoreAsync(world, juror, nomination, juror == world.JurorA ? 4 : 2, null, null);

        await world.CloseRoundNowAsync();
        var counted = await world.QueryAsync(db => db.RoundResults.AsNoTracking().SingleAsync(r => r.RoundId == world.RoundId));
        Assert.Contains(person.Id, await world.QueryAsync(db => db.ScoreBallots.Where(b => b.RoundId == world.RoundId).Select(b => b.JurorUserId).ToListAsync()));
        var download = await DownloadBallotsAsync(app, counted.Id);
        await world.ExecuteAsync(db => db.Cycles.Where(c => c.Id == world.CycleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, CyclePhase.Published)));
        Assert.NotEmpty(await DatabaseSearch.FindAsync(app, name, person.Email, comment, notes, conflictReason));

        // A wrong password: refused, and nothing is erased.
        using var client = await app.BearerClientAsync(person.Email);
        using (var wrong = await client.SendAsync(Delete(new { password = "Nav-Tā-Parole-1", confirmation = person.Email })))
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True(await world.QueryAsync(db => db.Users.AnyAsync(u => u.Id == person.Id)));

        using (var erased = await client.SendAsync(Delete(new { password = PersonBuilder.Password, confirmation = person.Email.ToUpperInvariant() })))
            Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);

        Assert.Empty(await DatabaseSearch.FindAsync(app, name, person.Email, comment, notes, conflictReason));
        // Its tokens stop working, and deleting again is a clean "no such account", not an error.
        using (var again = await client.SendAsync(Delete(new { password = PersonBuilder.Password, confirmation = person.Email })))
            Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);

        // What the award keeps: the ballots under the juror's id without words, the recusal, the nomination and its files.
        var pseudonym = await app.InScopeAsync(services => Task.FromResult(services.GetRequiredService<Pseudonyms>().Person(person.Id)));
        await world.QueryAsync(async db =>
        {
            var ballots = await db.ScoreBallots.Where(b => b.JurorUserId == person.Id).ToListAsync();
            Assert.Equal(2, ballots.Count);
            Assert.All(ballots, b => Assert.True(b.Comment is null && b.PrivateNotes is null));
            var conflict = await db.Conflicts.SingleAsync(c => c.JurorUserId == person.Id);
            Assert.Equal("—", conflict.Reason);
            Assert.Null((await db.Nominations.SingleAsync(n => n.Id == own)).CreatedByUserId);
            Assert.All(await db.Attachments.Where(a => a.NominationId == own).ToListAsync(), a => Assert.Null(a.UploadedByUserId));
            Assert.All(await db.Endorsements.Where(e => e.NominationId == own).ToListAsync(), e => Assert.Null(e.RequestedByUserId));
            Assert.False(await db.RoleGrants.AnyAsync(g => g.UserId == person.Id));
            Assert.False(await db.UserTokens.AnyAsync(t => t.UserId == person.Id));
            var hashed = app.Services.GetRequiredService<Pseudonyms>().VoterKey(VoterAddress.Canonical(person.Email));
            Assert.Equal(hashed, (await db.PeoplesChoiceVotes.SingleAsync(v => v.VoterKey == hashed)).VoterEmail);
            Assert.Null((await db.VoteRequests.SingleAsync(r => r.VoterKey == hashed)).RequestIp);

            // The audit log: what happened and when, with one pseudonym where the person was.
            Assert.False(await db.AuditEntries.AnyAsync(e => e.ActorUserId == person.Id || e.EntityId.Contains(person.Id)));
            var theirs = await db.AuditEntries.Where(e => e.ActorUserId == pseudonym || e.EntityId.Contains(pseudonym)).ToListAsync();
            Assert.Contains(theirs, e => e.Action == "ballot.score-saved" && e.ActorUserId == pseudonym && e.EntityId == $"{world.RoundId}:{scored}:{pseudonym}");
            Assert.Contains(theirs, e => e.Action == "person.erased" && e.ActorUserId == pseudonym && e.ActorName == pseudonym && e.EntityId == pseudonym);
            Assert.Contains(await db.AuditEntries.Where(e => e.Action == "conflict.declared" && e.EntityId == own.ToString()).ToListAsync(),
                e => e.After!.Contains(pseudonym) && e.Reason == "—");
            return 0;
        });

        // The count is what it was, and counting the ballots left again gives the same file, hash and protocol.
        var kept = await world.QueryAsync(db => db.RoundResults.AsNoTracking().SingleAsync(r => r.Id == counted.Id));
        Assert.Equal((counted.BallotFile, counted.BallotFileSha256, counted.ProtocolJson), (kept.BallotFile, kept.BallotFileSha256, kept.ProtocolJson));
        Assert.Equal(download, await DownloadBallotsAsync(app, counted.Id));
        await world.ExecuteAsync(async db =>
        {
            await db.RoundResults.Where(r => r.Id == counted.Id).ExecuteDeleteAsync();
            await db.Cycles.Where(c => c.Id == world.CycleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, CyclePhase.Counting));
        });
        await using (var scope = app.Scope())
            await scope.ServiceProvider.GetRequiredService<CountRound>().RunAsync(world.CycleId, CancellationToken.None);
        var recounted = await world.QueryAsync(db => db.RoundResults.AsNoTracking().SingleAsync(r => r.RoundId == world.RoundId));
        Assert.Equal((counted.BallotFile, counted.BallotFileSha256, counted.ProtocolJson), (recounted.BallotFile, recounted.BallotFileSha256, recounted.ProtocolJson));
    }

    /// <summary>The person's other roles: the author of one nomination (a file and a letter request), invited, mailed, a public voter.</summary>
    private static async Task ArrangeEveryRoleAsync(JudgingWorld world, TestPerson person, string name, int own)
    {
        var now = DateTimeOffset.UtcNow;
        var libraryId = await world.QueryAsync(db => db.Nominations.Where(n => n.Id == own).Select(n => n.LibraryId).SingleAsync());
        await world.ExecuteAsync(async db =>
        {
            db.RoleGrants.Add(RoleGrant.Representative(person.Id, libraryId, now, null));
            await db.Nominations.Where(n => n.Id == own).ExecuteUpdateAsync(s => s.SetProperty(n => n.CreatedByUserId, person.Id));
            db.Attachments.Add(new Attachment
            {
                NominationId = own, Kind = AttachmentKind.Photo, OriginalFileName = "lasitava.jpg", SafeFileName = "lasitava.jpg", ContentType = "image/jpeg",
                SizeBytes = 10, StorageKey = Unique.Id(), Sha256 = Unique.Id(), ConsentGiven = true, UploadedAt = now, UploadedByUserId = person.Id,
            });
            db.Endorsements.Add(new Endorsement
            {
                NominationId = own, EndorserName = "Pēteris Atbalstītājs", EndorserEmail = Unique.Email("atbalsts"), TokenHash = Unique.Id(),
                TokenExpiresAt = now.AddDays(10), RequestedAt = now, RequestedByUserId = person.Id,
            });
            db.Invitations.Add(new Invitation
            {
                Email = person.Email, Role = ScopedRole.Juror, CycleId = world.CycleId, CategoryId = world.CategoryId, TokenHash = Unique.Id(),
                ExpiresAt = now.AddDays(7), InvitedAt = now.AddDays(-1), AcceptedAt = now, AcceptedByUserId = person.Id,
            });
            db.Outbox.Add(new OutboxMessage
            {
                DeduplicationKey = Unique.Id(), Purpose = "jury-invitation", ToEmail = person.Email, ToName = name, Culture = "lv",
                Subject = $"Sveiki, {name}", TextBody = $"Labdien, {name}!", CreatedAt = now, NextAttemptAt = now,
            });
            var request = new VoteRequest
            {
                CycleId = world.CycleId, CategoryId = world.CategoryId, NominationId = own, VoterEmail = VoterAddress.Normalize(person.Email),
                VoterKey = VoterAddress.Canonical(person.Email), TokenHash = Unique.Id(), RequestedAt = now, ExpiresAt = now.AddHours(1),
                ConfirmedAt = now, RequestIp = "203.0.113.7",
            };
            db.VoteRequests.Add(request);
            await db.SaveChangesAsync();
            db.PeoplesChoiceVotes.Add(new PeoplesChoiceVote
            {
                CycleId = world.CycleId, CategoryId = world.CategoryId, NominationId = own, VoterEmail = request.VoterEmail, VoterKey = request.VoterKey,
                AllowanceKey = $"category:{world.CategoryId}", VoteRequestId = request.Id, ConfirmedAt = now,
            });
            await db.SaveChangesAsync();
        });
    }

    private static async Task ScoreAsync(JudgingWorld world, string juror, int nomination, int score, string? comment, string? notes)
    {
        await using var scope = world.App.Scope();
        var cast = await scope.ServiceProvider.GetRequiredService<CastScoreBallot>().RunAsync(juror, new CastScoreBallotInput
        {
            NominationId = nomination, Scores = world.CriterionIds.ToDictionary(c => c, _ => (int?)score), Comment = comment, PrivateNotes = notes,
        }, null, CancellationToken.None);
        Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
    }

    private static async Task<byte[]> DownloadBallotsAsync(AwardVoteApp app, int resultId)
    {
        await using var scope = app.Scope();
        var file = await scope.ServiceProvider.GetRequiredService<DownloadCount>().RunAsync(resultId, CountFile.Ballots, CancellationToken.None);
        return file.Value!.Content;
    }

    internal static HttpRequestMessage Delete(object body) => new(HttpMethod.Delete, "/api/account") { Content = JsonContent.Create(body) };
}
