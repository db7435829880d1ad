using AwardVote.Application.PeoplesChoice;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.PeoplesChoice;

namespace AwardVote.UnitTests.PeoplesChoice;

public sealed class VoterAddressTests
{
    [Fact]
    public void Case_and_surrounding_spaces_make_no_second_voter() =>
        Assert.Equal(VoterAddress.Normalize("anna@example.lv"), VoterAddress.Normalize("  Anna@Example.LV "));

    [Theory]
    [InlineData("anna@example.lv", true)]
    [InlineData(" anna.berzina+balva@biblioteka.gov.lv ", true)]
    [InlineData("anna", false)]
    [InlineData("anna@", false)]
    [InlineData("@example.lv", false)]
    [InlineData("anna@example", false)]
    [InlineData("anna@@example.lv", false)]
    [InlineData("anna berzina@example.lv", false)]
    [InlineData("anna@example.lv\r\nBcc: x@y.lv", false)]
    [InlineData("<anna@example.lv>", false)]
    [InlineData("anna@example..lv", false)]
    [InlineData("", false)]
    public void Only_plausible_addresses_are_taken(string address, bool plausible) =>
        Assert.Equal(plausible, VoterAddress.IsPlausible(address));

    [Fact]
    public void Throwaway_domains_and_their_subdomains_are_recognised_from_the_shipped_list()
    {
        var list = DisposableDomainList.Load();
        Assert.True(list.Count > 20);
        Assert.True(list.Contains("ANNA@MAILINATOR.COM"));
        Assert.True(list.Contains("anna@x.yopmail.com"));
        Assert.False(list.Contains("anna@inbox.lv"));
        Assert.False(list.Contains("anna@notmailinator.com"));
    }
}
