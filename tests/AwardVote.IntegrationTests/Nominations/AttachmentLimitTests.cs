using AwardVote.Application;
using AwardVote.Application.Nominations;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Nominations;

/// <summary>A library that sends many uploads at once still stores no more files than the limit (issue 14, item 11).</summary>
[Collection(AppsCollection.Name)]
public sealed class AttachmentLimitTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Thirty_uploads_at_once_store_no_more_than_the_limit(DatabaseProvider provider)
    {
        var world = await NominationWorld.CreateAsync(apps.Get(provider));
        var (libraryId, email) = await world.LibraryAsync("Rūjienas bibliotēka");
        var id = await world.NominationAsync(libraryId);
        var userId = await world.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var png = AttachmentTests.Png(40, 30);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            await using var scope = world.App.Scope();
            using var stream = new MemoryStream(png);
            var file = new FormFile(stream, 0, png.Length, "File", $"lasitava-{i}.png") { Headers = new HeaderDictionary(), ContentType = "image/png" };
            return await scope.ServiceProvider.GetRequiredService<UploadAttachment>().RunAsync(id, userId,
                new UploadAttachmentInput { File = file, Caption = "Lasītava", ConsentGiven = true }, CancellationToken.None);
        }));

        Assert.Equal(AttachmentRules.MaxAttachmentsPerNomination, outcomes.Count(o => o.Succeeded));
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Equal(RefusalCode.AttachmentLimitReached, o.FirstRefusal!.Code));
        Assert.Equal(AttachmentRules.MaxAttachmentsPerNomination, await world.QueryAsync(db => db.Attachments.CountAsync(a => a.NominationId == id)));
        Assert.Equal(AttachmentRules.MaxAttachmentsPerNomination,
            await world.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "attachment.uploaded" && a.EntityId == id.ToString())));
    }
}
