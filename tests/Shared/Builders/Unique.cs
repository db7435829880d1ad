namespace AwardVote.Tests;

/// <summary>
/// Names no other test uses: the tests share one database per provider, and a test must not see another's data
/// (nor trip over its unique keys).
/// </summary>
public static class Unique
{
    /// <summary>32 hexadecimal digits.</summary>
    public static string Id() => Guid.NewGuid().ToString("N");

    /// <summary><paramref name="prefix"/>-hex, at most <paramref name="length"/> characters.</summary>
    public static string Slug(string prefix, int length = 100)
    {
        var slug = $"{prefix}-{Id()}";
        return slug.Length > length ? slug[..length] : slug;
    }

    public static string Email(string prefix = "person", string domain = "tests.example") => $"{prefix}-{Id()}@{domain}";

    /// <summary>A registration number as the app stores them (in capitals).</summary>
    public static string RegistrationNumber(string prefix = "T") => $"{prefix}-{Id()}"[..20].ToUpperInvariant();
}
