namespace Pulse.Analytics.Sentiment.Lexicons;

/// <summary>
/// English valences on a -4..+4 scale, curated by the Pulse team for brand talk on social media
/// (products, service, outages, news), plus negators, boosters and contrast words.
/// </summary>
internal static class EnglishLexicon
{
    public static readonly IReadOnlyDictionary<string, float> Valences = new Dictionary<string, float>(StringComparer.Ordinal)
    {
        // Praise and approval.
        { "good", 1.9f }, { "great", 3.1f }, { "excellent", 3.2f }, { "amazing", 2.8f }, { "awesome", 3.1f },
        { "fantastic", 3.1f }, { "wonderful", 3.0f }, { "brilliant", 2.8f }, { "perfect", 2.8f }, { "perfectly", 2.4f },
        { "best", 3.0f }, { "better", 1.8f }, { "nice", 1.8f }, { "nicely", 1.7f }, { "cool", 1.3f },
        { "superb", 3.0f }, { "super", 2.4f }, { "outstanding", 3.0f }, { "exceptional", 2.9f }, { "flawless", 2.9f },
        { "magnificent", 3.1f }, { "phenomenal", 3.0f }, { "terrific", 3.0f }, { "marvelous", 3.0f }, { "marvellous", 3.0f },
        { "fabulous", 3.0f }, { "fab", 2.3f }, { "incredible", 2.5f }, { "impressive", 2.5f }, { "impressed", 2.3f },
        { "stunning", 2.9f }, { "beautiful", 2.9f }, { "beautifully", 2.7f }, { "gorgeous", 3.0f }, { "lovely", 2.8f },
        { "cute", 2.0f }, { "adorable", 2.5f }, { "elegant", 2.1f }, { "epic", 2.0f }, { "solid", 1.5f },
        { "fine", 0.8f }, { "ok", 0.9f }, { "okay", 0.9f }, { "decent", 1.3f }, { "worth", 1.5f },
        { "worthy", 1.8f }, { "recommend", 1.6f }, { "recommended", 1.7f }, { "helpful", 1.9f }, { "useful", 1.6f },
        { "reliable", 1.9f }, { "easy", 1.5f }, { "smooth", 1.5f }, { "fast", 1.0f }, { "quick", 0.9f },
        { "clean", 1.5f }, { "fresh", 1.3f }, { "delicious", 2.7f }, { "tasty", 2.3f }, { "yummy", 2.4f },
        { "comfortable", 1.7f }, { "cozy", 1.8f }, { "affordable", 1.5f }, { "bargain", 1.5f }, { "handy", 1.5f },
        { "friendly", 2.2f }, { "generous", 2.3f }, { "smart", 1.7f }, { "genius", 2.4f }, { "wise", 1.7f },
        { "safe", 1.6f }, { "secure", 1.4f }, { "strong", 1.7f }, { "improved", 1.8f }, { "improvement", 1.7f },
        { "fixed", 1.0f }, { "works", 0.8f }, { "success", 2.7f }, { "successful", 2.6f }, { "win", 2.6f },
        { "wins", 2.4f }, { "won", 2.0f }, { "winner", 2.5f }, { "winning", 2.4f }, { "hero", 2.3f },
        { "legend", 2.0f }, { "favorite", 2.0f }, { "favourite", 2.0f }, { "fave", 1.9f }, { "fan", 1.2f },

        // Feelings.
        { "love", 3.2f }, { "loved", 2.9f }, { "loving", 2.9f }, { "liked", 1.8f }, { "adore", 3.0f },
        { "happy", 2.7f }, { "happier", 2.4f }, { "glad", 2.0f }, { "pleased", 2.0f }, { "satisfied", 1.9f },
        { "enjoy", 2.2f }, { "enjoyed", 2.3f }, { "enjoying", 2.2f }, { "enjoyable", 2.2f }, { "pleasant", 2.1f },
        { "fun", 2.3f }, { "funny", 1.9f }, { "excited", 2.4f }, { "exciting", 2.2f }, { "thrilled", 2.8f },
        { "proud", 2.1f }, { "hope", 1.7f }, { "hopeful", 1.9f }, { "hopefully", 1.6f }, { "grateful", 2.5f },
        { "thankful", 2.6f }, { "thanks", 1.9f }, { "thank", 1.5f }, { "thx", 1.5f }, { "blessed", 2.6f },
        { "lucky", 2.1f }, { "joy", 2.8f }, { "peace", 1.8f }, { "smile", 1.9f }, { "smiling", 2.0f },
        { "laugh", 2.0f }, { "laughing", 2.0f }, { "amazed", 2.5f }, { "inspiring", 2.4f }, { "inspired", 2.2f },
        { "heartwarming", 2.6f }, { "congrats", 2.4f }, { "congratulations", 2.9f }, { "celebrate", 2.5f }, { "agree", 1.5f },
        { "yes", 1.2f }, { "yay", 2.4f }, { "wow", 2.0f }, { "lol", 1.8f }, { "haha", 1.8f },
        { "hahaha", 2.0f }, { "lmao", 1.9f }, { "xoxo", 2.2f }, { "welcome", 1.6f }, { "dream", 1.5f },

        // Complaints and failures.
        { "bad", -2.5f }, { "badly", -2.2f }, { "terrible", -3.1f }, { "horrible", -3.1f }, { "awful", -3.0f },
        { "worst", -3.1f }, { "worse", -2.1f }, { "poor", -2.1f }, { "poorly", -2.0f }, { "lousy", -2.4f },
        { "mediocre", -1.5f }, { "meh", -0.8f }, { "horrendous", -3.1f }, { "dreadful", -3.0f }, { "abysmal", -3.2f },
        { "disappointing", -2.3f }, { "disappointed", -2.1f }, { "disappointment", -2.3f }, { "useless", -2.4f }, { "worthless", -2.7f },
        { "fail", -2.4f }, { "failed", -2.3f }, { "failure", -2.4f }, { "broken", -2.0f }, { "broke", -1.5f },
        { "crash", -1.8f }, { "crashed", -2.0f }, { "crashing", -2.0f }, { "bug", -1.2f }, { "buggy", -1.9f },
        { "glitch", -1.4f }, { "slow", -1.3f }, { "laggy", -1.8f }, { "outage", -2.0f }, { "error", -1.6f },
        { "errors", -1.6f }, { "problem", -1.7f }, { "problems", -1.7f }, { "issue", -1.0f }, { "issues", -1.0f },
        { "wrong", -2.1f }, { "delayed", -1.4f }, { "delay", -1.3f }, { "late", -0.9f }, { "lost", -1.3f },
        { "missing", -1.2f }, { "cancelled", -1.2f }, { "canceled", -1.2f }, { "refund", -0.8f }, { "complaint", -1.6f },
        { "complain", -1.5f }, { "rude", -2.2f }, { "lazy", -1.6f }, { "expensive", -1.2f }, { "overpriced", -2.0f },
        { "scam", -2.8f }, { "fraud", -2.8f }, { "fake", -1.9f }, { "ripoff", -2.5f }, { "unacceptable", -2.4f },
        { "annoying", -2.2f }, { "annoyed", -2.1f }, { "frustrated", -2.2f }, { "frustrating", -2.4f }, { "confusing", -1.4f },
        { "confused", -1.3f }, { "difficult", -1.2f }, { "boring", -1.7f }, { "bored", -1.4f }, { "waste", -1.8f },
        { "wasted", -2.0f }, { "ruined", -2.5f }, { "ruin", -2.4f }, { "damaged", -2.1f }, { "dirty", -1.9f },
        { "ugly", -2.3f }, { "gross", -2.1f }, { "nasty", -2.3f }, { "disgusting", -3.0f }, { "stupid", -2.4f },
        { "dumb", -2.2f }, { "idiot", -2.4f }, { "idiots", -2.4f }, { "moron", -2.6f }, { "ridiculous", -2.0f },
        { "pathetic", -2.6f }, { "embarrassing", -2.0f }, { "shame", -1.9f }, { "shameful", -2.5f }, { "disaster", -3.1f },
        { "nightmare", -2.7f }, { "trash", -2.1f }, { "garbage", -2.3f }, { "crap", -2.2f }, { "crappy", -2.4f },
        { "shit", -2.6f }, { "shitty", -2.7f }, { "sucks", -2.3f }, { "suck", -2.2f }, { "sucked", -2.2f },
        { "damn", -1.7f }, { "wtf", -2.5f }, { "fuck", -2.5f }, { "hell", -1.8f }, { "avoid", -1.3f },

        // Feelings and news.
        { "hate", -2.7f }, { "hated", -3.0f }, { "hating", -2.7f }, { "sad", -2.1f }, { "sadly", -1.8f },
        { "sadness", -2.3f }, { "unhappy", -2.2f }, { "upset", -2.0f }, { "angry", -2.3f }, { "mad", -1.7f },
        { "furious", -2.9f }, { "unfortunately", -1.8f }, { "sorry", -0.5f }, { "miss", -0.6f }, { "lonely", -2.0f },
        { "hopeless", -2.5f }, { "tired", -1.3f }, { "exhausted", -1.5f }, { "stress", -1.8f }, { "stressed", -1.9f },
        { "worried", -1.7f }, { "worry", -1.9f }, { "fear", -2.2f }, { "afraid", -2.0f }, { "scared", -1.9f },
        { "scary", -2.2f }, { "pain", -2.3f }, { "painful", -2.4f }, { "hurt", -2.4f }, { "sick", -2.1f },
        { "cry", -2.1f }, { "crying", -2.1f }, { "tears", -1.6f }, { "dead", -1.8f }, { "death", -2.9f },
        { "kill", -2.6f }, { "killed", -3.0f }, { "killing", -3.0f }, { "war", -2.2f }, { "terror", -3.0f },
        { "attack", -2.1f }, { "violence", -3.0f }, { "crisis", -2.5f }, { "tragic", -3.0f }, { "tragedy", -3.1f },
        { "threat", -2.4f }, { "dangerous", -2.1f }, { "evil", -3.2f }, { "corrupt", -2.6f }, { "liar", -2.7f },
        { "lie", -2.1f }, { "lies", -2.1f }, { "racist", -3.0f }, { "blame", -1.7f }, { "fault", -1.5f },

        // Idioms (two words; VADER's special cases among them), scored as a whole.
        { "bad ass", 1.5f }, { "the shit", 3.0f }, { "the bomb", 3.0f }, { "yeah right", -2.0f },
        { "broken heart", -2.9f }, { "no doubt", 1.0f }, { "for real", 0.5f }, { "screw up", -2.0f },
        { "screwed up", -2.3f }, { "messed up", -2.2f }, { "let down", -2.0f }, { "well done", 2.6f },
    };

    public static readonly IReadOnlyList<string> Negators =
    [
        "not", "no", "never", "without", "nor", "neither", "nothing", "nobody", "none", "cannot",
        "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "cant", "couldnt", "wont", "wouldnt",
        "shouldnt", "havent", "hasnt", "aint",
    ];

    public static readonly IReadOnlyDictionary<string, float> Boosters = new Dictionary<string, float>(StringComparer.Ordinal)
    {
        { "very", Valence.BoosterStep }, { "really", Valence.BoosterStep }, { "extremely", Valence.BoosterStep },
        { "so", Valence.BoosterStep }, { "totally", Valence.BoosterStep }, { "absolutely", Valence.BoosterStep },
        { "incredibly", Valence.BoosterStep }, { "completely", Valence.BoosterStep }, { "highly", Valence.BoosterStep },
        { "truly", Valence.BoosterStep }, { "too", Valence.BoosterStep }, { "most", Valence.BoosterStep },
        { "especially", Valence.BoosterStep }, { "pretty", Valence.BoosterStep }, { "fucking", Valence.BoosterStep },
        { "utterly", Valence.BoosterStep }, { "quite", Valence.BoosterStep / 2 },
        { "slightly", -Valence.BoosterStep }, { "somewhat", -Valence.BoosterStep }, { "barely", -Valence.BoosterStep },
        { "hardly", -Valence.BoosterStep }, { "kinda", -Valence.BoosterStep }, { "marginally", -Valence.BoosterStep },
        { "partly", -Valence.BoosterStep }, { "almost", -Valence.BoosterStep },
    };

    /// <summary>"Like" is mostly a preposition or filler on social media ("looks like rain", "like 5 minutes").</summary>
    public static readonly IReadOnlyList<string> LikingVerbs = ["like"];

    /// <summary>Words after which "like" is the verb: "I like", "you'd like", "don't like", "really like".</summary>
    public static readonly IReadOnlyList<string> SubjectsOfLiking =
    [
        "i", "you", "we", "they", "he", "she", "u", "ya", "ppl", "people", "everyone", "everybody", "who", "would",
        "i'd", "you'd", "we'd", "they'd", "id", "do", "does", "did", "don't", "dont", "doesn't", "doesnt", "didn't",
        "didnt", "really", "just", "totally", "definitely", "actually", "still", "also", "to", "not", "kinda", "def",
        "genuinely", "truly", "gonna", "will", "might", "may", "could", "should", "must", "and", "fans", "kids",
    ];

    public static readonly IReadOnlyList<string> Contrasts = ["but", "however"];

    public static LexiconWords Words(params IReadOnlyList<IReadOnlyDictionary<string, float>> valences) =>
        new(valences, Negators, [], Boosters, Contrasts, Morphology.English);
}
