using System.Net;
using System.Text.RegularExpressions;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;

namespace AwardVote.IntegrationTests.Nominations;

/// <summary>
/// Issue 16, item 5: a page and a mail write times as Latvians do, and a deadline as the last minute one can act
/// (the phase that ends at the next one's 7 January 00:00 is open "līdz … 6. janvārī plkst. 23.59").
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class LatvianDatesTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task The_nomination_editor_shows_the_deadline_as_the_last_minute_one_can_submit(DatabaseProvider provider)
    {
        var year = DateTime.UtcNow.Year + 1;
        // Riga is UTC+2 in January: the review starts at local midnight, 7 January 00:00.
        var world = await NominationWorld.CreateAsync(apps.Get(provider), closesAt: new DateTimeOffset(year, 1, 6, 22, 0, 0, TimeSpan.Zero));
        var (libraryId, email) = await world.LibraryAsync("Rūjienas bibliotēka");
        var id = await world.NominationAsync(libraryId);
        using var browser = await world.SignedInAsync(email);

        var latvian = WebUtility.HtmlDecode(await browser.GetPageAsync($"/Nominations/Edit?id={id}"));
        var english = WebUtility.HtmlDecode(await browser.GetPageAsync($"/Nominations/Edit?id={id}&culture=en"));

        Assert.Contains($"Pieteikumu var iesniegt līdz {year}. gada 6. janvārī plkst. 23.59.", latvian);
        Assert.Contains($"Nominations can be submitted until 6 January {year}, 23:59.", english);
        Assert.DoesNotContain("Europe/Riga", latvian);
    }

    [Theory, AllProviders]
    public async Task A_mail_writes_its_time_in_the_recipients_language(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Mazsalacas bibliotēka");
        var id = await world.NominationAsync(libraryId);
        using var library = await world.SignedInAsync(email);
        var latvianEndorser = $"lv-{Guid.NewGuid():N}@pasvaldiba.example";
        var englishEndorser = $"en-{Guid.NewGuid():N}@partner.example";

        foreach (var (address, culture) in new[] { (latvianEndorser, "lv"), (englishEndorser, "en") })
        {
            // The request is made from a Latvian page whatever language the endorser reads.
            using var asked = await library.SubmitFormAsync($"/Nominations/Endorsements?id={id}", new Dictionary<string, string>
            {
                ["Input.Name"] = "Atbalstītājs " + culture,
                ["Input.Email"] = address,
                ["Input.Organisation"] = "Pašvaldība",
                ["Input.Culture"] = culture,
            }, $"/Nominations/Endorsements?id={id}&handler=Request");
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }
        await world.DeliverMailAsync();

        var latvian = Assert.Single(await Mailbox.WaitForAsync(latvianEndorser)).TextBody ?? "";
        var english = Assert.Single(await Mailbox.WaitForAsync(englishEndorser)).TextBody ?? "";

        Assert.Matches(LatvianTime(), latvian);
        Assert.Matches(EnglishTime(), english);
        Assert.DoesNotContain("Europe/Riga", latvian + english);
        Assert.DoesNotMatch(IsoTime(), latvian + english);
    }

    [GeneratedRegex(@"\d{4}\. gada \d{1,2}\. (janvārī|februārī|martā|aprīlī|maijā|jūnijā|jūlijā|augustā|septembrī|oktobrī|novembrī|decembrī) plkst\. \d{1,2}\.\d{2}")]
    private static partial Regex LatvianTime();

    [GeneratedRegex(@"\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}, \d{2}:\d{2}")]
    private static partial Regex EnglishTime();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")]
    private static partial Regex IsoTime();
}
