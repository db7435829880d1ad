using AwardVote.Domain.Judging;
using AwardVote.Domain.Libraries;

namespace AwardVote.UnitTests.Judging;

public sealed class ConflictRulesTests
{
    private static readonly Library Rezekne = Lib(1, "Rēzeknes Centrālā bibliotēka", "Latgale", "Rēzekne");
    private static readonly Library Daugavpils = Lib(2, "Latgales Centrālā bibliotēka", "Latgale", "Daugavpils");
    private static readonly Library RezekneSchool = Lib(3, "Rēzeknes skolas bibliotēka", "Latgale", "rēzekne ");
    private static readonly Library Valka = Lib(4, "Valkas bibliotēka", "Vidzeme", "Valka");

    private static Library Lib(int id, string name, string region, string? municipality) =>
        new() { Id = id, Name = name, Region = region, Municipality = municipality, RegistrationNumber = $"R{id}" };

    private static NomineeFacts[] Nominees(params Library[] libraries) => libraries.Select((l, i) => new NomineeFacts(100 + i, l)).ToArray();

    [Fact]
    public void The_jurors_own_library_is_proposed()
    {
        var proposals = ConflictRules.Propose(new JurorFacts("j", Rezekne, []), Nominees(Rezekne, Valka), regionIsConflict: false);

        Assert.Contains(proposals, p => p is { NominationId: 100, Source: ConflictSource.OwnLibrary });
        Assert.DoesNotContain(proposals, p => p.NominationId == 101);
    }

    [Fact]
    public void A_library_the_juror_represents_is_proposed()
    {
        var proposals = ConflictRules.Propose(new JurorFacts("j", null, [Valka.Id]), Nominees(Rezekne, Valka), regionIsConflict: false);

        var proposal = Assert.Single(proposals);
        Assert.Equal((101, ConflictSource.RepresentedLibrary, "Valkas bibliotēka"), (proposal.NominationId, proposal.Source, proposal.Reason));
    }

    [Fact]
    public void The_same_municipality_matches_ignoring_case_and_spaces()
    {
        var proposals = ConflictRules.Propose(new JurorFacts("j", Rezekne, []), Nominees(RezekneSchool, Daugavpils), regionIsConflict: false);

        var proposal = Assert.Single(proposals);
        Assert.Equal((100, ConflictSource.SameMunicipality), (proposal.NominationId, proposal.Source));
    }

    [Fact]
    public void The_region_matches_only_when_the_statute_says_so()
    {
        var juror = new JurorFacts("j", Rezekne, []);

        Assert.Empty(ConflictRules.Propose(juror, Nominees(Daugavpils), regionIsConflict: false));
        var proposal = Assert.Single(ConflictRules.Propose(juror, Nominees(Daugavpils), regionIsConflict: true));
        Assert.Equal(ConflictSource.SameRegion, proposal.Source);
    }

    [Theory]
    [InlineData("Bibliotēka")]
    [InlineData("library")]
    [InlineData("novads")]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void Generic_words_and_empty_places_never_match(string? place)
    {
        var home = Lib(10, "Pirmā bibliotēka", place ?? "", place);
        var other = Lib(11, "Otrā bibliotēka", place ?? "", place);

        Assert.Empty(ConflictRules.Propose(new JurorFacts("j", home, []), Nominees(other), regionIsConflict: true));
    }

    [Fact]
    public void A_similar_but_different_place_does_not_match() =>
        Assert.False(ConflictRules.SamePlace("Rēzekne", "Rēzeknes novads"));
}
