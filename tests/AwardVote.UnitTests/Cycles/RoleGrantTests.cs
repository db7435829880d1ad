using AwardVote.Domain.Accounts;

namespace AwardVote.UnitTests.Cycles;

public sealed class RoleGrantTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    [Fact]
    public void Each_scope_gets_its_own_key()
    {
        string[] keys =
        [
            RoleGrant.Administrator("u", Now, null).ScopeKey,
            RoleGrant.Representative("u", 1, Now, null).ScopeKey,
            RoleGrant.Representative("u", 2, Now, null).ScopeKey,
            RoleGrant.Juror("u", 1, 1, Now, null).ScopeKey,
            RoleGrant.Juror("u", 1, 2, Now, null).ScopeKey,
        ];

        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void Juror_and_chair_of_the_same_category_share_the_scope_but_not_the_role()
    {
        var juror = RoleGrant.Juror("u", 3, 4, Now, null);
        var chair = RoleGrant.Chair("u", 3, 4, Now, null);

        Assert.Equal(juror.ScopeKey, chair.ScopeKey);
        Assert.NotEqual(juror.Role, chair.Role);
    }
}
