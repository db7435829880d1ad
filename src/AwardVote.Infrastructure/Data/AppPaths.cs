namespace AwardVote.Infrastructure.Data;

/// <summary>
/// Where AwardVote keeps files: the SQLite databases, uploaded attachments and development mail. Outside the web
/// root, so nothing in it is ever served as a static file.
/// </summary>
public sealed class AppPaths
{
    public AppPaths(string contentRoot, string? configuredDataDirectory)
    {
        DataDirectory = Path.GetFullPath(Path.Combine(contentRoot, configuredDataDirectory ?? "App_Data"));
        Directory.CreateDirectory(DataDirectory);
    }

    public string DataDirectory { get; }

    public string Resolve(string path) => Path.GetFullPath(Path.Combine(DataDirectory, path));
}
