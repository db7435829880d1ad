using System.Text;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Access;
using AwardVote.IntegrationTests.Support;
using Case = AwardVote.IntegrationTests.Hostile.HostileFormTests.Case;

namespace AwardVote.IntegrationTests.Hostile;

/// <summary>
/// Files that are not what they claim or too much of it: a program named .jpg, markup named .png, a PNG declaring
/// 3.6 billion pixels, empty and cut-off images, files past the size limits and past the request limit. Each is refused
/// with its reason; no attachment row and no stored file is left behind.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class HostileUploadTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Disguised_and_oversized_files_are_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        var hostile = await HostileWorld.GetAsync(apps.Get(provider));
        await HostileFormTests.RunAsync(hostile, Cases());
    }

    private static IEnumerable<Case> Cases()
    {
        Case Photo(string name, string fileName, byte[] content, bool consent = true) => new($"attachment: {name}", Role.RepA, Phase.Nominations, c =>
            Task.FromResult(c.Upload($"/Nominations/Attachments?id={c.C.NominationA}&handler=Upload",
                [("Input.Caption", "Lasītava"), ("Input.ConsentGiven", consent ? "true" : "false")], "Input.File", fileName, content)));

        yield return Photo("a program named .jpg", "lasitava.jpg", [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, .. new byte[500]]);
        yield return Photo("markup named .png", "lasitava.png", Encoding.UTF8.GetBytes("<html><body><script>alert('x')</script></body></html>"));
        yield return Photo("an SVG with a script named .png", "zimejums.png", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"));
        yield return Photo("a PNG declaring 60,000 × 60,000 pixels", "bumba.png", AccessWorld.Png(60_000, 60_000));
        yield return Photo("a PNG declaring 0 × 0 pixels", "tukss.png", AccessWorld.Png(0, 0));
        yield return Photo("a JPEG cut off after its signature", "pusbilde.jpg", [0xFF, 0xD8, 0xFF]);
        yield return Photo("an empty file", "tukss.jpg", []);
        yield return Photo("a photo of 10 MB and a byte", "liela.png", [.. AccessWorld.Png(100, 100), .. new byte[10 * 1024 * 1024 + 1 - 64]]);
        yield return Photo("a PDF of 20 MB and a byte", "liels.pdf", [.. "%PDF-1.4\n"u8, .. new byte[20 * 1024 * 1024 + 1 - 9]]);
        yield return Photo("a file past the request limit", "milzigs.pdf", [.. "%PDF-1.4\n"u8, .. new byte[23 * 1024 * 1024]]);
        yield return Photo("a photo without the consent of the people in it", "lasitaji.png", AccessWorld.Png(10, 10), consent: false);
        yield return new Case("attachment: a form without a file", Role.RepA, Phase.Nominations, c => Task.FromResult(
            c.Form($"/Nominations/Attachments?id={c.C.NominationA}&handler=Upload", ("Input.Caption", "Lasītava"), ("Input.ConsentGiven", "true"))));
        yield return new Case("attachment: a caption of 1,001 characters", Role.RepA, Phase.Nominations, c => Task.FromResult(
            c.Upload($"/Nominations/Attachments?id={c.C.NominationA}&handler=Upload", [("Input.Caption", new string('ā', 1001)), ("Input.ConsentGiven", "true")],
                "Input.File", "lasitava.png", AccessWorld.Png(10, 10))));
        yield return new Case("attachment: into library B's nomination", Role.RepA, Phase.Nominations, c => Task.FromResult(
            c.Upload($"/Nominations/Attachments?id={c.C.NominationB}&handler=Upload", [("Input.ConsentGiven", "true")], "Input.File", "lasitava.png", AccessWorld.Png(10, 10))));
        yield return new Case("attachment: after the deadline", Role.RepA, Phase.Review, c => Task.FromResult(
            c.Upload($"/Nominations/Attachments?id={c.C.NominationA}&handler=Upload", [("Input.ConsentGiven", "true")], "Input.File", "lasitava.png", AccessWorld.Png(10, 10))));

        Case Letter(string name, string fileName, byte[] content) => new($"signed letter: {name}", Role.Anonymous, Phase.Nominations, async c =>
        {
            var token = await c.World.QueryAsync(db => AccessWorld.EndorsementAsync(db, c.C.NominationA));
            return c.Upload($"/Endorse?token={token}", [("Input.Letter", "Atbalstām.")], "Input.Pdf", fileName, content);
        });
        yield return Letter("a program named .pdf", "vestule.pdf", [.. "MZ"u8, .. new byte[200]]);
        yield return Letter("a photo instead of a PDF", "vestule.pdf", AccessWorld.Png(10, 10));
        yield return Letter("a PDF of 20 MB and a byte", "vestule.pdf", [.. "%PDF-1.4\n"u8, .. new byte[20 * 1024 * 1024 + 1 - 9]]);
    }
}
