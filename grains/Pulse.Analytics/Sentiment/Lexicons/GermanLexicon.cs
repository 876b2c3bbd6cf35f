namespace Pulse.Analytics.Sentiment.Lexicons;

/// <summary>
/// German valences on a -4..+4 scale, curated by the Pulse team. Entries are base forms: inflected forms
/// ("guter", "schlechten", "schönste") are generated when the table is built, ae/oe/ue/ss spellings match by folding.
/// </summary>
internal static class GermanLexicon
{
    public static readonly IReadOnlyDictionary<string, float> Valences = new Dictionary<string, float>(StringComparer.Ordinal)
    {
        // Lob und Zustimmung.
        { "gut", 1.9f }, { "besser", 1.8f }, { "best", 3.0f }, { "super", 2.4f }, { "toll", 2.6f },
        { "klasse", 2.5f }, { "prima", 2.3f }, { "spitze", 2.6f }, { "genial", 2.9f }, { "geil", 2.4f },
        { "hervorragend", 3.1f }, { "ausgezeichnet", 3.1f }, { "exzellent", 3.1f }, { "perfekt", 2.9f }, { "wunderbar", 3.0f },
        { "wunderschön", 3.1f }, { "schön", 2.1f }, { "herrlich", 2.8f }, { "fantastisch", 3.0f }, { "phantastisch", 3.0f },
        { "großartig", 3.0f }, { "traumhaft", 2.9f }, { "beeindruckend", 2.6f }, { "beeindruckt", 2.3f }, { "überzeugend", 2.1f },
        { "überzeugt", 1.8f }, { "empfehlenswert", 2.2f }, { "empfehlen", 1.8f }, { "empfehle", 1.8f }, { "lecker", 2.5f },
        { "köstlich", 2.7f }, { "hilfreich", 1.9f }, { "freundlich", 2.0f }, { "nett", 1.7f }, { "lieb", 1.9f },
        { "zuverlässig", 2.0f }, { "schnell", 1.0f }, { "praktisch", 1.4f }, { "günstig", 1.4f }, { "preiswert", 1.6f },
        { "bequem", 1.6f }, { "gemütlich", 1.8f }, { "süß", 2.0f }, { "niedlich", 2.0f }, { "hübsch", 2.1f },
        { "schick", 1.8f }, { "elegant", 2.0f }, { "spannend", 1.8f }, { "interessant", 1.3f }, { "angenehm", 2.0f },
        { "optimal", 2.0f }, { "fair", 1.4f }, { "positiv", 1.8f }, { "lobenswert", 2.2f }, { "lob", 1.8f },
        { "wertvoll", 1.8f }, { "erfolgreich", 2.4f }, { "erfolg", 2.3f }, { "gewonnen", 2.3f }, { "gewinnen", 2.0f },
        { "sieg", 2.3f }, { "funktioniert", 1.0f }, { "klappt", 1.2f }, { "geklappt", 1.3f }, { "stabil", 1.2f },
        { "cool", 1.6f }, { "nice", 1.8f }, { "top", 2.0f }, { "hammer", 2.0f }, { "ok", 0.9f },
        { "okay", 0.9f }, { "gerne", 1.4f }, { "gern", 1.4f }, { "endlich", 0.8f }, { "bravo", 2.5f },
        { "respekt", 1.8f }, { "glückwunsch", 2.6f }, { "gratulation", 2.5f }, { "gratuliere", 2.4f }, { "danke", 1.9f },
        { "dank", 1.4f }, { "dankbar", 2.4f }, { "love", 2.8f }, { "win", 2.0f }, { "yeah", 1.5f },

        // Gefühle.
        { "liebe", 2.6f }, { "lieben", 2.7f }, { "liebt", 2.7f }, { "geliebt", 2.6f }, { "mag", 1.6f },
        { "mögen", 1.5f }, { "gefällt", 2.0f }, { "gefallen", 1.7f }, { "gefiel", 1.8f }, { "freue", 2.2f },
        { "freuen", 2.2f }, { "freut", 2.2f }, { "freude", 2.6f }, { "froh", 2.2f }, { "glücklich", 2.7f },
        { "glück", 2.3f }, { "begeistert", 2.8f }, { "zufrieden", 2.0f }, { "spaß", 2.3f }, { "lustig", 1.9f },
        { "witzig", 1.8f }, { "lachen", 1.9f }, { "gelacht", 1.8f }, { "stolz", 2.0f }, { "hoffnung", 1.6f },
        { "hoffe", 1.2f }, { "hoffentlich", 1.3f }, { "genießen", 2.1f }, { "genossen", 2.0f }, { "entspannt", 1.8f },
        { "juhu", 2.4f }, { "yay", 2.4f }, { "hurra", 2.4f }, { "wow", 2.0f }, { "lol", 1.8f },
        { "haha", 1.8f }, { "hahaha", 2.0f }, { "willkommen", 1.5f }, { "frieden", 1.8f }, { "traum", 1.5f },

        // Kritik und Ärger.
        { "schlecht", -2.5f }, { "schlechter", -2.1f }, { "schlimm", -2.6f }, { "schlimmer", -2.3f }, { "furchtbar", -3.0f },
        { "schrecklich", -3.0f }, { "grauenhaft", -3.1f }, { "grauenvoll", -3.1f }, { "entsetzlich", -3.0f }, { "katastrophal", -3.2f },
        { "katastrophe", -3.0f }, { "mies", -2.4f }, { "miserabel", -2.9f }, { "mangelhaft", -2.2f }, { "ungenügend", -2.2f },
        { "scheiße", -2.8f }, { "scheiß", -2.4f }, { "beschissen", -2.8f }, { "kacke", -2.3f }, { "mist", -2.0f },
        { "doof", -1.9f }, { "blöd", -2.1f }, { "dumm", -2.3f }, { "dämlich", -2.3f }, { "bescheuert", -2.4f },
        { "idiot", -2.4f }, { "lächerlich", -2.0f }, { "peinlich", -2.0f }, { "nervig", -2.1f }, { "nervt", -2.0f },
        { "ärgerlich", -2.2f }, { "ärger", -2.0f }, { "ärgert", -2.0f }, { "langweilig", -1.8f }, { "teuer", -1.3f },
        { "überteuert", -2.1f }, { "kaputt", -2.2f }, { "defekt", -2.1f }, { "fehler", -1.6f }, { "problem", -1.5f },
        { "störung", -1.8f }, { "ausfall", -1.9f }, { "ausgefallen", -1.5f }, { "absturz", -1.9f }, { "abgestürzt", -1.9f },
        { "langsam", -1.2f }, { "verspätung", -1.6f }, { "verspätet", -1.5f }, { "unfreundlich", -2.2f }, { "unverschämt", -2.6f },
        { "unverschämtheit", -2.7f }, { "frechheit", -2.5f }, { "betrug", -2.8f }, { "betrüger", -2.8f }, { "abzocke", -2.7f },
        { "lüge", -2.2f }, { "gelogen", -2.2f }, { "falsch", -1.7f }, { "hässlich", -2.3f }, { "ekelhaft", -2.9f },
        { "eklig", -2.5f }, { "widerlich", -2.8f }, { "nutzlos", -2.3f }, { "sinnlos", -1.9f }, { "unbrauchbar", -2.5f },
        { "unzufrieden", -2.1f }, { "schwach", -1.4f }, { "übel", -2.1f }, { "versagt", -2.2f }, { "versagen", -2.2f },
        { "fail", -2.2f }, { "schande", -2.4f }, { "skandal", -2.4f }, { "skandalös", -2.6f }, { "reklamation", -1.4f },
        { "beschwerde", -1.6f }, { "gekündigt", -1.2f }, { "kündigen", -1.3f }, { "ruiniert", -2.4f }, { "verschwendung", -1.9f },
        { "schade", -1.6f }, { "leider", -1.3f }, { "sorry", -0.5f }, { "enttäuscht", -2.3f }, { "enttäuschend", -2.4f },
        { "enttäuschung", -2.4f }, { "kompliziert", -1.1f }, { "schwierig", -1.1f }, { "umständlich", -1.4f }, { "hass", -2.8f },

        // Gefühle und Nachrichten.
        { "hasse", -2.9f }, { "hassen", -2.8f }, { "hasst", -2.8f }, { "traurig", -2.2f }, { "wütend", -2.6f },
        { "wut", -2.5f }, { "sauer", -1.6f }, { "verzweifelt", -2.4f }, { "einsam", -2.0f }, { "hoffnungslos", -2.5f },
        { "müde", -1.2f }, { "stress", -1.7f }, { "stressig", -1.8f }, { "angst", -2.1f }, { "sorge", -1.5f },
        { "sorgen", -1.4f }, { "besorgt", -1.6f }, { "leid", -1.5f }, { "krank", -1.9f }, { "schmerz", -2.1f },
        { "schmerzen", -2.1f }, { "weinen", -2.0f }, { "heulen", -1.8f }, { "tod", -2.6f }, { "tot", -2.4f },
        { "töten", -3.0f }, { "krieg", -2.7f }, { "terror", -3.0f }, { "anschlag", -2.6f }, { "gewalt", -2.7f },
        { "opfer", -1.9f }, { "krise", -2.2f }, { "gefahr", -2.0f }, { "gefährlich", -2.1f }, { "verloren", -1.6f },
        { "verlieren", -1.4f }, { "niederlage", -2.0f }, { "böse", -2.3f }, { "elend", -2.5f }, { "rassistisch", -3.0f },
    };

    public static readonly IReadOnlyList<string> Negators =
    [
        "kein", "keine", "keinen", "keinem", "keiner", "keines", "ohne", "nichts", "niemand", "weder",
    ];

    /// <summary>German puts "nicht" after the verb it negates: "Das gefällt mir nicht".</summary>
    public static readonly IReadOnlyList<string> BackwardNegators = ["nicht", "nich", "nie", "niemals"];

    public static readonly IReadOnlyDictionary<string, float> Boosters = new Dictionary<string, float>(StringComparer.Ordinal)
    {
        { "sehr", Valence.BoosterStep }, { "echt", Valence.BoosterStep }, { "total", Valence.BoosterStep },
        { "extrem", Valence.BoosterStep }, { "wirklich", Valence.BoosterStep }, { "richtig", Valence.BoosterStep },
        { "absolut", Valence.BoosterStep }, { "völlig", Valence.BoosterStep }, { "komplett", Valence.BoosterStep },
        { "besonders", Valence.BoosterStep }, { "so", Valence.BoosterStep }, { "mega", Valence.BoosterStep },
        { "voll", Valence.BoosterStep }, { "unglaublich", Valence.BoosterStep }, { "äußerst", Valence.BoosterStep },
        { "höchst", Valence.BoosterStep }, { "zu", Valence.BoosterStep / 2 }, { "ziemlich", Valence.BoosterStep / 2 },
        { "etwas", -Valence.BoosterStep }, { "kaum", -Valence.BoosterStep }, { "wenig", -Valence.BoosterStep },
        { "bisschen", -Valence.BoosterStep }, { "eher", -Valence.BoosterStep }, { "halbwegs", -Valence.BoosterStep },
        { "einigermaßen", -Valence.BoosterStep }, { "fast", -Valence.BoosterStep },
        { "wahnsinnig", Valence.BoosterStep }, { "unheimlich", Valence.BoosterStep }, { "irre", Valence.BoosterStep },
        { "überhaupt", Valence.BoosterStep }, { "gar", Valence.BoosterStep }, { "sau", Valence.BoosterStep },
        { "ur", Valence.BoosterStep }, { "ultra", Valence.BoosterStep },
        { "recht", Valence.BoosterStep / 2 }, { "relativ", -Valence.BoosterStep }, { "leicht", -Valence.BoosterStep },
    };

    public static readonly IReadOnlyList<string> Contrasts = ["aber", "jedoch", "allerdings"];

    public static LexiconWords Words(params IReadOnlyList<IReadOnlyDictionary<string, float>> valences) =>
        new(valences, Negators, BackwardNegators, Boosters, Contrasts, Morphology.German);
}
