using AwardVote.Domain.PeoplesChoice;

namespace AwardVote.UnitTests.PeoplesChoice;

/// <summary>Issue 14, item 9: the key of "one vote per voter" is the mailbox, not the spelling of its address.</summary>
public sealed class MailboxKeyTests
{
    [Theory]
    [InlineData("voter@gmail.com")]
    [InlineData("voter+1@gmail.com")]
    [InlineData("v.o.t.e.r@gmail.com")]
    [InlineData("voter@googlemail.com")]
    [InlineData(" V.Oter+Balsojums@GoogleMail.COM ")]
    public void Spellings_of_one_Gmail_mailbox_are_one_key(string spelling) =>
        Assert.Equal("VOTER@GMAIL.COM", VoterAddress.Canonical(spelling));

    [Theory]
    [InlineData("anna+balva@biblioteka.example", "ANNA@BIBLIOTEKA.EXAMPLE")]
    [InlineData("Anna+a+b@inbox.lv", "ANNA@INBOX.LV")]
    // Elsewhere a dot is part of the name: two people.
    [InlineData("anna.berzina@inbox.lv", "ANNA.BERZINA@INBOX.LV")]
    [InlineData("a.n.n.a@inbox.lv", "A.N.N.A@INBOX.LV")]
    // A name that is nothing but a tag is kept as it is.
    [InlineData("+anna@example.lv", "+ANNA@EXAMPLE.LV")]
    [InlineData("anna@me.com", "ANNA@ICLOUD.COM")]
    [InlineData("anna.b@mac.com", "ANNA.B@ICLOUD.COM")]
    [InlineData("an-na_b.x+1@pm.me", "ANNABX@PROTON.ME")]
    [InlineData("annab@protonmail.ch", "ANNAB@PROTON.ME")]
    public void Tags_go_everywhere_dots_and_aliases_only_where_the_provider_ignores_them(string address, string key) =>
        Assert.Equal(key, VoterAddress.Canonical(address));

    [Fact]
    public void A_key_is_never_finer_than_the_case_insensitive_address()
    {
        // The unique key on the mailbox must hold at least what the old key on the address held.
        foreach (var address in new[] { "Anna@Example.lv", "x.y+z@GMAIL.com", "ab@PM.ME" })
            Assert.Equal(VoterAddress.Canonical(address), VoterAddress.Canonical(VoterAddress.Normalize(address)));
    }

    [Theory]
    [InlineData("JURIS1@LASITAJI.EXAMPLE", "JURIS@LASITAJI.EXAMPLE")]
    [InlineData("JURIS.2@LASITAJI.EXAMPLE", "JURIS@LASITAJI.EXAMPLE")]
    [InlineData("123@LASITAJI.EXAMPLE", "123@LASITAJI.EXAMPLE")]
    public void Near_duplicates_share_a_skeleton(string key, string skeleton) =>
        Assert.Equal(skeleton, VoterAddress.Skeleton(key));

    [Fact]
    public void Every_provider_domain_is_listed_once() =>
        Assert.Equal(MailboxProviders.All.SelectMany(p => p.Domains).Count(),
            MailboxProviders.All.SelectMany(p => p.Domains).Distinct(StringComparer.OrdinalIgnoreCase).Count());
}
