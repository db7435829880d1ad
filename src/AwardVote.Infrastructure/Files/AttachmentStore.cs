using AwardVote.Infrastructure.Data;

namespace AwardVote.Infrastructure.Files;

/// <summary>
/// Uploaded files, kept in the data folder (outside the web root) under random keys without extensions: nothing
/// there is ever served or executed by the web server; pages stream a file after checking who asks.
/// </summary>
public sealed class AttachmentStore(AppPaths paths, TimeProvider clock)
{
    private string Root => paths.Resolve("attachments");

    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        var key = $"{clock.GetUtcNow():yyyy}/{Guid.NewGuid():N}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, cancellationToken);
        return key;
    }

    public Stream OpenRead(string key) =>
        new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public void Delete(string key)
    {
        var path = PathOf(key);
        if (File.Exists(path))
            File.Delete(path);
    }

    private string PathOf(string key)
    {
        // Keys are made here, but a key read from the database is still checked to stay inside the folder.
        var path = Path.GetFullPath(Path.Combine(Root, key));
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException("Attachment key outside the attachment folder.");
        return path;
    }
}
