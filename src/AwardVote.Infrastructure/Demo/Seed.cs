namespace AwardVote.Infrastructure.Demo;

/// <summary>Texts from the association's own announcement of its 2019 laureate (shared/seed).</summary>
internal static class Seed
{
    public const string AwardDescription =
        "Gada bibliotēkas balvu piešķir Latvijas Bibliotekāru biedrība, ik gadu atzīmējot valstī aktīvāko un sekmīgāko publisko bibliotēku, " +
        "kas piedāvā kvalitatīvus un inovatīvus pakalpojumus, īsteno oriģinālus projektus, veiksmīgi sadarbojas ar plašu partneru loku, " +
        "kā arī iedvesmo citas Latvijas bibliotēkas un bibliotekāro sabiedrību kopumā jauniem centieniem un sasniegumiem.";

    public const string AwardDescriptionEn =
        "The Latvian Library Association gives the Library of the Year award each year to the most active and successful public library " +
        "in the country: one that offers quality and innovative services, carries out original projects, works with a wide range of " +
        "partners and inspires other Latvian libraries and the library community to new efforts and achievements.";

    public const string Summary2019 =
        "Latgales Centrālā bibliotēka virzās uz mērķi kļūt par mūsdienīgu un inovatīvu kultūrizglītības iestādi; 2019. gadā tā atklāja Ģimenes digitālo aktivitāšu centru.";

    public const string Summary2026 =
        "Mūsdienīga un inovatīva kultūrizglītības iestāde Daugavpilī: Ģimenes digitālo aktivitāšu centrs, pārrobežu sadarbība un plašs partneru loks.";

    public const string Achievements =
        "Jau ilgus gadus Latgales Centrālā bibliotēka virzās uz mērķi kļūt par mūsdienīgu un inovatīvu kultūrizglītības iestādi, " +
        "kas nodrošina iedzīvotājiem augstvērtīgus informacionālos pakalpojumus, daudzveidīgas mācīšanās un pētniecības iespējas, " +
        "kā arī aizraujošu un saturīgu brīvā laika pavadīšanu.\n\n" +
        "2019. gadā sasniegtais ir devis pārliecību – mainoties laikam līdzi un ieviešot jaunus pakalpojumus un risinājumus, " +
        "bibliotēka nezaudē savu identitāti, bet attīstās kā uz sabiedrības interesēm un vajadzībām orientēta iestāde.";

    public const string Projects =
        "## “Network-Digihubs”\n\n" +
        "Latgales Centrālā bibliotēka veiksmīgi realizēja Latvijas-Lietuvas pārrobežu sadarbības programmas projektu “Network-Digihubs”. " +
        "Rezultātā bibliotēkā tika atklāts **Ģimenes digitālo aktivitāšu centrs**, kur ikviens var saistoši pavadīt brīvo laiku, " +
        "izmantojot inovatīvus digitālo tehnoloģiju risinājumus atpūtai, mācībām, izklaidei.\n\n" +
        "Centra atvēršana būtiski uzlaboja bibliotēkas materiāli tehnisko nodrošinājumu, piesaistīja jaunus lietotājus, " +
        "sekmēja bibliotēkas atpazīstamību un popularitāti.";

    public const string QuoteKlescinska =
        "Daugavpils reģiona kultūrtelpā Latgales Centrālā bibliotēka apliecina sevi kā jaudīgu un meklējošu kultūras, izglītības un " +
        "informācijas iestādi, kas savā pieejā veiksmīgi savieno tradīciju saglabāšanas un inovāciju virzīšanas uzdevumus.";

    public const string QuoteMaksimcika =
        "Latgales Centrālā bibliotēka ievieš un piedāvā jaunus un inovatīvus pakalpojumus. 2019. gadā tika pabeigts darbs pie vērienīga " +
        "Latvijas-Lietuvas pārrobežu sadarbības programmas projekta, kā rezultātā Daugavpilī tika atklāts Ģimenes digitālo aktivitāšu centrs. " +
        "Tas jau šobrīd ir kļuvis par tūristu iemīļotu apskates objektu.";

    public const string Citation2019 =
        "Latgales Centrālā bibliotēka ir ieguvusi Latvijas Bibliotekāru biedrības Gada bibliotēkas balvu, kuru piešķir par izciliem " +
        "sasniegumiem bibliotēku nozarē. Projekts “Network-Digihubs” un Ģimenes digitālo aktivitāšu centrs apliecina, ka bibliotēka, " +
        "ieviešot jaunus pakalpojumus, nezaudē savu identitāti.";

    public const string Citation2019En =
        "Latgale Central Library receives the Latvian Library Association's Library of the Year award for outstanding achievement. " +
        "The “Network-Digihubs” project and the Family Digital Activity Centre show a library that renews its services without losing its identity.";
}
