using System.Globalization;
using AwardVote.Domain.Libraries;

namespace AwardVote.UnitTests.Libraries;

/// <summary>
/// The proposal of a library's case forms, over the demo's thirteen libraries and real Latvian library names:
/// genitive (kā?), dative (kam?), accusative (ko?), locative (kur?).
/// </summary>
public sealed class LatvianDeclensionTests
{
    public static TheoryData<string, string, string, string, string> DemoLibraries => new()
    {
        { "Latgales Centrālā bibliotēka", "Latgales Centrālās bibliotēkas", "Latgales Centrālajai bibliotēkai", "Latgales Centrālo bibliotēku", "Latgales Centrālajā bibliotēkā" },
        { "Rīgas Centrālā bibliotēka", "Rīgas Centrālās bibliotēkas", "Rīgas Centrālajai bibliotēkai", "Rīgas Centrālo bibliotēku", "Rīgas Centrālajā bibliotēkā" },
        { "Liepājas Centrālā zinātniskā bibliotēka", "Liepājas Centrālās zinātniskās bibliotēkas", "Liepājas Centrālajai zinātniskajai bibliotēkai", "Liepājas Centrālo zinātnisko bibliotēku", "Liepājas Centrālajā zinātniskajā bibliotēkā" },
        { "Ventspils bibliotēka", "Ventspils bibliotēkas", "Ventspils bibliotēkai", "Ventspils bibliotēku", "Ventspils bibliotēkā" },
        { "Jelgavas pilsētas bibliotēka", "Jelgavas pilsētas bibliotēkas", "Jelgavas pilsētas bibliotēkai", "Jelgavas pilsētas bibliotēku", "Jelgavas pilsētas bibliotēkā" },
        { "Valmieras bibliotēka", "Valmieras bibliotēkas", "Valmieras bibliotēkai", "Valmieras bibliotēku", "Valmieras bibliotēkā" },
        { "Rēzeknes Centrālā bibliotēka", "Rēzeknes Centrālās bibliotēkas", "Rēzeknes Centrālajai bibliotēkai", "Rēzeknes Centrālo bibliotēku", "Rēzeknes Centrālajā bibliotēkā" },
        { "Cēsu Centrālā bibliotēka", "Cēsu Centrālās bibliotēkas", "Cēsu Centrālajai bibliotēkai", "Cēsu Centrālo bibliotēku", "Cēsu Centrālajā bibliotēkā" },
        { "Jūrmalas Centrālā bibliotēka", "Jūrmalas Centrālās bibliotēkas", "Jūrmalas Centrālajai bibliotēkai", "Jūrmalas Centrālo bibliotēku", "Jūrmalas Centrālajā bibliotēkā" },
        { "Ogres Centrālā bibliotēka", "Ogres Centrālās bibliotēkas", "Ogres Centrālajai bibliotēkai", "Ogres Centrālo bibliotēku", "Ogres Centrālajā bibliotēkā" },
        { "Tukuma bibliotēka", "Tukuma bibliotēkas", "Tukuma bibliotēkai", "Tukuma bibliotēku", "Tukuma bibliotēkā" },
        { "Madonas novada bibliotēka", "Madonas novada bibliotēkas", "Madonas novada bibliotēkai", "Madonas novada bibliotēku", "Madonas novada bibliotēkā" },
        { "Latvijas Nacionālā bibliotēka", "Latvijas Nacionālās bibliotēkas", "Latvijas Nacionālajai bibliotēkai", "Latvijas Nacionālo bibliotēku", "Latvijas Nacionālajā bibliotēkā" },
    };

    public static TheoryData<string, string, string, string, string> RealLibraries => new()
    {
        { "Inešu bibliotēka", "Inešu bibliotēkas", "Inešu bibliotēkai", "Inešu bibliotēku", "Inešu bibliotēkā" },
        { "Ventspils Galvenā bibliotēka", "Ventspils Galvenās bibliotēkas", "Ventspils Galvenajai bibliotēkai", "Ventspils Galveno bibliotēku", "Ventspils Galvenajā bibliotēkā" },
        { "Rīgas Stradiņa universitātes bibliotēka", "Rīgas Stradiņa universitātes bibliotēkas", "Rīgas Stradiņa universitātes bibliotēkai", "Rīgas Stradiņa universitātes bibliotēku", "Rīgas Stradiņa universitātes bibliotēkā" },
        { "Latvijas Universitātes Akadēmiskā bibliotēka", "Latvijas Universitātes Akadēmiskās bibliotēkas", "Latvijas Universitātes Akadēmiskajai bibliotēkai", "Latvijas Universitātes Akadēmisko bibliotēku", "Latvijas Universitātes Akadēmiskajā bibliotēkā" },
        { "Mārupes novada Skultes bibliotēka", "Mārupes novada Skultes bibliotēkas", "Mārupes novada Skultes bibliotēkai", "Mārupes novada Skultes bibliotēku", "Mārupes novada Skultes bibliotēkā" },
        { "Siguldas novada bibliotēka", "Siguldas novada bibliotēkas", "Siguldas novada bibliotēkai", "Siguldas novada bibliotēku", "Siguldas novada bibliotēkā" },
        { "Kuldīgas Galvenā bibliotēka", "Kuldīgas Galvenās bibliotēkas", "Kuldīgas Galvenajai bibliotēkai", "Kuldīgas Galveno bibliotēku", "Kuldīgas Galvenajā bibliotēkā" },
        { "Talsu novada bibliotēka", "Talsu novada bibliotēkas", "Talsu novada bibliotēkai", "Talsu novada bibliotēku", "Talsu novada bibliotēkā" },
        { "Bauskas Centrālā bibliotēka", "Bauskas Centrālās bibliotēkas", "Bauskas Centrālajai bibliotēkai", "Bauskas Centrālo bibliotēku", "Bauskas Centrālajā bibliotēkā" },
        { "Dobeles novada Centrālā bibliotēka", "Dobeles novada Centrālās bibliotēkas", "Dobeles novada Centrālajai bibliotēkai", "Dobeles novada Centrālo bibliotēku", "Dobeles novada Centrālajā bibliotēkā" },
        { "Jēkabpils Galvenā bibliotēka", "Jēkabpils Galvenās bibliotēkas", "Jēkabpils Galvenajai bibliotēkai", "Jēkabpils Galveno bibliotēku", "Jēkabpils Galvenajā bibliotēkā" },
        { "Gulbenes novada bibliotēka", "Gulbenes novada bibliotēkas", "Gulbenes novada bibliotēkai", "Gulbenes novada bibliotēku", "Gulbenes novada bibliotēkā" },
        { "Alūksnes novada bibliotēka", "Alūksnes novada bibliotēkas", "Alūksnes novada bibliotēkai", "Alūksnes novada bibliotēku", "Alūksnes novada bibliotēkā" },
        { "Balvu Centrālā bibliotēka", "Balvu Centrālās bibliotēkas", "Balvu Centrālajai bibliotēkai", "Balvu Centrālo bibliotēku", "Balvu Centrālajā bibliotēkā" },
        { "Krāslavas novada Centrālā bibliotēka", "Krāslavas novada Centrālās bibliotēkas", "Krāslavas novada Centrālajai bibliotēkai", "Krāslavas novada Centrālo bibliotēku", "Krāslavas novada Centrālajā bibliotēkā" },
        { "Preiļu Galvenā bibliotēka", "Preiļu Galvenās bibliotēkas", "Preiļu Galvenajai bibliotēkai", "Preiļu Galveno bibliotēku", "Preiļu Galvenajā bibliotēkā" },
        { "Limbažu Galvenā bibliotēka", "Limbažu Galvenās bibliotēkas", "Limbažu Galvenajai bibliotēkai", "Limbažu Galveno bibliotēku", "Limbažu Galvenajā bibliotēkā" },
        { "Saldus pilsētas bibliotēka", "Saldus pilsētas bibliotēkas", "Saldus pilsētas bibliotēkai", "Saldus pilsētas bibliotēku", "Saldus pilsētas bibliotēkā" },
        { "Latvijas Neredzīgo bibliotēka", "Latvijas Neredzīgo bibliotēkas", "Latvijas Neredzīgo bibliotēkai", "Latvijas Neredzīgo bibliotēku", "Latvijas Neredzīgo bibliotēkā" },
        { "Latvijas Mākslas akadēmijas bibliotēka", "Latvijas Mākslas akadēmijas bibliotēkas", "Latvijas Mākslas akadēmijas bibliotēkai", "Latvijas Mākslas akadēmijas bibliotēku", "Latvijas Mākslas akadēmijas bibliotēkā" },
        { "Rīgas Tehniskās universitātes Zinātniskā bibliotēka", "Rīgas Tehniskās universitātes Zinātniskās bibliotēkas", "Rīgas Tehniskās universitātes Zinātniskajai bibliotēkai", "Rīgas Tehniskās universitātes Zinātnisko bibliotēku", "Rīgas Tehniskās universitātes Zinātniskajā bibliotēkā" },
        { "Latvijas Lauksaimniecības universitātes Fundamentālā bibliotēka", "Latvijas Lauksaimniecības universitātes Fundamentālās bibliotēkas", "Latvijas Lauksaimniecības universitātes Fundamentālajai bibliotēkai", "Latvijas Lauksaimniecības universitātes Fundamentālo bibliotēku", "Latvijas Lauksaimniecības universitātes Fundamentālajā bibliotēkā" },
        { "Daugavpils Universitātes bibliotēka", "Daugavpils Universitātes bibliotēkas", "Daugavpils Universitātes bibliotēkai", "Daugavpils Universitātes bibliotēku", "Daugavpils Universitātes bibliotēkā" },
        { "Ogres novada Ķeguma bibliotēka", "Ogres novada Ķeguma bibliotēkas", "Ogres novada Ķeguma bibliotēkai", "Ogres novada Ķeguma bibliotēku", "Ogres novada Ķeguma bibliotēkā" },
        { "Rīgas Centrālās bibliotēkas filiālbibliotēka „Pūce”", "Rīgas Centrālās bibliotēkas filiālbibliotēkas „Pūce”", "Rīgas Centrālās bibliotēkas filiālbibliotēkai „Pūce”", "Rīgas Centrālās bibliotēkas filiālbibliotēku „Pūce”", "Rīgas Centrālās bibliotēkas filiālbibliotēkā „Pūce”" },
        { "Rīgas Centrālā bibliotēka, Ziemeļblāzmas filiāle", "Rīgas Centrālās bibliotēkas, Ziemeļblāzmas filiāle", "Rīgas Centrālajai bibliotēkai, Ziemeļblāzmas filiāle", "Rīgas Centrālo bibliotēku, Ziemeļblāzmas filiāle", "Rīgas Centrālajā bibliotēkā, Ziemeļblāzmas filiāle" },
        { "Ziemeļblāzmas filiāle", "Ziemeļblāzmas filiāles", "Ziemeļblāzmas filiālei", "Ziemeļblāzmas filiāli", "Ziemeļblāzmas filiālē" },
        { "Smiltenes novada bibliotēkas Bilskas nodaļa", "Smiltenes novada bibliotēkas Bilskas nodaļas", "Smiltenes novada bibliotēkas Bilskas nodaļai", "Smiltenes novada bibliotēkas Bilskas nodaļu", "Smiltenes novada bibliotēkas Bilskas nodaļā" },
        { "Bērnu un jauniešu centrs", "Bērnu un jauniešu centra", "Bērnu un jauniešu centram", "Bērnu un jauniešu centru", "Bērnu un jauniešu centrā" },
        { "Tukuma muzejs", "Tukuma muzeja", "Tukuma muzejam", "Tukuma muzeju", "Tukuma muzejā" },
        { "Rīgas Centrālais tirgus", "Rīgas Centrālā tirgus", "Rīgas Centrālajam tirgum", "Rīgas Centrālo tirgu", "Rīgas Centrālajā tirgū" },
        { "Pasaku namiņš", "Pasaku namiņa", "Pasaku namiņam", "Pasaku namiņu", "Pasaku namiņā" },
    };

    [Theory]
    [MemberData(nameof(DemoLibraries))]
    [MemberData(nameof(RealLibraries))]
    public void A_library_name_is_declined_by_its_head_and_the_adjectives_before_it(string nominative, string genitive, string dative,
        string accusative, string locative)
    {
        var proposal = LatvianDeclension.Propose(nominative);

        Assert.True(proposal.Sure);
        Assert.Equal(new LibraryName(nominative, genitive, dative, accusative, locative), proposal.Name);
    }

    [Theory]
    [InlineData("LNB")]
    [InlineData("Bibliotēka 2")]
    [InlineData("„Zīles”")]
    [InlineData("")]
    public void A_name_that_fits_no_pattern_stays_as_written_and_asks_to_be_checked(string name)
    {
        var proposal = LatvianDeclension.Propose(name);

        Assert.False(proposal.Sure);
        Assert.All(new[] { proposal.Name.Genitive, proposal.Name.Dative, proposal.Name.Accusative, proposal.Name.Locative },
            form => Assert.Equal(name, form));
    }

    [Fact]
    public void A_second_declension_head_is_proposed_with_its_consonant_change_but_marked_to_check()
    {
        var proposal = LatvianDeclension.Propose("Jauniešu klubs „Brālis”");
        Assert.True(proposal.Sure);
        Assert.Equal("Jauniešu kluba „Brālis”", proposal.Name.Genitive);

        var unsure = LatvianDeclension.Propose("Lasītāju viesis");
        Assert.False(unsure.Sure);
        Assert.Equal("Lasītāju vieša", unsure.Name.Genitive);
        Assert.Equal("Lasītāju viesim", unsure.Name.Dative);
    }

    [Fact]
    public void Only_Latvian_sentences_get_the_declined_forms()
    {
        var name = LatvianDeclension.Propose("Inešu bibliotēka").Name;

        Assert.Equal("Inešu bibliotēkas", name.In(GrammaticalCase.Genitive, CultureInfo.GetCultureInfo("lv")));
        Assert.Equal("Inešu bibliotēku", name.In(GrammaticalCase.Accusative, CultureInfo.GetCultureInfo("lv-LV")));
        Assert.Equal("Inešu bibliotēka", name.In(GrammaticalCase.Genitive, CultureInfo.GetCultureInfo("en")));
        Assert.Equal("Inešu bibliotēka", name.ToString());
    }

    [Fact]
    public void Stored_forms_win_over_the_proposal_and_missing_ones_are_proposed()
    {
        var name = LibraryName.Of("Inešu bibliotēka", "Inešu pagasta bibliotēkas", null, null, null);

        Assert.Equal("Inešu pagasta bibliotēkas", name.Genitive);
        Assert.Equal("Inešu bibliotēkai", name.Dative);
    }
}
