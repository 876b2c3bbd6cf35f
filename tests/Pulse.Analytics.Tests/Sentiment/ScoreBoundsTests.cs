using Pulse.Analytics.Sentiment;

namespace Pulse.Analytics.Tests.Sentiment;

/// <summary>Whatever arrives on a channel, the scorer answers with a score in [-1, 1] and never throws.</summary>
public sealed class ScoreBoundsTests
{
    private static readonly string[] Fragments =
    [
        "great", "GREAT", "gooood", "terrible", "TERRIBLE", "not", "nicht", "kein", "very", "sehr", "extremely",
        "but", "aber", "love", "hate", "schön", "Scheiße", "gefällt", "mir", "the", "das", "ist", "!!!", "!", "?",
        ".", ",", ":)", ":(", "<3", "😍", "😡", "👍", "💩", "❤️", "#fail", "@someone", "https://t.co/x", "123",
        "soooo", "slightly", "kaum", "ohne", "without", "no",
    ];

    private readonly LexiconSentimentScorer _scorer = new();

    [Fact]
    public void ScoresOfGeneratedPostsStayWithinBoundsAndMatchTheirLabel()
    {
        var random = new Random(20240611);
        var words = new List<string>();
        for (var post = 0; post < 500; post++)
        {
            words.Clear();
            var length = random.Next(0, 60);
            for (var i = 0; i < length; i++)
            {
                words.Add(Fragments[random.Next(Fragments.Length)]);
            }

            var text = string.Join(random.Next(2) == 0 ? " " : "", words);
            var result = _scorer.Score(text);

            Assert.InRange(result.Score, -1f, 1f);
            AssertLabelAgreesWithSign(result);
        }
    }

    [Fact]
    public void ThousandsOfSentimentWordsApproachButDoNotExceedOne()
    {
        var result = _scorer.Score(string.Join(' ', Enumerable.Repeat("AMAZING!!!", 20_000)) + " ok");

        Assert.InRange(result.Score, 0.99f, 1f);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\n\t\r")]
    [InlineData("\uD83D")]
    [InlineData("\uDE00 \uDE00\uDE00 12")]
    [InlineData("#")]
    [InlineData("@")]
    [InlineData(":")]
    [InlineData("'''")]
    public void DegenerateTextIsNeutral(string text)
    {
        var result = _scorer.Score(text);

        Assert.Equal(0f, result.Score);
        Assert.Equal(SentimentLabel.Neutral, result.Label);
    }

    [Fact]
    public void VeryLongTextAndVeryLongWordsAreScored()
    {
        var random = new Random(7);
        var noise = new char[1_000_000];
        for (var i = 0; i < noise.Length; i++)
        {
            noise[i] = (char)random.Next(0, 0xFFFF);
        }

        var longWord = new string('a', 5_000) + " great";

        Assert.InRange(_scorer.Score(noise).Score, -1f, 1f);
        Assert.Equal(SentimentLabel.Positive, _scorer.Score(longWord).Label);
    }

    [Fact]
    public void ScoringDoesNotAllocate()
    {
        const string post = "@acme I don't like it 😡 but the NEW design is sooo gooood!!! Aber der Service ist nicht gut :(";
        _scorer.Score(post);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            _scorer.Score(post);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ConcurrentScoringGivesTheSameResultsAsSequential()
    {
        var posts = Enumerable.Range(0, 200).Select(i => $"{Fragments[i % Fragments.Length]} the service is {Fragments[(i * 7) % Fragments.Length]}").ToArray();
        var sequential = posts.Select(p => _scorer.Score(p)).ToArray();
        var concurrent = new SentimentResult[posts.Length];

        Parallel.For(0, posts.Length, i => concurrent[i] = _scorer.Score(posts[i]));

        Assert.Equal(sequential, concurrent);
    }

    // Thresholds differ by language; whatever they are, a label never contradicts the score's sign.
    private static void AssertLabelAgreesWithSign(SentimentResult result)
    {
        switch (result.Label)
        {
            case SentimentLabel.Positive:
                Assert.True(result.Score > 0f, $"positive at {result.Score}");
                break;
            case SentimentLabel.Negative:
                Assert.True(result.Score < 0f, $"negative at {result.Score}");
                break;
            default:
                Assert.InRange(result.Score, -0.5f, 0.5f);
                break;
        }
    }
}
