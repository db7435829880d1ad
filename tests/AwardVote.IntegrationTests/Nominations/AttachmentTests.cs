using System.Buffers.Binary;
using System.Net;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.Nominations;

[Collection(AppsCollection.Name)]
public sealed class AttachmentTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_photo_is_stored_with_a_safe_name_and_served_only_to_those_allowed(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Preiļu bibliotēka");
        var (_, otherEmail) = await world.LibraryAsync("Līvānu bibliotēka");
        var id = await world.NominationAsync(libraryId);
        using var browser = await world.SignedInAsync(email);

        using var uploaded = await UploadAsync(browser, id, "../../etc/Lasītava ar bērniem.png", Png(800, 600), consent: true);

        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var attachment = await world.QueryAsync(db => db.Attachments.SingleAsync(a => a.NominationId == id));
        Assert.Equal("Lasitava-ar-berniem.png", attachment.SafeFileName);
        Assert.Equal("image/png", attachment.ContentType);
        Assert.DoesNotContain("..", attachment.StorageKey);

        using var own = await browser.Http.GetAsync($"/Nominations/File?id={attachment.Id}");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("image/png", own.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png(800, 600), await own.Content.ReadAsByteArrayAsync());

        using var other = await world.SignedInAsync(otherEmail);
        using var otherResponse = await other.Http.GetAsync($"/Nominations/File?id={attachment.Id}");
        Assert.StartsWith("/Account/AccessDenied", otherResponse.Headers.Location!.PathAndQuery);
        using var anonymous = new Browserless(world.App);
        using var anonymousResponse = await anonymous.Http.GetAsync($"/Nominations/File?id={attachment.Id}");
        Assert.StartsWith("/Account/Login", anonymousResponse.Headers.Location!.PathAndQuery);
    }

    [Theory, AllProviders]
    public async Task Disguised_and_dangerous_files_are_refused_with_a_clear_message(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Ludzas bibliotēka");
        var id = await world.NominationAsync(libraryId);
        using var browser = await world.SignedInAsync(email);

        // A Windows program renamed to .pdf.
        using var exe = await UploadAsync(browser, id, "nolikums.pdf", [0x4D, 0x5A, 0x90, 0x00, .. new byte[200]]);
        Assert.Contains("Šī faila saturs nav ne viens, ne otrs", await exe.Content.ReadAsStringAsync());

        // A zip archive disguised as a photo.
        using var zip = await UploadAsync(browser, id, "foto.jpg", [0x50, 0x4B, 0x03, 0x04, .. new byte[200]], consent: true);
        Assert.Contains("Šī faila saturs nav ne viens, ne otrs", await zip.Content.ReadAsStringAsync());

        // A decompression bomb: a tiny PNG that claims 60,000 × 60,000 pixels.
        using var bomb = await UploadAsync(browser, id, "bumba.png", Png(60_000, 60_000), consent: true);
        Assert.Contains("Attēls ir pārāk liels", await bomb.Content.ReadAsStringAsync());

        // A photo without the consent of the people in it.
        using var noConsent = await UploadAsync(browser, id, "foto.png", Png(10, 10), consent: false);
        Assert.Contains("Apstipriniet, ka fotogrāfijā redzamie cilvēki piekrita", await noConsent.Content.ReadAsStringAsync());

        Assert.Equal(0, await world.QueryAsync(db => db.Attachments.CountAsync(a => a.NominationId == id)));
    }

    [Theory, AllProviders]
    public async Task An_upload_of_200_MB_is_refused_and_nothing_is_saved(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Krāslavas bibliotēka");
        var id = await world.NominationAsync(libraryId);
        using var browser = await world.SignedInAsync(email);
        var huge = new byte[200 * 1024 * 1024];
        "%PDF-1.7\n"u8.CopyTo(huge);

        using var response = await UploadAsync(browser, id, "liels.pdf", huge);

        Assert.True((int)response.StatusCode is >= 400 and < 500 || (await response.Content.ReadAsStringAsync()).Contains("Fails ir pārāk liels"),
            $"Expected a refusal, got {(int)response.StatusCode}");
        Assert.Equal(0, await world.QueryAsync(db => db.Attachments.CountAsync(a => a.NominationId == id)));
    }

    private static Task<HttpResponseMessage> UploadAsync(Browserless browser, int id, string fileName, byte[] content, bool consent = false) =>
        browser.UploadAsync($"/Nominations/Attachments?id={id}", $"/Nominations/Attachments?id={id}&handler=Upload",
            new Dictionary<string, string> { ["Input.Caption"] = "Lasītava", ["Input.ConsentGiven"] = consent ? "true" : "false", ["Input.Licence"] = "CC BY 4.0" },
            "Input.File", fileName, content);

    /// <summary>A PNG signature and header (enough for the content check) with the given dimensions.</summary>
    internal static byte[] Png(int width, int height)
    {
        var bytes = new byte[64];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(16), (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(20), (uint)height);
        bytes[24] = 8;
        bytes[25] = 6;
        return bytes;
    }
}
