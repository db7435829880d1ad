using AwardVote.Application.Accounts;
using AwardVote.Application.Jury;

namespace AwardVote.UnitTests.Judging;

/// <summary>Which addresses a jury invitation is flagged for (mail there is lost), and where a confirmation mail may lead.</summary>
public sealed class ReservedEmailDomainsTests
{
    [Theory]
    [InlineData("anna@biblioteka.example")]
    [InlineData("anna@tests.example")]
    [InlineData("anna@x.invalid")]
    [InlineData("anna@demo.test")]
    [InlineData("anna@localhost")]
    [InlineData("anna@pc.localhost")]
    [InlineData("anna@example.com")]
    [InlineData("anna@mail.example.org")]
    [InlineData("anna@EXAMPLE.NET")]
    [InlineData("anna@example.com.")]
    public void A_reserved_or_test_domain_is_flagged(string email) => Assert.True(ReservedEmailDomains.IsReserved(email));

    [Theory]
    [InlineData("anna@biblioteka.lv")]
    [InlineData("anna@examples.com")]
    [InlineData("anna@myexample.com")]
    [InlineData("anna@example.company")]
    [InlineData("anna@testing.lv")]
    [InlineData("anna@gmail.com")]
    public void A_real_domain_is_not(string email) => Assert.False(ReservedEmailDomains.IsReserved(email));

    [Theory]
    [InlineData("/Invitations/Accept?token=abc", "/Invitations/Accept?token=abc")]
    [InlineData("//evil.example/x", null)]
    [InlineData("/\\evil.example", null)]
    [InlineData("https://evil.example/", null)]
    [InlineData("/", null)]
    [InlineData(null, null)]
    public void A_confirmation_mail_leads_only_to_a_path_of_this_site(string? returnUrl, string? kept) =>
        Assert.Equal(kept, RegisterAccount.LocalPath(returnUrl));
}
