using System.Net;
using AwardVote.Application;
using AwardVote.Application.Ballots;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Application.Results;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Files;
using AwardVote.Infrastructure.Jobs;
using AwardVote.Infrastructure.Mail;
using AwardVote.IntegrationTests.Ballots;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AwardVote.IntegrationTests.Publishing;

/// <summary>
/// A <see cref="JudgingWorld"/> counted and in results review: Alsungas (the laureate, unless the scores tie),
/// Bauskas and Cesvaines, each with a representative (Bauskas' reads English), the jurors' comments, a chair, two
/// endorsers of Cesvaines (one asked for the results), and two photos of Alsungas (one released for publication).
/// </summary>
public sealed class PublicationWorld(JudgingWorld judging) : TestWorld(judging.App)
{
    public const string Password = JudgingScenario.Password;
    public const string CommentOnBauska = "Spēcīgi projekti, vājāka sadarbība ar partneriem.";
    public const string CommentOnAlsunga = "Paraugs citām bibliotēkām.";

    public enum Scores { Decided, Tie, ThinLead }

    public JudgingWorld Judging => judging;
    public int CycleId => judging.CycleId;
    public int CategoryId => judging.CategoryId;
    public int Laureate => judging.NominationIds[0];
    public int[] Others => judging.NominationIds[1..];
    public string Slug { get; private init; } = "";
    public TestPerson Chair { get; private set; } = null!;
    /// <summary>The representative of each nomination, by nomination id.</summary>
    public Dictionary<int, TestPerson> Representatives { get; } = [];
    public string EndorserWantingResults { get; private set; } = "";
    public string EndorserNotWantingResults { get; private set; } = "";
    public int PublicPhoto { get; private set; }
    public int PrivatePhoto { get; private set; }

    public static async Task<PublicationWorld> InReviewAsync(AwardVoteApp app, Scores scores = Scores.Decided, bool feedback = true)
    {
        var judging = await JudgingWorld.CreateAsync(app);
        var (a, b, c) = (judging.NominationIds[0], judging.NominationIds[1], judging.NominationIds[2]);
        await judging.QueryAsync(db => db.Cycles.Where(x => x.Id == judging.CycleId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.FeedbackToNominees, feedback)));
        if (scores == Scores.ThinLead)
        {
            // The statute wants a lead of two points: a lead of half a point means a repeat ballot.
            await judging.ExecuteAsync(async db =>
            {
                var cycle = await db.Cycles.SingleAsync(x => x.Id == judging.CycleId);
                cycle.WinRule.MinimumLead = 2;
                await db.SaveChangesAsync();
            });
        }
        var alsungaB = scores == Scores.Tie ? 1 : 4;
        await CastAsync(judging, judging.JurorA, a, 5, CommentOnAlsunga);
        await CastAsync(judging, judging.JurorA, b, 5, CommentOnBauska);
        await CastAsync(judging, judging.JurorA, c, 2, null);
        await CastAsync(judging, judging.JurorB, a, alsungaB, null);
        await CastAsync(judging, judging.JurorB, b, scores == Scores.Tie ? 1 : 3, "  ");
        await CastAsync(judging, judging.JurorB, c, 2, null);
        await judging.QueryAsync(db => db.Cycles.Where(x => x.Id == judging.CycleId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Phase, CyclePhase.Counting)));
        await app.CountRoundsAsync();
        Assert.Equal(CyclePhase.ResultsReview, await judging.QueryAsync(db => db.Cycles.Where(x => x.Id == judging.CycleId).Select(x => x.Phase).SingleAsync()));

        var world = new PublicationWorld(judging)
        {
            Slug = await judging.QueryAsync(db => db.Cycles.Where(x => x.Id == judging.CycleId).Select(x => x.Slug).SingleAsync()),
            Chair = await new PersonBuilder("Priekšsēdētāja Zane").Chair(judging.CycleId, judging.CategoryId).CreateAsync(app),
        };
        foreach (var nomination in judging.NominationIds)
        {
            var libraryId = await judging.QueryAsync(db => db.Nominations.Where(n => n.Id == nomination).Select(n => n.LibraryId).SingleAsync());
            world.Representatives[nomination] = await new PersonBuilder("Bibliotekāre").Culture(nomination == b ? "en" : "lv").Representative(libraryId).CreateAsync(app);
        }
        world.EndorserWantingResults = $"endorser-{Guid.NewGuid():N}@partneri.example";
        world.EndorserNotWantingResults = $"quiet-{Guid.NewGuid():N}@partneri.example";
        await judging.ExecuteAsync(db =>
        {
            db.Endorsements.Add(Endorsement(c, "Ilze Partnere", world.EndorserWantingResults, wantsResults: true));
            db.Endorsements.Add(Endorsement(c, "Kārlis Klusais", world.EndorserNotWantingResults, wantsResults: false));
            return db.SaveChangesAsync();
        });
        world.PublicPhoto = await world.PhotoAsync(a, "Lasītava vakarā", released: true);
        world.PrivatePhoto = await world.PhotoAsync(a, "Darbinieku sapulce", released: false);
        return world;
    }

    private static Endorsement Endorsement(int nomination, string name, string email, bool wantsResults) => new()
    {
        NominationId = nomination,
        EndorserName = name,
        EndorserEmail = email,
        Culture = "en",
        TokenHash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray())),
        TokenExpiresAt = DateTimeOffset.UtcNow,
        RequestedAt = DateTimeOffset.UtcNow,
        ReceivedAt = DateTimeOffset.UtcNow,
        Letter = "Atbalstu.",
        WantsResults = wantsResults,
        Status = EndorsementStatus.Received,
    };

    private async Task<int> PhotoAsync(int nomination, string caption, bool released)
    {
        await using var scope = App.Scope();
        var store = scope.ServiceProvider.GetRequiredService<AttachmentStore>();
        var key = await store.SaveAsync(new MemoryStream(TinyPng), CancellationToken.None);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var photo = new Attachment
        {
            NominationId = nomination, Kind = AttachmentKind.Photo, OriginalFileName = "foto.png", SafeFileName = "foto.png",
            ContentType = "image/png", SizeBytes = TinyPng.Length, StorageKey = key, Sha256 = new string('0', 64), Caption = caption,
            ConsentGiven = true, PublicAfterPublication = released, UploadedAt = DateTimeOffset.UtcNow,
        };
        db.Attachments.Add(photo);
        await db.SaveChangesAsync();
        return photo.Id;
    }

    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static async Task CastAsync(JudgingWorld world, string juror, int nomination, int score, string? comment)
    {
        await using var scope = world.App.Scope();
        var cast = await scope.ServiceProvider.GetRequiredService<CastScoreBallot>().RunAsync(juror,
            new CastScoreBallotInput { NominationId = nomination, Scores = new Dictionary<int, int?> { [world.CriterionIds[0]] = score, [world.CriterionIds[1]] = score }, Comment = comment, PrivateNotes = "privāta piezīme" }, null, CancellationToken.None);
        Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
    }

    public Task<List<Publication>> PublicationsAsync() =>
        QueryAsync(db => db.Publications.AsNoTracking().Where(p => p.CycleId == CycleId).OrderBy(p => p.Sequence).ToListAsync());

    public Task<CyclePhase> PhaseAsync() => QueryAsync(db => db.Cycles.Where(c => c.Id == CycleId).Select(c => c.Phase).SingleAsync());

    /// <summary>
    /// The results mails of this cycle's publications, told apart by the key they were queued with
    /// ("purpose:publication:…"): a sent mail keeps no body to search.
    /// </summary>
    public async Task<int> ResultMailsAsync()
    {
        var publications = (await QueryAsync(db => db.Publications.Where(p => p.CycleId == CycleId).Select(p => p.Id).ToListAsync()))
            .Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var keys = await QueryAsync(db => db.Outbox.Where(m => m.Purpose.StartsWith("results-")).Select(m => m.DeduplicationKey).ToListAsync());
        return keys.Count(key => key.Split(':') is [_, var publication, ..] && publications.Contains(publication));
    }

    public string CitationPage => $"/Jury/Citation?cycleId={CycleId}&categoryId={CategoryId}";
    public string PublicationPage => $"/Admin/Results/Publication?cycleId={CycleId}";

    /// <summary>Posts the citation form as the page rendered it, with the texts given.</summary>
    public static async Task<HttpResponseMessage> WriteCitationAsync(Browserless browser, string page, string citation, string? english = null,
        string? note = null, int? publicationId = null)
    {
        var html = await browser.GetPageAsync(page);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(html),
            ["Input.PublicationId"] = publicationId?.ToString() ?? InputOrEmpty(html, "Input.PublicationId"),
            ["Input.Version"] = InputOrEmpty(html, "Input.Version"),
            ["Input.Citation"] = citation,
            ["Input.CitationEn"] = english ?? "",
        };
        if (note is not null)
            fields["Input.CorrectionNote"] = note;
        return await browser.Http.PostAsync(page, new FormUrlEncodedContent(fields));
    }

    private static string InputOrEmpty(string html, string name)
    {
        try { return Browserless.InputValue(html, name); }
        catch (InvalidOperationException) { return ""; }
    }

    /// <summary>Posts one of the publication page's buttons (a handler with hidden fields).</summary>
    public async Task<HttpResponseMessage> PressAsync(Browserless browser, string handler, IDictionary<string, string>? fields = null)
    {
        var html = await browser.GetPageAsync(PublicationPage);
        var form = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(html),
        };
        return await browser.Http.PostAsync($"/Admin/Results/Publication?handler={handler}&cycleId={CycleId}", new FormUrlEncodedContent(form));
    }

    public async Task<HttpResponseMessage> ApproveAsync(Browserless admin)
    {
        var pending = (await PublicationsAsync()).Last(p => p.PublishedAt == null);
        return await PressAsync(admin, "Approve", new Dictionary<string, string> { ["publicationId"] = pending.Id.ToString(), ["version"] = pending.Version.ToString() });
    }

    /// <summary>This world's citation: unique, because the archive lists every test's laureates.</summary>
    public string Citation => $"Par drosmīgu un iedvesmojošu darbu ({Slug[^8..]}).";
    public string CitationEn => $"For bold and inspiring work ({Slug[^8..]}).";

    /// <summary>The citation written by the chair and approved by an administrator, through their pages.</summary>
    public async Task ReadyAsync()
    {
        using var chair = await this.SignedInAsync(Chair);
        using (var saved = await WriteCitationAsync(chair, CitationPage, Citation, CitationEn))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var admin = await this.SignedInAdministratorAsync();
        using var approved = await ApproveAsync(admin);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
    }

    public async Task<Outcome> PublishAsync(string? userId = null)
    {
        await using var scope = App.Scope();
        return await scope.ServiceProvider.GetRequiredService<PublishResults>().RunAsync(CycleId, userId, onlyIfDue: false, confirmed: true, CancellationToken.None);
    }

    /// <summary>Runs the publish-due job as if the clock said <paramref name="now"/>.</summary>
    public async Task<int> RunJobAsync(DateTimeOffset now)
    {
        await using var scope = App.Scope();
        var clock = new FakeTimeProvider(now);
        var publish = ActivatorUtilities.CreateInstance<PublishResults>(scope.ServiceProvider, clock);
        return await ActivatorUtilities.CreateInstance<PublishDueJob>(scope.ServiceProvider, publish, clock).RunAsync(CancellationToken.None);
    }

    public static string Body(HttpResponseMessage response) => response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
}
