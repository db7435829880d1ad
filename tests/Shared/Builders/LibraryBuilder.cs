using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Tests;

/// <summary>
/// A library, approved unless told otherwise, registered now in Vidzeme with a unique registration number. Without
/// a name it gets a unique one ("Testa bibliotēka" and hex).
/// </summary>
public sealed class LibraryBuilder(string? name = null)
{
    private readonly List<Action<Library>> _changes = [];
    private string _region = "Vidzeme";
    private string? _municipality;
    private LibraryStatus _status = LibraryStatus.Approved;
    private string? _refusalReason;
    private string? _registrationNumber;

    /// <summary>The region and, if given, the municipality (conflict-of-interest proposals match on both).</summary>
    public LibraryBuilder In(string region, string? municipality = null)
    {
        (_region, _municipality) = (region, municipality);
        return this;
    }

    public LibraryBuilder Status(LibraryStatus status)
    {
        _status = status;
        return this;
    }

    public LibraryBuilder Refused(string reason)
    {
        (_status, _refusalReason) = (LibraryStatus.Refused, reason);
        return this;
    }

    public LibraryBuilder RegistrationNumber(string number)
    {
        _registrationNumber = number;
        return this;
    }

    /// <summary>Any other change, made last.</summary>
    public LibraryBuilder With(Action<Library> change)
    {
        _changes.Add(change);
        return this;
    }

    public Library Build()
    {
        var library = new Library
        {
            Name = name ?? $"Testa bibliotēka {Unique.Id()}"[..30],
            Region = _region,
            Municipality = _municipality,
            Type = LibraryType.Public,
            RegistrationNumber = _registrationNumber ?? Unique.RegistrationNumber(),
            Status = _status,
            RefusalReason = _refusalReason,
            RegisteredAt = DateTimeOffset.UtcNow,
        };
        foreach (var change in _changes)
            change(library);
        return library;
    }

    public async Task<Library> SaveAsync(AppDbContext db)
    {
        var library = Build();
        db.Libraries.Add(library);
        await db.SaveChangesAsync();
        return library;
    }

    public Task<Library> CreateAsync(AwardVoteApp app) => app.QueryAsync(SaveAsync);
}
