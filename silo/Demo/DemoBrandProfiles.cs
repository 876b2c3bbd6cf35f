using Pulse.Synthetic;

namespace Pulse.Silo.Demo;

/// <summary>
/// Generator-side knowledge of the brands in <c>demo-brands.json</c>, kept in code so the
/// brand file stays in the matcher's format. A brand added to the file without a profile
/// still gets traffic from <see cref="Fallback"/>.
/// </summary>
internal static class DemoBrandProfiles
{
    private static readonly Dictionary<string, DemoBrandProfile> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["nordtakt"] = new(
            DemoLanguages.German, Weight: 1.3, PositiveShare: 0.2, NegativeShare: 0.4,
            ProductsEn: ["the night train to Hamburg", "the RE 7 regional express", "the commuter pass", "the booking app"],
            ProductsDe: ["Nachtzug nach Hamburg", "Regionalexpress RE 7", "Pendlerabo", "Buchungs-App", "Sparpreis-Ticket"],
            CrisisHashtag: "#nordtaktchaos",
            CrisisTermsEn: ["train cancellations", "signal box failure", "cancelled trains"],
            CrisisTermsDe: ["Zugausfall", "Stellwerksstörung", "Zugausfälle", "Stellwerk-Ausfall"],
            Decoys:
            [
                new("Wir suchen Lokführerinnen und Lokführer (m/w/d) für Nordtakt in Hamburg. Jetzt bewerben!", DemoLanguages.German, "nordtakt_jobs"),
                new("Neue Stelle: Fahrdienstleiter*in bei Nordtakt, Standort Kiel. #jobs", DemoLanguages.German, "nordtakt_jobs"),
            ]),
        ["alpenhof-milch"] = new(
            DemoLanguages.German, Weight: 0.7, PositiveShare: 0.45, NegativeShare: 0.15,
            ProductsEn: ["the organic whole milk", "the mountain cheese", "the strawberry yoghurt", "the oat drink"],
            ProductsDe: ["Bio-Vollmilch", "Bergkäse", "Erdbeerjoghurt", "Haferdrink", "Weidebutter"],
            CrisisHashtag: "#alpenhofrückruf",
            CrisisTermsEn: ["listeria recall", "product recall", "contaminated cheese"],
            CrisisTermsDe: ["Rückruf", "Listerien-Rückruf", "Listerien im Bergkäse"],
            Decoys:
            [
                new("Traumhaftes Wochenende im Hotel Alpenhof, Blick auf die Berge inklusive.", DemoLanguages.German),
                new("Pension Alpenhof hat noch Zimmer frei für den Skiurlaub im Februar.", DemoLanguages.German),
                new("Ferienwohnung Alpenhof: Sauna, Frühstück, alles da. Gerne wieder!", DemoLanguages.German),
            ]),
        ["kaffeehaus-berg"] = new(
            DemoLanguages.German, Weight: 0.8, PositiveShare: 0.4, NegativeShare: 0.2,
            ProductsEn: ["the oat cappuccino", "the cinnamon roll", "the loyalty app", "the new autumn menu"],
            ProductsDe: ["Hafer-Cappuccino", "Zimtschnecke", "Bonus-App", "Herbstkarte", "Filterkaffee"],
            CrisisHashtag: "#kaffeehausdatenleck",
            CrisisTermsEn: ["data breach", "leaked customer data", "loyalty app breach"],
            CrisisTermsDe: ["Datenleck", "Kundendaten-Leck", "Datenpanne in der Bonus-App"],
            Decoys: []),
        ["voltra-motors"] = new(
            DemoLanguages.English, Weight: 1.2, PositiveShare: 0.4, NegativeShare: 0.25,
            ProductsEn: ["the Voltra V3", "the Voltra Volt S", "the home charger", "the latest software update"],
            ProductsDe: ["Voltra V3", "Wallbox", "Software-Update", "Voltra Volt S"],
            CrisisHashtag: "#voltrarecall",
            CrisisTermsEn: ["battery fire", "battery recall", "recall of the V3"],
            CrisisTermsDe: ["Akkubrand", "Rückruf", "Rückruf des V3"],
            Decoys: []),
        ["lumen-phones"] = new(
            DemoLanguages.English, Weight: 1.1, PositiveShare: 0.45, NegativeShare: 0.2,
            ProductsEn: ["the LumenPhone X2", "the LumenPhone Mini", "the camera update", "the new earbuds"],
            ProductsDe: ["LumenPhone X2", "LumenPhone Mini", "Kamera-Update", "Ladegerät"],
            CrisisHashtag: "#lumenoverheat",
            CrisisTermsEn: ["overheating", "battery swelling", "overheating X2 phones"],
            CrisisTermsDe: ["Überhitzung", "aufgeblähte Akkus", "Überhitzung beim X2"],
            Decoys:
            [
                new("GIVEAWAY: win a brand new Lumen Phones X2! Follow and repost to enter. #giveaway", DemoLanguages.English),
                new("Gewinnspiel: Wir verlosen ein LumenPhone X2! Einfach kommentieren.", DemoLanguages.German),
            ]),
        ["quillon-bank"] = new(
            DemoLanguages.English, Weight: 0.9, PositiveShare: 0.35, NegativeShare: 0.3,
            ProductsEn: ["the mobile app", "the savings account", "the metal card", "instant transfers"],
            ProductsDe: ["Banking-App", "Tagesgeldkonto", "Kreditkarte", "Echtzeitüberweisung"],
            CrisisHashtag: "#quillondown",
            CrisisTermsEn: ["app outage", "frozen accounts", "failed payments"],
            CrisisTermsDe: ["App-Ausfall", "gesperrte Konten", "fehlgeschlagene Zahlungen"],
            Decoys: []),
    };

    public static DemoBrandProfile For(DemoBrand brand) =>
        Known.TryGetValue(brand.Id, out var profile) ? profile : Fallback(brand);

    /// <summary>Plain English chatter for a brand the generator has never heard of.</summary>
    public static DemoBrandProfile Fallback(DemoBrand brand) => new(
        DemoLanguages.English, Weight: 1.0, PositiveShare: 0.35, NegativeShare: 0.25,
        ProductsEn: ["the new product", "the app", "customer support"],
        ProductsDe: ["das neue Produkt", "die App", "Kundenservice"],
        CrisisHashtag: "#" + new string(brand.Id.Where(char.IsLetterOrDigit).ToArray()) + "fail",
        CrisisTermsEn: ["outage", "service failure"],
        CrisisTermsDe: ["Ausfall", "Störung"],
        Decoys: []);
}
