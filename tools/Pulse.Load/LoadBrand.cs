namespace Pulse.Load;

/// <summary>
/// A generated fictional brand: one coined word that posts use as a name, a #hashtag or an @handle, so the server's
/// matcher has real work. <paramref name="Language"/> is where most of its audience posts; <paramref name="Product"/>
/// picks what people talk about (<see cref="LoadBrands.ProductName"/>).
/// </summary>
internal sealed record LoadBrand(string Id, string Name, string Keyword, string Language, int Product)
{
    public string Hashtag => "#" + Keyword;

    public string Handle => "@" + Keyword;

    /// <summary>The body of <c>PUT /api/brands/{id}</c>.</summary>
    public object ToRequest() => new { name = Name, keywords = new[] { Keyword }, hashtags = new[] { Hashtag }, handles = new[] { Handle } };

    /// <summary>An item of <c>POST /api/brands:import</c>: the body of the PUT and the id.</summary>
    public object ToImport() => new { id = Id, name = Name, keywords = new[] { Keyword }, hashtags = new[] { Hashtag }, handles = new[] { Handle } };
}
