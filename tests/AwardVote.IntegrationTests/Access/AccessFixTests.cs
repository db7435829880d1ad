using System.Net;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Files;
using AwardVote.IntegrationTests.Cycles;
using AwardVote.IntegrationTests.Nominations;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Access;

/// <summary>The access bugs the matrix found, each pinned by a test of its own.</summary>
[Collection(AppsCollection.Name)]
public sealed class AccessFixTests(Apps apps)
{
    /// <summary>Phases are stored by name, and "ResultsReview" and "Shortlist" come after "Published" as text.</summary>
    [Theory, AllProviders]
    public async Task A_photo_released_for_the_announcement_stays_private_until_the_results_are_published(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app, CyclePhase.ResultsReview);
        var nominationId = await CycleData.AddNominationAsync(app, cycle.Id, "Preiļu bibliotēka", eligibility: EligibilityDecision.Eligible);
        int photoId;
        await using (var scope = app.Scope())
        {
            photoId = (await AccessWorld.AttachmentAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(),
                scope.ServiceProvider.GetRequiredService<AttachmentStore>(), nominationId, AttachmentKind.Photo)).Id;
        }
        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var phase in new[] { CyclePhase.Shortlist, CyclePhase.Counting, CyclePhase.ResultsReview })
        {
            await MoveAsync(app, cycle.Id, phase);
            using var hidden = await anonymous.GetAsync($"/Nominations/File?id={photoId}");
            Assert.True(hidden.StatusCode == HttpStatusCode.Redirect && hidden.Headers.Location!.OriginalString.Contains("/Account/Login"),
                $"{phase}: {hidden.StatusCode}");
        }

        await MoveAsync(app, cycle.Id, CyclePhase.Published);
        using var shown = await anonymous.GetAsync($"/Nominations/File?id={photoId}");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("image/png", shown.Content.Headers.ContentType?.MediaType);
    }

    [Theory, AllProviders]
    public async Task After_the_deadline_a_nominated_library_can_neither_confirm_nor_decline(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (nominatorId, _) = await world.LibraryAsync("Jēkabpils bibliotēka");
        var (nomineeId, nomineeEmail) = await world.LibraryAsync("Aknīstes bibliotēka");
        var nominationId = (await new NominationBuilder(world.CycleId, world.CategoryId).Of(nomineeId).NominatedBy(nominatorId)
            .Summary(null).CreateAsync(world.App)).Id;
        await world.CloseNominationsNowAsync();
        using var nominee = await world.SignedInAsync(nomineeEmail);

        foreach (var accept in new[] { "true", "false" })
        {
            using var refused = await nominee.SubmitFormAsync("/Nominations", new Dictionary<string, string>
            {
                ["id"] = nominationId.ToString(), ["accept"] = accept,
            }, "/Nominations?handler=Confirm");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Nekas netika saglabāts", await refused.Content.ReadAsStringAsync());
        }
        var after = await world.QueryAsync(db => db.Nominations.AsNoTracking().SingleAsync(n => n.Id == nominationId));
        Assert.Equal(NominationStatus.AwaitingNomineeConfirmation, after.Status);
        Assert.Null(after.NomineeConfirmedAt);
        Assert.Null(after.WithdrawnAt);
    }

    [Theory, AllProviders]
    public async Task The_token_api_manage_endpoints_are_for_signed_in_accounts_only(DatabaseProvider provider)
    {
        using var anonymous = apps.Get(provider).CreateClient();
        using var info = await anonymous.GetAsync("/api/auth/manage/info");
        Assert.Equal(HttpStatusCode.Unauthorized, info.StatusCode);
        using var twoFactor = await anonymous.PostAsync("/api/auth/manage/2fa", System.Net.Http.Json.JsonContent.Create(new { }));
        Assert.Equal(HttpStatusCode.Unauthorized, twoFactor.StatusCode);
        // The rest of the token API stays open: signing in is for people who are not signed in yet.
        using var login = await anonymous.PostAsync("/api/auth/login", System.Net.Http.Json.JsonContent.Create(new { email = "nobody@matrica.example", password = "x" }));
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        using var forgot = await anonymous.PostAsync("/api/auth/forgotPassword", System.Net.Http.Json.JsonContent.Create(new { email = "nobody@matrica.example" }));
        Assert.Equal(HttpStatusCode.OK, forgot.StatusCode);
    }

    [Theory, AllProviders]
    public async Task The_administrators_cycle_lists_follow_the_order_of_phases_not_their_names(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var open = await CycleData.CreateAsync(app, CyclePhase.NominationsOpen);
        var review = await CycleData.CreateAsync(app, CyclePhase.EligibilityReview);
        var counting = await CycleData.CreateAsync(app, CyclePhase.Counting);
        using var admin = new Browserless(app);
        await admin.SignInAsync(AwardVote.Infrastructure.Demo.DemoSeeder.AdministratorEmail, AwardVote.Infrastructure.Demo.DemoSeeder.Password);

        // Screening: the cycles from nominations on, the one under review included.
        var screening = await admin.GetPageAsync("/Admin/Eligibility");
        Assert.Contains($"<option value=\"{open.Id}\"", screening);
        Assert.Contains($"<option value=\"{review.Id}\"", screening);
        // Results: the cycles from judging on, counting included, nominations not.
        var results = await admin.GetPageAsync("/Admin/Results");
        Assert.Contains($"<option value=\"{counting.Id}\"", results);
        Assert.DoesNotContain($"<option value=\"{open.Id}\"", results);
    }

    private static async Task MoveAsync(AwardVoteApp app, int cycleId, CyclePhase phase)
    {
        await using var scope = app.Scope();
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cycles.Where(c => c.Id == cycleId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, phase));
    }
}
