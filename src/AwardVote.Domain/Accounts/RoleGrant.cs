namespace AwardVote.Domain.Accounts;

/// <summary>
/// One role of one account, always with its scope: an administrator of the association, a representative
/// of a library, a juror or chair of a cycle's category. One account can hold many grants.
/// </summary>
public sealed class RoleGrant
{
    private RoleGrant() { }

    public int Id { get; private set; }
    public string UserId { get; private set; } = "";
    public ScopedRole Role { get; private set; }
    public int? LibraryId { get; private set; }
    public int? CycleId { get; private set; }
    public int? CategoryId { get; private set; }
    /// <summary>
    /// Role plus scope as one non-null text, so that "one grant per account, role and scope" is a plain unique key
    /// on every database (nullable columns in a unique index behave differently on SQL Server and PostgreSQL).
    /// </summary>
    public string ScopeKey { get; private set; } = "";
    public DateTimeOffset GrantedAt { get; private set; }
    public string? GrantedByUserId { get; private set; }

    public static RoleGrant Administrator(string userId, DateTimeOffset at, string? grantedBy) =>
        Create(userId, ScopedRole.Administrator, null, null, null, at, grantedBy);

    public static RoleGrant Representative(string userId, int libraryId, DateTimeOffset at, string? grantedBy) =>
        Create(userId, ScopedRole.LibraryRepresentative, libraryId, null, null, at, grantedBy);

    public static RoleGrant Juror(string userId, int cycleId, int categoryId, DateTimeOffset at, string? grantedBy) =>
        Create(userId, ScopedRole.Juror, null, cycleId, categoryId, at, grantedBy);

    public static RoleGrant Chair(string userId, int cycleId, int categoryId, DateTimeOffset at, string? grantedBy) =>
        Create(userId, ScopedRole.Chair, null, cycleId, categoryId, at, grantedBy);

    private static RoleGrant Create(string userId, ScopedRole role, int? libraryId, int? cycleId, int? categoryId,
        DateTimeOffset at, string? grantedBy) => new()
    {
        UserId = userId,
        Role = role,
        LibraryId = libraryId,
        CycleId = cycleId,
        CategoryId = categoryId,
        ScopeKey = role switch
        {
            ScopedRole.Administrator => "association",
            ScopedRole.LibraryRepresentative => $"library:{libraryId}",
            _ => $"cycle:{cycleId}/category:{categoryId}",
        },
        GrantedAt = at,
        GrantedByUserId = grantedBy,
    };
}

public enum ScopedRole
{
    Administrator,
    LibraryRepresentative,
    Juror,
    /// <summary>A juror with more rights: confirms conflicts, writes the citation.</summary>
    Chair,
}
