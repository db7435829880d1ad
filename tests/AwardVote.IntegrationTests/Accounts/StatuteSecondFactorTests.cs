using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.Accounts;

/// <summary>
/// A statute that asks its jurors for a second factor keeps its jury area closed to a juror's password alone, even
/// where Security:RequireSecondFactor is off (the shared apps, as the demo): it is the statute's rule. A juror of
/// another cycle is not asked.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class StatuteSecondFactorTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_statute_that_asks_it_keeps_its_jurors_out_until_they_sign_in_with_a_second_factor(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var strict = await new CycleBuilder().Slug("strict-jury", length: 40).InPhase(CyclePhase.Judging, round: 1).WithCategory("Gada bibliotēka")
            .With(c => c.JurorsNeedSecondFactor = true).CreateAsync(app);
        var usual = await new CycleBuilder().Slug("usual-jury", length: 40).InPhase(CyclePhase.Judging, round: 1).WithCategory("Gada bibliotēka").CreateAsync(app);
        var strictCategory = strict.Categories.Single().Id;
        var usualCategory = usual.Categories.Single().Id;
        var juror = await new PersonBuilder().Email("strict-juror").Juror(strict.Id, strictCategory).CreateAsync(app);
        var other = await new PersonBuilder().Email("usual-juror").Juror(usual.Id, usualCategory).CreateAsync(app);

        using (var api = await app.BearerClientAsync(juror.Email))
        {
            using var desk = await api.GetAsync($"/api/jury/{strict.Id}/{strictCategory}/nominations");
            Assert.Equal(HttpStatusCode.Forbidden, desk.StatusCode);
            Assert.Equal("SecondFactorRequired", (await desk.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }
        using (var api = await app.BearerClientAsync(other.Email))
        using (var desk = await api.GetAsync($"/api/jury/{usual.Id}/{usualCategory}/nominations"))
            Assert.Equal(HttpStatusCode.OK, desk.StatusCode);

        // The page sends the juror to set one up; with the authenticator on (this session proved its code), the desk opens.
        using var browser = await app.SignedInAsync(juror);
        using (var page = await browser.Http.GetAsync($"/Jury?cycleId={strict.Id}&categoryId={strictCategory}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/Account/Manage/TwoFactor?required=true", page.Headers.Location!.OriginalString);
        }
        await browser.TurnOnAuthenticatorAsync();
        using (var page = await browser.Http.GetAsync($"/Jury?cycleId={strict.Id}&categoryId={strictCategory}"))
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // The API shows the statute's rule.
        using var admin = await app.BearerClientAsync(AwardVote.Infrastructure.Demo.DemoSeeder.AdministratorEmail);
        var cycle = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/cycles/{strict.Id}");
        Assert.True(cycle.GetProperty("cycle").GetProperty("statute").GetProperty("jurorsNeedSecondFactor").GetBoolean());
    }
}
