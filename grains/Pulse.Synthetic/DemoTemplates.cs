namespace Pulse.Synthetic;

/// <summary>
/// Post templates by language, style and tone. Placeholders: {brand} (name, hashtag or handle),
/// {product}, {crisis} (a crisis term) and {crisistag}. Sentiment words are deliberately plain
/// so both the English and the German scorer have something to find.
/// </summary>
public static class DemoTemplates
{
    private static readonly Dictionary<(bool German, DemoChannelStyle Style, DemoTone Tone), string[]> RegularTable = Build(BuildRegular);
    private static readonly Dictionary<(bool German, DemoChannelStyle Style, DemoTone Tone), string[]> CrisisTable = Build(BuildCrisis);

    public static IReadOnlyList<string> Regular(string language, DemoChannelStyle style, DemoTone tone) =>
        RegularTable[(language == DemoLanguages.German, style, tone)];

    /// <summary>Crisis posts: reviews read like social posts, nobody waits to rate a product mid-crisis.</summary>
    public static IReadOnlyList<string> Crisis(string language, DemoChannelStyle style, DemoTone tone) =>
        CrisisTable[(language == DemoLanguages.German, style, tone)];

    // Built once: the generator asks for a list per post.
    private static Dictionary<(bool German, DemoChannelStyle Style, DemoTone Tone), string[]> Build(
        Func<bool, DemoChannelStyle, DemoTone, string[]> lists)
    {
        var table = new Dictionary<(bool, DemoChannelStyle, DemoTone), string[]>();
        foreach (var german in (bool[])[false, true])
        {
            foreach (var style in Enum.GetValues<DemoChannelStyle>())
            {
                foreach (var tone in Enum.GetValues<DemoTone>())
                {
                    table[(german, style, tone)] = lists(german, style, tone);
                }
            }
        }

        return table;
    }

    private static string[] BuildRegular(bool german, DemoChannelStyle style, DemoTone tone) =>
        (german, style, tone) switch
        {
            (false, DemoChannelStyle.Social, DemoTone.Positive) =>
            [
                "Honestly impressed by {product} from {brand}. Great job!",
                "{brand} just made my day: {product} works perfectly.",
                "Love {product} by {brand}, totally worth it.",
                "Shoutout to {brand} support, they fixed my issue in minutes. Excellent service!",
                "Switched to {brand} last month and I'm really happy with {product}.",
            ],
            (false, DemoChannelStyle.Social, DemoTone.Neutral) =>
            [
                "Anyone here tried {product} from {brand}? Thinking about it.",
                "{brand} announced changes to {product} today.",
                "Reading about {product} by {brand}, not sure what to think yet.",
                "Question for {brand}: when is {product} available again?",
                "Comparing {product} from {brand} with the alternatives this weekend.",
            ],
            (false, DemoChannelStyle.Social, DemoTone.Negative) =>
            [
                "Really disappointed with {product} from {brand}. Not good.",
                "{brand} customer service is the worst, waited an hour for nothing.",
                "Third problem with {product} this month. Come on {brand}, this is terrible.",
                "Overpriced and unreliable: {product} by {brand}. Never again.",
                "Why is {brand} so bad at communicating? So annoying.",
            ],
            (false, DemoChannelStyle.Article, DemoTone.Positive) =>
            [
                "{brand} reports strong demand for {product}",
                "Customers praise {product} from {brand} in new survey",
                "How {brand} won back its customers with {product}",
            ],
            (false, DemoChannelStyle.Article, DemoTone.Neutral) =>
            [
                "{brand} outlines plans for {product} next year",
                "What customers need to know about {product} from {brand}",
                "{brand} updates {product}: a first look",
            ],
            (false, DemoChannelStyle.Article, DemoTone.Negative) =>
            [
                "Customers criticise {brand} over problems with {product}",
                "{brand} faces growing complaints about {product}",
                "Analysis: why {product} is a costly mistake for {brand}",
            ],
            (false, DemoChannelStyle.Review, DemoTone.Positive) =>
            [
                "★★★★★ Five stars for {product} from {brand}: excellent quality, would buy again.",
                "★★★★☆ Very good experience with {brand}, {product} is great value.",
            ],
            (false, DemoChannelStyle.Review, DemoTone.Neutral) =>
            [
                "★★★☆☆ {product} from {brand} is okay, nothing special.",
                "★★★☆☆ Average experience with {brand}. {product} does the job.",
            ],
            (false, DemoChannelStyle.Review, DemoTone.Negative) =>
            [
                "★☆☆☆☆ {product} from {brand} broke after a week. Terrible.",
                "★★☆☆☆ Poor experience with {brand}, {product} is a waste of money.",
            ],
            (true, DemoChannelStyle.Social, DemoTone.Positive) =>
            [
                "Heute {product} von {brand} ausprobiert – richtig gut!",
                "Großes Lob an {brand}, {product} ist einfach super.",
                "Bin echt begeistert von {brand}. {product} war top!",
                "Danke {brand}, der Service war schnell und freundlich.",
                "{product} von {brand} ist jeden Cent wert, klare Empfehlung.",
            ],
            (true, DemoChannelStyle.Social, DemoTone.Neutral) =>
            [
                "Hat jemand schon {product} von {brand} getestet?",
                "{brand} kündigt Änderungen bei {product} an.",
                "Frage an {brand}: Wann gibt es {product} wieder?",
                "Vergleiche gerade {product} von {brand} mit der Konkurrenz.",
                "Lese gerade etwas über {brand} und {product}, mal sehen.",
            ],
            (true, DemoChannelStyle.Social, DemoTone.Negative) =>
            [
                "Echt enttäuscht von {brand}. {product} ist schlecht.",
                "Der Kundenservice von {brand} ist eine Katastrophe, eine Stunde Warteschleife.",
                "Schon wieder Ärger mit {product}. {brand}, das ist nicht akzeptabel!",
                "Zu teuer und unzuverlässig: {product} von {brand}. Nie wieder.",
                "Warum kommuniziert {brand} so miserabel? Ärgerlich.",
            ],
            (true, DemoChannelStyle.Article, DemoTone.Positive) =>
            [
                "{brand} meldet starke Nachfrage nach {product}",
                "Kundinnen und Kunden loben {product} von {brand}",
                "Wie {brand} mit {product} die Kundschaft zurückgewinnt",
            ],
            (true, DemoChannelStyle.Article, DemoTone.Neutral) =>
            [
                "{brand} stellt Pläne für {product} vor",
                "Was Kunden jetzt über {product} von {brand} wissen müssen",
                "{brand} überarbeitet das Angebot: {product} im ersten Test",
            ],
            (true, DemoChannelStyle.Article, DemoTone.Negative) =>
            [
                "Kritik an {brand} wegen Problemen mit {product}",
                "Immer mehr Beschwerden über {product} von {brand}",
                "Analyse: Warum {product} für {brand} zum teuren Fehler wird",
            ],
            (true, DemoChannelStyle.Review, DemoTone.Positive) =>
            [
                "★★★★★ {product} von {brand}: hervorragende Qualität, gerne wieder.",
                "★★★★☆ Sehr zufrieden mit {brand}, {product} ist sein Geld wert.",
            ],
            (true, DemoChannelStyle.Review, DemoTone.Neutral) =>
            [
                "★★★☆☆ {product} von {brand} ist in Ordnung, nichts Besonderes.",
                "★★★☆☆ Durchschnittliche Erfahrung mit {brand}, {product} erfüllt den Zweck.",
            ],
            (true, DemoChannelStyle.Review, DemoTone.Negative) =>
            [
                "★☆☆☆☆ {product} von {brand} war nach einer Woche kaputt. Schrecklich.",
                "★★☆☆☆ Schlechte Erfahrung mit {brand}, {product} ist rausgeworfenes Geld.",
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(style)),
        };

    private static string[] BuildCrisis(bool german, DemoChannelStyle style, DemoTone tone) =>
        (german, style == DemoChannelStyle.Article, tone) switch
        {
            (false, false, DemoTone.Negative) =>
            [
                "So now it's {crisis} at {brand}. This is a disaster. {crisistag}",
                "Absolutely furious with {brand} right now: {crisis} and zero information. {crisistag}",
                "{brand} needs to explain the {crisis}. Unacceptable. {crisistag}",
                "Worst week ever thanks to {brand}: {crisis}. {crisistag}",
            ],
            (false, false, DemoTone.Neutral) =>
            [
                "Live updates on {brand} and the {crisis} in this thread. {crisistag}",
                "{brand} says it is investigating reports of {crisis}. {crisistag}",
            ],
            (false, false, DemoTone.Positive) =>
            [
                "To be fair, {brand} is handling the {crisis} better than expected. {crisistag}",
            ],
            (false, true, DemoTone.Negative) =>
            [
                "{brand} under fire after reports of {crisis}",
                "Anger grows as {brand} struggles with {crisis}",
            ],
            (false, true, _) =>
            [
                "{brand} investigates reports of {crisis}",
                "What we know so far about {crisis} at {brand}",
            ],
            (true, false, DemoTone.Negative) =>
            [
                "Schon wieder {crisis} bei {brand}. Eine Katastrophe! {crisistag}",
                "Ich bin so wütend auf {brand}: {crisis}, und keiner informiert uns. {crisistag}",
                "{brand}, erklärt das endlich! {crisis} – inakzeptabel. {crisistag}",
                "Danke für nichts, {brand}: {crisis}. Unzumutbar. {crisistag}",
            ],
            (true, false, DemoTone.Neutral) =>
            [
                "Aktuelle Infos hier im Thread – Thema: {crisis} bei {brand}. {crisistag}",
                "Laut {brand} wird der Vorfall untersucht ({crisis}). {crisistag}",
            ],
            (true, false, DemoTone.Positive) =>
            [
                "Fairerweise muss man sagen: {brand} reagiert schnell auf die Lage ({crisis}). {crisistag}",
            ],
            (true, true, DemoTone.Negative) =>
            [
                "Kritik an {brand} nach Vorfall: {crisis}",
                "Wachsender Ärger bei {brand} – Stichwort {crisis}",
            ],
            (true, true, _) =>
            [
                "{brand} untersucht Vorfall: {crisis}",
                "Was bisher bekannt ist – {brand} und das Thema {crisis}",
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(tone)),
        };
}
