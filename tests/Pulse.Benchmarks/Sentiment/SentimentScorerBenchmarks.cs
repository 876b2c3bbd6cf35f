using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;
using Pulse.Analytics.Sentiment;

namespace Pulse.Benchmarks.Sentiment;

/// <summary>
/// Throughput of the sentiment scorer on typical ~100-character posts, English and German, one core.
/// Times are per post (OperationsPerInvoke), so posts/s = 1 / time. Min and median are shown beside the mean:
/// on a shared machine the mean mostly measures the neighbours.
/// The posts are written for this benchmark (never taken from the development sets).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(RuntimeMoniker.Net10_0, launchCount: 1, warmupCount: 3, iterationCount: 20)]
public class SentimentScorerBenchmarks
{
    public static readonly string[] Posts =
    [
        "Just got my new phone from @acme and the battery life is amazing!!! Best upgrade in years 😍 #happy",
        "@acme_help my order still hasn't arrived, third time this month. Not impressed at all. https://t.co/x1",
        "The update broke the app again, it keeps crashing when I open the camera. Seriously?? #fail",
        "Not bad for the price, but the delivery took forever and support was sooo slow to answer :(",
        "Loving the new store in Berlin, friendly staff and great coffee. Will definitely come back ❤️",
        "Why does the checkout always time out at midnight? Lost my cart twice, this is ridiculous",
        "Das neue Update ist wirklich toll, endlich läuft alles flüssig. Danke an das Team! 👍",
        "Schon wieder eine Störung bei @acme_de, seit zwei Stunden kein Netz. Das nervt einfach nur 😡",
        "Der Kundenservice war freundlich, aber die Lieferung hat leider fast drei Wochen gedauert",
        "Die Qualität gefällt mir nicht, die Nähte lösen sich nach einer Woche. Geld zurück bitte!",
        "Heute im Laden gewesen, riesige Auswahl und super Beratung. Klare Empfehlung von mir :)",
        "Warum ist die App so langsam geworden? Seit dem letzten Update eine einzige Katastrophe #fail",
        "Meeting moved to 12:30 tomorrow, see the agenda at https://example.com/agenda for details",
        "Die Filiale am Marktplatz öffnet am Montag um 9 Uhr, Parkplätze gibt es im Hof nebenan.",
        "omg the new collection is GREAT, can't wait to order the blue one!!! 😂🔥 @acme",
        "Ich bin echt enttäuscht, das Paket kam beschädigt an und niemand meldet sich zurück.",
    ];

    private readonly LexiconSentimentScorer _scorer = new();

    [Benchmark(Description = "Score one post (~100 chars, EN+DE mix)", OperationsPerInvoke = 16)]
    public float ScorePosts()
    {
        var sum = 0f;
        foreach (var post in Posts)
        {
            sum += _scorer.Score(post).Score;
        }

        return sum;
    }

    [Benchmark(Description = "Detect the language of one post", OperationsPerInvoke = 16)]
    public int DetectLanguage()
    {
        var english = 0;
        foreach (var post in Posts)
        {
            english += Pulse.Analytics.Language.LanguageDetector.Detect(post).Length;
        }

        return english;
    }
}
