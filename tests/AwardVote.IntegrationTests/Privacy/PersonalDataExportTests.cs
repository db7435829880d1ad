using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AwardVote.Application.Privacy;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.Infrastructure.Mail;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.Privacy;

/// <summary>
/// "My data": a person who was in every role gets every piece of their data back — in the JSON of the API, the JSON
/// of the page's download and the readable page — and nothing of anyone else's. Only an administrator exports
/// another person, with the request's reference, and that is audited.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class PersonalDataExportTests(Apps apps)
{
    /// <summary>A person in every role, and the strings that are theirs and only theirs.</summary>
    private sealed record Everyone(TestPerson Person, TestPerson OtherJuror, string OtherVoter, IReadOnlyList<string> Theirs, IReadOnlyList<string> NotTheirs);

    private static async Task<Everyone> ArrangeAsync(AwardVoteApp app)
    {
        var u = Unique.Id()[..10];
        var cycle = await new CycleBuilder().InPhase(CyclePhase.Judging, 1).WithScoreRound().CreateAsync(app);
        var categoryId = cycle.Categories.First().Id;
        var roundId = cycle.Rounds.First().Id;
        var criteria = cycle.Criteria.Select(c => c.Id).ToList();
        var ownLibrary = await new LibraryBuilder($"Savā bibliotēka {u}").CreateAsync(app);
        var otherLibrary = await new LibraryBuilder().CreateAsync(app);
        var person = await new PersonBuilder($"Persona {u}").Email("every-role").WorksAt(ownLibrary.Id)
            .Administrator().Representative(ownLibrary.Id).Juror(cycle.Id, categoryId).Chair(cycle.Id, categoryId).CreateAsync(app);
        var otherJuror = await new PersonBuilder($"Cits {u}").Juror(cycle.Id, categoryId).CreateAsync(app);
        var otherVoter = $"stranger-{u}@tests.example";

        var own = await new NominationBuilder(cycle.Id, categoryId).Of(ownLibrary.Id).Submitted()
            .Summary($"summary-{u}").Achievements($"achievements-{u}")
            .With(n =>
            {
                n.CreatedByUserId = person.Id;
                n.Partners.Add(new NominationPartner { Order = 1, Name = $"partner-{u}", Role = "Līdzorganizators" });
                n.Links.Add(new NominationLink { Order = 1, Title = $"link-{u}", Url = "https://example.lv/" + u });
                n.Statistics.Add(new NominationStatistic { Kind = StatisticKind.Visits, Label = $"statistic-{u}", Value = 1234, Year = 2026 });
                n.Attachments.Add(new Attachment
                {
                    Kind = AttachmentKind.Photo, OriginalFileName = $"photo-{u}.jpg", SafeFileName = "photo.jpg", ContentType = "image/jpeg",
                    SizeBytes = 2048, StorageKey = Unique.Id(), Sha256 = Unique.Id(), Caption = $"caption-{u}", Credit = $"credit-{u}",
                    ConsentGiven = true, UploadedAt = DateTimeOffset.UtcNow, UploadedByUserId = person.Id,
                });
                n.Endorsements.Add(new Endorsement
                {
                    EndorserName = $"asked-endorser-{u}", EndorserEmail = $"asked-{u}@tests.example", TokenHash = Unique.Id(),
                    RequestedAt = DateTimeOffset.UtcNow, RequestedByUserId = person.Id, Status = EndorsementStatus.Received,
                    Letter = $"someone-elses-letter-{u}", ReceivedAt = DateTimeOffset.UtcNow,
                });
            })
            .CreateAsync(app);
        var other = await new NominationBuilder(cycle.Id, categoryId).Of(otherLibrary.Id).Submitted()
            .With(n => n.Endorsements.Add(new Endorsement
            {
                // The same person, writing a letter for another library: found by the address, whatever its case.
                EndorserName = $"Persona {u}", EndorserEmail = person.Email.ToUpperInvariant(), EndorserTitle = "Direktore", TokenHash = Unique.Id(),
                RequestedAt = DateTimeOffset.UtcNow, Status = EndorsementStatus.Received, Letter = $"written-letter-{u}", ReceivedAt = DateTimeOffset.UtcNow,
            }))
            .CreateAsync(app);

        await new ScoreBallotBuilder(roundId, other.Id, person.Id).Scores(criteria, criteria.Select(_ => 4))
            .Comment($"comment-{u}", $"private-notes-{u}").CreateAsync(app);
        await new ScoreBallotBuilder(roundId, other.Id, otherJuror.Id).Scores(criteria, criteria.Select(_ => 2))
            .Comment($"other-juror-comment-{u}", $"other-juror-notes-{u}").CreateAsync(app);

        var now = DateTimeOffset.UtcNow;
        await app.ExecuteAsync(async db =>
        {
            db.Conflicts.Add(new ConflictOfInterest
            {
                CycleId = cycle.Id, NominationId = own.Id, JurorUserId = person.Id, Source = ConflictSource.DeclaredByJuror,
                Reason = $"conflict-reason-{u}", Status = ConflictStatus.Confirmed, RaisedAt = now,
                DecidedByUserId = otherJuror.Id, DecidedAt = now, DecisionReason = $"chair-decision-{u}",
            });
            db.Conflicts.Add(new ConflictOfInterest
            {
                CycleId = cycle.Id, NominationId = own.Id, JurorUserId = otherJuror.Id, Source = ConflictSource.DeclaredByJuror,
                Reason = $"other-juror-conflict-{u}", Status = ConflictStatus.Proposed, RaisedAt = now,
            });
            foreach (var (address, ip) in new[] { (person.Email, "203.0.113.77"), (otherVoter, "198.51.100.9") })
            {
                var request = new VoteRequest
                {
                    CycleId = cycle.Id, CategoryId = categoryId, NominationId = other.Id, VoterEmail = VoterAddress.Normalize(address),
                    VoterKey = VoterAddress.Canonical(address), TokenHash = Unique.Id(), RequestedAt = now, ExpiresAt = now.AddHours(1),
                    ConfirmedAt = now, RequestIp = ip,
                };
                db.VoteRequests.Add(request);
                await db.SaveChangesAsync();
                db.PeoplesChoiceVotes.Add(new PeoplesChoiceVote
                {
                    CycleId = cycle.Id, CategoryId = categoryId, NominationId = other.Id, VoterEmail = request.VoterEmail,
                    VoterKey = request.VoterKey, AllowanceKey = "category:" + categoryId, VoteRequestId = request.Id, ConfirmedAt = now,
                });
            }
            db.Invitations.Add(new Invitation
            {
                Email = person.Email, Role = ScopedRole.Juror, CycleId = cycle.Id, CategoryId = categoryId, TokenHash = Unique.Id(),
                InvitedAt = now, ExpiresAt = now.AddDays(14), AcceptedAt = now, AcceptedByUserId = person.Id,
            });
            foreach (var (to, subject) in new[] { (person.Email, $"mail-subject-{u}"), (otherVoter, $"other-mail-subject-{u}") })
                db.Outbox.Add(new OutboxMessage
                {
                    DeduplicationKey = Unique.Id(), Purpose = "judging.opened", ToEmail = to, Culture = "lv", Subject = subject,
                    TextBody = OutboxMessage.Removed, Status = OutboxStatus.Sent, CreatedAt = now, NextAttemptAt = now, SentAt = now,
                });
            await db.SaveChangesAsync();
        });

        // An administrator's act of the person's: an export for someone else's postal request, audited with its reference.
        using (var asAdministrator = await app.BearerClientAsync(person.Email))
        using (var answer = await asAdministrator.PostAsJsonAsync("/api/admin/people/data", new { email = otherVoter, reason = $"postal-request-{u}" }))
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);

        return new Everyone(person, otherJuror, otherVoter,
            [
                person.Name, person.Email, ownLibrary.Name, $"summary-{u}", $"achievements-{u}", $"partner-{u}", $"link-{u}", $"statistic-{u}",
                $"photo-{u}.jpg", $"caption-{u}", $"credit-{u}", $"asked-endorser-{u}", $"written-letter-{u}", $"comment-{u}",
                $"private-notes-{u}", $"conflict-reason-{u}", $"chair-decision-{u}", "203.0.113.77", $"mail-subject-{u}", $"postal-request-{u}",
            ],
            [
                $"other-juror-comment-{u}", $"other-juror-notes-{u}", $"other-juror-conflict-{u}", otherVoter, otherVoter.ToUpperInvariant(),
                "198.51.100.9", $"other-mail-subject-{u}", $"someone-elses-letter-{u}", otherJuror.Id, otherJuror.Name,
            ]);
    }

    [Theory, AllProviders]
    public async Task A_person_in_every_role_gets_every_piece_of_their_data_and_nobody_elses(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var everyone = await ArrangeAsync(app);

        using var api = await app.BearerClientAsync(everyone.Person.Email);
        using var answer = await api.GetAsync("/api/account/data");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".json", answer.Content.Headers.ContentDisposition?.FileNameStar ?? answer.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var json = await answer.Content.ReadAsStringAsync();

        using var browser = await app.SignedInAsync(everyone.Person.Email);
        var html = WebUtility.HtmlDecode(await browser.GetPageAsync("/Account/Manage/Data"));
        using var download = await browser.Http.GetAsync("/Account/Manage/Data?handler=Download");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var downloaded = await download.Content.ReadAsStringAsync();

        foreach (var theirs in everyone.Theirs)
        {
            Assert.True(json.Contains(theirs, StringComparison.Ordinal), $"The JSON lacks \"{theirs}\".");
            Assert.True(html.Contains(theirs, StringComparison.Ordinal), $"The page lacks \"{theirs}\".");
        }
        foreach (var notTheirs in everyone.NotTheirs)
        {
            Assert.False(json.Contains(notTheirs, StringComparison.OrdinalIgnoreCase), $"The JSON holds someone else's \"{notTheirs}\".");
            Assert.False(html.Contains(notTheirs, StringComparison.OrdinalIgnoreCase), $"The page holds someone else's \"{notTheirs}\".");
        }
        // Never a secret of the account.
        var hash = await app.QueryAsync(db => db.Users.Where(u => u.Id == everyone.Person.Id).Select(u => u.PasswordHash).SingleAsync());
        Assert.DoesNotContain(hash!, json, StringComparison.Ordinal);

        // The page's download is the API's file: the same sections, the same rows (only the time of making it, and the
        // audit entries of the exports themselves, differ).
        Assert.Equal(WithoutMoment(json), WithoutMoment(downloaded));
        Assert.Contains(ExportPersonalData.OwnExportAction, downloaded, StringComparison.Ordinal);
    }

    [Theory, AllProviders]
    public async Task Only_an_administrator_exports_another_person_and_a_stranger_gets_only_their_own(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var everyone = await ArrangeAsync(app);
        var library = await new LibraryBuilder().CreateAsync(app);
        var stranger = await new PersonBuilder("Sveša Pārstāve").Representative(library.Id).CreateAsync(app);

        using var api = await app.BearerClientAsync(stranger.Email);
        // The own export takes no parameter: naming another person changes nothing.
        using (var own = await api.GetAsync($"/api/account/data?userId={everyone.Person.Id}&email={Uri.EscapeDataString(everyone.Person.Email)}"))
        {
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
            var json = await own.Content.ReadAsStringAsync();
            Assert.Contains(stranger.Email, json, StringComparison.Ordinal);
            foreach (var theirs in everyone.Theirs.Where(t => t != "203.0.113.77"))
                Assert.DoesNotContain(theirs, json, StringComparison.OrdinalIgnoreCase);
        }
        using (var forbidden = await api.PostAsJsonAsync("/api/admin/people/data", new { email = everyone.Person.Email, reason = "Vēstule Nr. 1" }))
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using var browser = await app.SignedInAsync(stranger.Email);
        using (var page = await browser.Http.GetAsync("/Admin/People/Export"))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.PathAndQuery);
        }

        using var anonymous = app.CreateClient();
        using (var nobody = await anonymous.GetAsync("/api/account/data"))
            Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
    }

    [Theory, AllProviders]
    public async Task The_administrators_export_needs_the_requests_reference_and_is_audited_with_it(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var everyone = await ArrangeAsync(app);
        var reference = "Vēstule Nr. 17/" + Unique.Id()[..6];

        using var api = await app.BearerClientAsync(DemoSeeder.AdministratorEmail);
        using var browser = await app.SignedInAdministratorAsync();
        using (var apiRefused = await api.PostAsJsonAsync("/api/admin/people/data", new { email = everyone.Person.Email, reason = " " }))
        using (var pageRefused = await browser.SubmitFormAsync("/Admin/People/Export",
                   new Dictionary<string, string> { ["Input.Email"] = everyone.Person.Email, ["Input.Reason"] = " " }))
            await Parity.AssertSameRefusalAsync(pageRefused, apiRefused, HttpStatusCode.BadRequest, "Ievadiet pieprasījuma atsauci");
        Assert.Equal(0, await app.QueryAsync(db => db.AuditEntries.CountAsync(e =>
            e.Action == ExportPersonalData.ExportAction && e.EntityId == everyone.Person.Id)));

        using var answer = await api.PostAsJsonAsync("/api/admin/people/data", new { email = everyone.Person.Email.ToUpperInvariant(), reason = reference });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var json = await answer.Content.ReadAsStringAsync();
        foreach (var theirs in everyone.Theirs)
            Assert.Contains(theirs, json, StringComparison.Ordinal);
        foreach (var notTheirs in everyone.NotTheirs)
            Assert.DoesNotContain(notTheirs, json, StringComparison.OrdinalIgnoreCase);

        using var page = await browser.SubmitFormAsync("/Admin/People/Export",
            new Dictionary<string, string> { ["Input.Email"] = everyone.Person.Email, ["Input.Reason"] = reference });
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains($"private-notes-", html, StringComparison.Ordinal);
        Assert.Contains(everyone.Theirs.Single(t => t.StartsWith("comment-", StringComparison.Ordinal)), html, StringComparison.Ordinal);

        var entries = await app.QueryAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == ExportPersonalData.ExportAction && e.EntityId == everyone.Person.Id).ToListAsync());
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(reference, e.Reason));
        Assert.All(entries, e => Assert.Equal("User", e.EntityType));

        // An address with no account has data too: the other voter's export holds their vote, and nothing of the person's.
        using var voter = await api.PostAsJsonAsync("/api/admin/people/data", new { email = everyone.OtherVoter, reason = reference });
        var voterJson = await voter.Content.ReadAsStringAsync();
        Assert.Contains("198.51.100.9", voterJson, StringComparison.Ordinal);
        Assert.DoesNotContain("203.0.113.77", voterJson, StringComparison.Ordinal);
        Assert.Contains("\"account\": null", voterJson, StringComparison.Ordinal);
    }

    /// <summary>The export without the moment it was made and the audit entries (each export adds one of its own).</summary>
    private static string WithoutMoment(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("exportedAt");
        node.Remove("auditEntries");
        return node.ToJsonString();
    }
}
