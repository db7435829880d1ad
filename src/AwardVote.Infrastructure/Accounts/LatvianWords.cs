namespace AwardVote.Infrastructure.Accounts;

/// <summary>
/// Latvian words zxcvbn's English dictionaries lack, written without marks (the validator folds the password the same
/// way): the words of this award and its libraries, months, seasons, the commonest names and places, and the words
/// people build passwords from ("parole", "mīlu", "saule").
/// </summary>
internal static class LatvianWords
{
    public const string Advice = "This password is too easy to guess: it is made of common words, names, dates or patterns. Choose a longer one, for example three or four unrelated words.";

    public static readonly string[] Common =
    [
        "parole", "parolite", "slepens", "slepeni", "paroles", "latvija", "latvijas", "latvietis", "latviete", "riga", "rigas",
        "biblioteka", "bibliotekas", "bibliotekai", "bibliotekars", "bibliotekare", "gramata", "gramatas", "lasitava", "lasitajs",
        "gada", "gads", "gadi", "balva", "konkurss", "zurija", "zurijas", "vertejums", "nominacija", "biedriba", "lbb",
        "demo", "admin", "administrators", "lietotajs", "sveiki", "labdien", "paldies", "milu", "mila", "milestiba", "mamma",
        "tetis", "saule", "saulite", "menesis", "zvaigzne", "jura", "ezers", "mezs", "koks", "puke", "rozes", "kakis",
        "suns", "sunitis", "lacis", "zakis", "vilks", "lapsa", "putns", "darbs", "majas", "maja", "skola", "dators", "telefons",
        "ziema", "pavasaris", "vasara", "rudens", "janvaris", "februaris", "marts", "aprilis", "maijs", "junijs", "julijs",
        "augusts", "septembris", "oktobris", "novembris", "decembris", "pirmdiena", "otrdiena", "tresdiena", "ceturtdiena",
        "piektdiena", "sestdiena", "svetdiena", "ligo", "jani", "ziemassvetki", "lieldienas", "dziesma", "dziesmusvetki",
        "janis", "andris", "juris", "peteris", "martins", "karlis", "edgars", "maris", "aivars", "valdis", "gints", "raivis",
        "anna", "liga", "ilze", "inese", "kristine", "laura", "marta", "elina", "dace", "ieva", "agnese", "zane", "santa",
        "sandra", "baiba", "daina", "inga", "ingrida", "vija", "aija", "gunta", "rudite", "dzintra", "ruta", "iveta", "sarmite",
        "daugavpils", "liepaja", "jelgava", "jurmala", "ventspils", "rezekne", "valmiera", "jekabpils", "ogre", "tukums",
        "cesis", "sigulda", "kuldiga", "talsi", "bauska", "dobele", "ludza", "kraslava", "madona", "gulbene", "aluksne",
        "limbazi", "saldus", "smiltene", "valka", "preili", "balvi", "aizkraukle", "daugava", "gauja", "venta", "kurzeme",
        "vidzeme", "latgale", "zemgale", "sela", "rainis", "aspazija", "blaumanis", "zalktis", "staburags", "milda",
        "brivibas", "briviba", "tevzeme", "dievs", "labais", "laimigs", "skaists", "stiprs", "jauns", "vecs",
    ];
}
