using Pulse.Analytics.Language;

namespace Pulse.Analytics.Tests.Language;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("Just got my new phone and the battery life is amazing")]
    [InlineData("I can't believe the app crashed again, support is useless")]
    [InlineData("@acme_help my order still hasn't arrived, what is going on? https://t.co/x1")]
    [InlineData("Love it")]
    public void DetectsEnglishTweets(string text) =>
        Assert.Equal(Languages.English, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("Ich habe heute das neue Handy bekommen und bin total begeistert")]
    [InlineData("Warum funktioniert die App schon wieder nicht?")]
    [InlineData("@bahn_info Zug fällt aus, keine Durchsage. Danke für nichts #bahn")]
    [InlineData("Grüße aus München")]
    public void DetectsGermanTweets(string text) =>
        Assert.Equal(Languages.German, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("12345 67890 3.14")]
    [InlineData("https://t.co/abc123 http://example.com/the/and/is www.der-die-das.de")]
    [InlineData("@the_and_is @der_die_das")]
    [InlineData("😀 🔥 👍")]
    public void IsUndeterminedWithoutWordEvidence(string text) =>
        Assert.Equal(Languages.Undetermined, LanguageDetector.Detect(text));

    [Fact]
    public void ReturnsTheSharedConstantInstances()
    {
        Assert.Same(Languages.German, LanguageDetector.Detect("Das ist nicht mein Tag"));
        Assert.Same(Languages.English, LanguageDetector.Detect("This is not my day"));
        Assert.Same(Languages.Undetermined, LanguageDetector.Detect("42"));
    }

    [Fact]
    public void GermanLettersCountAsEvidenceWithoutFunctionWords() =>
        Assert.Equal(Languages.German, LanguageDetector.Detect("Schöne Grüße"));
}
