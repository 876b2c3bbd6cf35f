using Pulse.Sources.Text;

namespace Pulse.Sources.Tests.Text;

public sealed class HtmlTextTests
{
    [Fact]
    public void Paragraphs_and_breaks_become_lines_and_entities_are_decoded()
    {
        var text = HtmlText.ToPlainText("<p>Bahn &amp; Stellwerksst&ouml;rung</p><p>line one<br>line two</p>");

        Assert.Equal("Bahn & Stellwerksstörung\n\nline one\nline two", text);
    }

    [Fact]
    public void Scripts_and_styles_are_dropped_and_markup_never_survives()
    {
        var text = HtmlText.ToPlainText("<p>hi <script>alert(1)</script><style>p{}</style><img src=x onerror=alert(2)><b>there</b></p>");

        Assert.Equal("hi there", text);
        Assert.DoesNotContain('<', text);
    }

    [Fact]
    public void Escaped_markup_stays_visible_as_text()
    {
        // What the author typed as "<script>" is shown as those characters (the dashboard renders text, never HTML).
        Assert.Equal("<script>alert(1)</script>", HtmlText.ToPlainText("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    [Fact]
    public void Links_keep_their_visible_text_and_output_is_bounded()
    {
        Assert.Equal("see #Bahn now", HtmlText.ToPlainText("see <a href=\"https://x\" class=\"mention hashtag\">#<span>Bahn</span></a> now"));
        Assert.Equal(100, HtmlText.ToPlainText("<p>" + new string('a', 5000) + "</p>", maxLength: 100).Length);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<p></p>")]
    public void Empty_input_is_empty_text(string? html) => Assert.Equal(string.Empty, HtmlText.ToPlainText(html));
}
