namespace Lessons.Domain.Taxonomy;

/// <summary>
/// The controlled lists of DESIGN.md. Keys are the external contract (import format, API, URLs) and never change;
/// the labels are what people read. Principles are the OECD principles for public-sector innovation as Vinnova uses them.
/// </summary>
public static class Vocabulary
{
    public static readonly TermList<Outcome> Outcomes = new("outcome",
    [
        new(Outcome.Lyckades, "lyckades", "Lyckades (i drift)", "Succeeded (in operation)"),
        new(Outcome.Delvis, "delvis", "Delvis", "Partly"),
        new(Outcome.Misslyckades, "misslyckades", "Misslyckades", "Failed"),
        new(Outcome.Avbruten, "avbruten", "Avbruten", "Abandoned"),
        new(Outcome.Pagaende, "pagaende", "Pågående", "Ongoing"),
    ]);

    public static readonly TermList<Stage> Stages = new("stage",
    [
        new(Stage.Ide, "ide", "Idé och behovsanalys", "Idea and needs analysis"),
        new(Stage.Test, "test", "Test (prototyp, pilot)", "Test (prototype, pilot)"),
        new(Stage.Inforande, "inforande", "Införande i verksamheten", "Implementation in operations"),
        new(Stage.Spridning, "spridning", "Spridning till andra", "Spread to others"),
    ]);

    public static readonly TermList<OrganisationType> OrganisationTypes = new("organisationType",
    [
        new(OrganisationType.Kommun, "kommun", "Kommun", "Municipality"),
        new(OrganisationType.Region, "region", "Region", "Region"),
        new(OrganisationType.Myndighet, "myndighet", "Statlig myndighet", "State agency"),
        new(OrganisationType.Bolag, "bolag", "Offentligt ägt bolag", "Publicly owned company"),
        new(OrganisationType.Kommunalforbund, "kommunalforbund", "Kommunalförbund", "Municipal association"),
        new(OrganisationType.Ovrig, "ovrig", "Övrig", "Other"),
    ]);

    public static readonly TermList<string> Principles = Keyed("principle",
    [
        ("omfamna-innovation", "Omfamna och stärk innovationsarbetet", "Embrace and strengthen innovation"),
        ("rusta-medarbetare", "Uppmuntra och rusta alla chefer och medarbetare", "Encourage and equip managers and staff"),
        ("partnerskap-och-roster", "Odla nya partnerskap och låt olika röster komma till tals", "Cultivate new partnerships and hear different voices"),
        ("testa-och-lara", "Utforska och testa lösningar i loopar", "Explore and test solutions in loops"),
        ("sprida-lardomar", "Sprid lärdomar och dela erfarenheter", "Spread lessons and share experience"),
    ]);

    public static readonly TermList<string> Challenges = Keyed("challenge",
    [
        ("bestallarkompetens", "Beställarkompetens", "Procurement competence"),
        ("kritisk-massa", "Kritisk massa", "Critical mass"),
        ("mottagarkapacitet", "Mottagarkapacitet", "Absorptive capacity"),
        ("spridning", "Spridning och skalning", "Spread and scaling"),
        ("upphandling-och-avtal", "Upphandling och avtal", "Procurement and contracts"),
        ("finansiering", "Finansiering (kortsiktiga projektmedel)", "Funding (short-term project money)"),
        ("juridik-och-sekretess", "Juridik och sekretess", "Law and confidentiality"),
        ("kultur-och-ledarskap", "Kultur, riskaversion och ledarskap", "Culture, risk aversion and leadership"),
        ("teknik-och-infrastruktur", "Teknik och infrastruktur", "Technology and infrastructure"),
        ("matning-och-effekt", "Mätning och effekt", "Measurement and effect"),
    ]);

    public static readonly TermList<string> InnovationTypes = Keyed("innovationType",
    [
        ("tjanst-produkt", "Tjänst eller produkt", "Service or product"),
        ("process", "Process", "Process"),
        ("organisation", "Organisation", "Organisation"),
        ("samverkan", "Samverkan", "Collaboration"),
    ]);

    public static readonly TermList<string> Drivers = Keyed("driver",
    [
        ("ny-teknik", "Ny teknik", "New technology"),
        ("brukarnas-behov", "Brukarnas behov", "Users' needs"),
        ("besparingskrav", "Besparingskrav", "Savings requirements"),
        ("ny-lagstiftning", "Ny lagstiftning", "New legislation"),
        ("samhallsutmaningar", "Samhällsutmaningar", "Societal challenges"),
    ]);

    public static readonly TermList<string> EffectKinds = Keyed("effect",
    [
        ("okad-kvalitet", "Ökad kvalitet", "Higher quality"),
        ("okad-effektivitet", "Ökad effektivitet", "Higher efficiency"),
        ("nojdare-brukare", "Nöjdare brukare", "More satisfied users"),
        ("nojdare-medarbetare", "Nöjdare medarbetare", "More satisfied staff"),
        ("efterlevnad-lagkrav", "Efterlevnad av lagkrav", "Legal compliance"),
        ("samhallsutmaningar", "Bidrag till samhällsutmaningar", "Contribution to societal challenges"),
    ]);

    public static readonly TermList<string> Collaborators = Keyed("collaborator",
    [
        ("universitet", "Universitet och högskolor", "Universities"),
        ("forskningsinstitut", "Forskningsinstitut", "Research institutes"),
        ("foretag", "Företag", "Companies"),
        ("andra-myndigheter", "Andra myndigheter", "Other agencies"),
        ("ideell-sektor", "Ideell sektor", "Non-profit sector"),
        ("andra-kommuner-regioner", "Andra kommuner eller regioner", "Other municipalities or regions"),
    ]);

    public static readonly TermList<string> SupportKinds = Keyed("support",
    [
        ("finansiering", "Finansiering", "Funding"),
        ("metodstod", "Metodstöd", "Methodological support"),
        ("natverk", "Nätverk", "Networks"),
        ("testbadd", "Testbädd", "Testbed"),
        ("radgivning", "Rådgivning", "Advice"),
        ("utbildning", "Utbildning", "Training"),
    ]);

    private static TermList<string> Keyed(string name, IReadOnlyList<(string Key, string Label, string LabelEn)> terms) =>
        new(name, [.. terms.Select(t => new Term<string>(t.Key, t.Key, t.Label, t.LabelEn))]);
}
