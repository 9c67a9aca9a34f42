using Lessons.Application.Organisations;
using Lessons.Domain.Members;
using Lessons.Domain.Organisations;
using Lessons.Domain.Reports;
using Lessons.Domain.Taxonomy;

namespace Lessons.Infrastructure.Persistence;

/// <summary>
/// Fictional reports for a new installation, so the site has something to show. Every organisation here is invented
/// and marked as an example: we never pin an invented failure on a real municipality, region or agency.
/// </summary>
internal static class DemoContent
{
    public const string DemoOrganisation = "Exempelby kommun";

    public const string DemoDomain = "exempelby.se";

    private sealed record Demo(string Organisation, OrganisationType Type, string Id, ReportContent Content);

    public static async Task<int> SeedAsync(LessonsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var organisations = new Dictionary<string, Organisation>();
        var reports = new Dictionary<string, Report>();
        var demos = Reports();
        foreach (var (demo, index) in demos.Select((d, i) => (d, i)))
        {
            if (!organisations.TryGetValue(demo.Organisation, out var organisation))
            {
                organisation = Organisation.Fictional(Guid.NewGuid(), demo.Organisation, demo.Type, now);
                // A newcomer trying the demo joins at once with an address at the invented municipality's own domain
                // (mail goes to the pickup folder, so any address works); real organisations have no domain at first.
                if (demo.Organisation == DemoOrganisation) organisation.AddEmailDomain(DemoDomain);
                organisations[demo.Organisation] = organisation;
                db.Organisations.Add(organisation);
                foreach (var alias in OrganisationNames.AliasesOf(organisation.Name, organisation.Type))
                    db.OrganisationAliases.Add(new OrganisationAlias(organisation.Id, alias));
            }
            // Spread the publication dates so "latest" has an order.
            var report = Report.Imported(demo.Id, organisation.Id, demo.Content, Visibility.Public, false,
                now.AddDays(-3 * (demos.Count - index)));
            reports[demo.Id] = report;
            db.Reports.Add(report);
        }

        // A few reports were brought up to date after they were published, so their pages have a version history.
        foreach (var (id, result, note) in Revisions)
        {
            var report = reports[id];
            report.Revise(report.Content with { Result = result }, Visibility.Public, false, null, note, approved: true, report.PublishedAt!.Value.AddDays(1));
        }

        // Others said they tried the same: "Mest återanvända" on /insikter and the organisations' reuse counts have
        // something to show. Each reusing organisation gets one invented person, at a domain that can never exist.
        var people = new Dictionary<string, Member>();
        foreach (var (id, reuser, note) in Reuses)
        {
            if (!people.TryGetValue(reuser, out var person))
            {
                person = new Member(Guid.NewGuid(), $"exempel-{people.Count + 1}@exempel.invalid", "Exempelperson på " + reuser, now);
                person.Join(organisations[reuser].Id);
                people[reuser] = person;
                db.Members.Add(person);
            }
            reports[id].MarkReused(person.Id, person.OrganisationId, note, now.AddDays(-1));
        }
        await db.SaveChangesAsync(ct);
        return demos.Count;
    }

    private static readonly (string Report, string Result, string Note)[] Revisions =
    [
        ("exempel-3", "Bland 150 deltagare minskade de akuta inläggningarna med 23 procent under det första året. Under det andra året "
            + "höll effekten i sig, och ytterligare fyra vårdcentraler har börjat med arbetssättet.", "Resultat från det andra året."),
        ("exempel-6", "Första och andra steget är klara med 1 100 och 640 svar. Det är för tidigt att säga något om effekten på förtroendet.",
            "Det andra steget är klart."),
        ("exempel-15", "Testet har pågått i ett år med 700 ärenden. Handläggningstiden för de ärenden som kom via den gemensamma brevlådan "
            + "var i genomsnitt fyra dagar kortare.", "Uppföljning efter ett år."),
        ("exempel-20", "Antalet inställda samtal har halverats. Samtalen tar i genomsnitt tio minuter längre, och nu bokas de därför längre från början.",
            "Vi har ändrat bokningen."),
    ];

    private static readonly (string Report, string Reuser, string Note)[] Reuses =
    [
        ("exempel-1", "Exempelå kommun", "Vi började med digitala lås i ett område, som de rekommenderade, och ställde krav på batteritid."),
        ("exempel-1", "Exempelholms stad", "Vi använde deras lärdomar om batteribyten när vi skrev vår upphandling."),
        ("exempel-1", "Exempelsunds kommun", "Vi gav brukarna information på papper från början."),
        ("exempel-5", "Exempelverket", "Vi testade våra beslutsbrev med mottagarna på samma sätt."),
        ("exempel-5", "Exempelby kommun", "Socialtjänsten skrev om sina fem vanligaste brev med deras metod."),
        ("exempel-19", "Exempelå kommun", "Vi testade ett trygghetslarm i testbädden innan vi upphandlade."),
        ("exempel-19", "Exempeldalens kommunalförbund", "Vi tog deras gemensamma regler för tester som förlaga."),
        ("exempel-3", "Region Exempelnord", "Vi startade vård på distans för patienter med KOL med samma arbetssätt."),
        ("exempel-17", "Exempelmyndigheten", "Vi gjorde användartester av våra mest besökta sidor."),
        ("exempel-12", "Exempelby kommun", "Vi inrättade en liknande sluss för idéer, med snabbt besked som första regel."),
        ("exempel-35", "Exempelsunds kommun", "Vi utgick från nätverkets kravspecifikation när vi köpte ett nytt verksamhetssystem."),
    ];

    private static List<Demo> Reports() => [.. First(), .. More(), .. Rest()];

    private static List<Demo> First() =>
    [
        new("Exempelby kommun", OrganisationType.Kommun, "exempel-1", new ReportContent
        {
            Title = "Exempel: Digitala lås i hemtjänsten sparade restid men krävde nya rutiner",
            Summary = "Ett påhittat exempel. Hemtjänsten i Exempelby bytte nyckelgömmor mot digitala lås hos 400 brukare. "
                + "Restiden minskade, men de första månaderna skapade låsen mer arbete än de sparade.",
            YearStarted = 2021, YearEnded = 2023, Outcome = Outcome.Lyckades, Stage = Stage.Inforande,
            Principles = ["testa-och-lara", "rusta-medarbetare"], Challenges = ["teknik-och-infrastruktur", "upphandling-och-avtal"],
            InnovationTypes = ["process"], Drivers = ["ny-teknik", "besparingskrav"], Collaborators = ["foretag"],
            Effects = [new Effect("okad-effektivitet", "Kortare restid per besök", 11, "procent"),
                new Effect("okad-kvalitet", "Inga borttappade nycklar under 2023", 0, "borttappade nycklar")],
            CostSek = 1_200_000, EffortHours = 900, CostNote = "Lås, installation och utbildning; licens tillkommer årligen.",
            Support = [new SupportUsed("metodstod", "Exempellänets kommunförbund")],
            Background = "Hemtjänstens personal hämtade varje morgon nycklar på kontoret, och en borttappad nyckel betydde byte av lås hos brukaren.",
            WhatWeDid = "Vi testade digitala lås hos 40 brukare i ett område under sex månader, utvärderade tillsammans med personalen och införde sedan låsen i hela kommunen.",
            Result = "Restiden minskade med elva procent. Batteribyten och uppkopplingsproblem tog mer tid än väntat det första halvåret.",
            Lessons = "- Räkna med att batteribyten är ett eget arbete som måste ägas av någon.\n- Låt personalen testa i verklig drift innan upphandlingen är klar.\n- Brukarna behöver information på papper, inte bara i en app.",
            Recommendations = "Börja i ett avgränsat område och mät restiden före och efter. Ställ krav på batteritid och larm vid låg nivå i upphandlingen.",
        }),
        new("Exempelby kommun", OrganisationType.Kommun, "exempel-2", new ReportContent
        {
            Title = "Exempel: Chattbot för bygglovsfrågor avbröts efter pilot",
            Summary = "Ett påhittat exempel. En chattbot skulle svara på vanliga bygglovsfrågor. Piloten avbröts när det visade sig "
                + "att frågorna var för olika för att kunna besvaras utan handläggare.",
            YearStarted = 2022, YearEnded = 2022, Outcome = Outcome.Avbruten, Stage = Stage.Test,
            Principles = ["testa-och-lara"], Challenges = ["bestallarkompetens", "matning-och-effekt"],
            InnovationTypes = ["tjanst-produkt"], Drivers = ["ny-teknik"], Collaborators = ["foretag"],
            Background = "Bygglovsenheten hade långa telefontider och många frågor om attefallshus och altaner.",
            WhatWeDid = "Vi byggde en kunskapsbas med 120 frågor och svar och lät chattboten svara på webben i tre månader.",
            Result = "Bara var fjärde fråga fick ett användbart svar. Invånarna ställde frågor om sina egna fastigheter, som kräver en handläggares bedömning.",
            Lessons = "- Analysera de verkliga frågorna innan ni väljer lösning.\n- En chattbot passar frågor med entydiga svar, inte bedömningar.\n- Att avbryta i tid är också ett resultat.",
            Recommendations = "Gå igenom ett par hundra inkomna frågor först. Förbättra hellre webbsidorna om de frågor som har entydiga svar.",
        }),
        new("Region Exempelland", OrganisationType.Region, "exempel-3", new ReportContent
        {
            Title = "Exempel: Vård på distans för patienter med hjärtsvikt",
            Summary = "Ett påhittat exempel. Patienter med hjärtsvikt mätte vikt och blodtryck hemma och vården följde värdena på distans. "
                + "Inläggningarna minskade, och arbetssättet sprids nu till fler vårdcentraler.",
            YearStarted = 2020, Outcome = Outcome.Lyckades, Stage = Stage.Spridning,
            Principles = ["partnerskap-och-roster", "sprida-lardomar"], Challenges = ["mottagarkapacitet", "juridik-och-sekretess"],
            InnovationTypes = ["tjanst-produkt", "process"], Drivers = ["brukarnas-behov"], Collaborators = ["universitet", "foretag"],
            Effects = [new Effect("okad-kvalitet", "Färre akuta inläggningar bland deltagarna", 23, "procent"),
                new Effect("nojdare-brukare", "Patienter som vill fortsätta", 91, "procent")],
            Support = [new SupportUsed("finansiering", "Ett påhittat innovationsprogram"), new SupportUsed("testbadd", null)],
            Background = "Patienter med hjärtsvikt lades ofta in akut när vätska samlades i kroppen, något som syns i vikten flera dagar innan.",
            WhatWeDid = "Tillsammans med patientföreträdare tog vi fram ett enkelt arbetssätt: daglig vägning, automatiska larm till sjuksköterskan och samtal vid avvikelse.",
            Result = "Bland 150 deltagare minskade de akuta inläggningarna med 23 procent under det första året.",
            Lessons = "- Involvera patienterna tidigt; de hittade problemen med utrustningen först.\n- Juridiken kring mätdata tog längre tid än tekniken.\n- Sjuksköterskorna behöver tid avsatt för att följa larmen.",
            Recommendations = "Reda ut informationssäkerhet och journalföring innan piloten startar, och planera för hur arbetet ska bemannas efter projekttiden.",
        }),
        new("Region Exempelland", OrganisationType.Region, "exempel-4", new ReportContent
        {
            Title = "Exempel: Gemensam upphandling av AI-tolkning misslyckades",
            Summary = "Ett påhittat exempel. Fem vårdgivare försökte upphandla AI-stödd tolkning tillsammans. Upphandlingen "
                + "överprövades två gånger och lades ner när projektmedlen tog slut.",
            YearStarted = 2019, YearEnded = 2021, Outcome = Outcome.Misslyckades, Stage = Stage.Ide,
            Principles = ["partnerskap-och-roster"], Challenges = ["upphandling-och-avtal", "finansiering", "kritisk-massa"],
            InnovationTypes = ["samverkan"], Drivers = ["ny-teknik", "besparingskrav"], Collaborators = ["andra-kommuner-regioner"],
            CostSek = 850_000, CostNote = "Mest arbetstid i upphandlingsgruppen och juridisk rådgivning.",
            Background = "Behovet av tolk ökade och tolkarna räckte inte till, särskilt på mindre språk.",
            WhatWeDid = "Vi bildade en gemensam upphandlingsgrupp och skrev en kravspecifikation utan att först ha testat någon lösning.",
            Result = "Kravspecifikationen blev för detaljerad och överprövades. När projektmedlen tog slut fanns varken avtal eller lösning.",
            Lessons = "- Testa innan ni specificerar: en förstudie med riktiga användare hade visat vilka krav som var viktiga.\n- Kortsiktiga projektmedel räcker sällan genom en överprövning.\n- En gemensam upphandling behöver en tydlig ägare.",
            Recommendations = "Använd innovationsupphandling eller en dialog med leverantörer först. Säkra finansiering för minst två år.",
        }),
        new("Exempelmyndigheten", OrganisationType.Myndighet, "exempel-5", new ReportContent
        {
            Title = "Exempel: Klarspråk i beslutsbrev halverade antalet följdfrågor",
            Summary = "Ett påhittat exempel. Exempelmyndigheten skrev om sina tio vanligaste beslutsbrev tillsammans med mottagarna. "
                + "Antalet samtal med följdfrågor halverades.",
            YearStarted = 2023, YearEnded = 2024, Outcome = Outcome.Lyckades, Stage = Stage.Inforande,
            Principles = ["testa-och-lara", "rusta-medarbetare"], Challenges = ["kultur-och-ledarskap", "matning-och-effekt"],
            InnovationTypes = ["process"], Drivers = ["brukarnas-behov"], Collaborators = ["ideell-sektor"],
            Effects = [new Effect("okad-effektivitet", "Färre samtal med följdfrågor", 50, "procent")],
            EffortHours = 600,
            Background = "Kundtjänsten fick många samtal från personer som inte förstod vad ett beslut innebar eller vad de skulle göra härnäst.",
            WhatWeDid = "Vi testade nya versioner av breven med personer ur målgruppen, bland annat via en intresseorganisation, och ändrade tills de förstod.",
            Result = "Samtalen om de omskrivna breven minskade med hälften på ett år.",
            Lessons = "- Testa texterna på riktiga mottagare; juristernas och kommunikatörernas gissningar räcker inte.\n- Mät samtalen per brev, så syns effekten.\n- Juristerna måste vara med från början.",
            Recommendations = "Börja med de brev som ger flest samtal.",
        }),
        new("Exempelby kommun", OrganisationType.Kommun, "exempel-6", new ReportContent
        {
            Title = "Exempel: Medborgardialog om ny skolstruktur pågår i tre steg",
            Summary = "Ett påhittat exempel. Inför en ny skolstruktur prövar kommunen en dialog i tre steg med elever, vårdnadshavare "
                + "och personal, med digitala och fysiska träffar.",
            YearStarted = 2025, Outcome = Outcome.Pagaende, Stage = Stage.Test,
            Principles = ["partnerskap-och-roster"], Challenges = ["kultur-och-ledarskap"],
            InnovationTypes = ["process"], Drivers = ["samhallsutmaningar"],
            Background = "Tidigare beslut om skolnedläggningar har mötts av protester och överklaganden.",
            WhatWeDid = "Vi delade in dialogen i tre steg: behov, alternativ och förslag. Varje steg avslutas med en återkoppling till deltagarna.",
            Result = "Första steget är klart med 1 100 svar. Det är för tidigt att säga något om effekten på förtroendet.",
            Lessons = "- Återkopplingen mellan stegen är det deltagarna uppskattar mest.\n- Eleverna nås bäst genom skolan, inte via webben.",
            Recommendations = "Bestäm i förväg vad dialogen kan påverka och säg det tydligt.",
        }),
    ];

    /// <summary>A short form for the reports that fill out the demo: the fields a search or a chart needs.</summary>
    private static Demo Short(string organisation, OrganisationType type, int number, string title, string summary, int started, int? ended,
        Outcome outcome, Stage stage, string[] principles, string[] challenges, string background, string whatWeDid, string result,
        string lessons, string recommendations, string[]? drivers = null, Effect[]? effects = null) =>
        new(organisation, type, $"exempel-{number}", new ReportContent
        {
            Title = "Exempel: " + title,
            Summary = "Ett påhittat exempel. " + summary,
            YearStarted = started, YearEnded = ended, Outcome = outcome, Stage = stage,
            Principles = principles, Challenges = challenges, Drivers = drivers ?? [], Effects = effects ?? [],
            Background = background, WhatWeDid = whatWeDid, Result = result, Lessons = lessons, Recommendations = recommendations,
        });

    // Written from the themes of the public sources the platform was designed from (innovation support, procurement,
    // welfare technology, AI, innovation leadership); every organisation is invented, and so is every number.
    private static List<Demo> More() =>
    [
        Short("Exempelå kommun", OrganisationType.Kommun, 7, "AI-stöd för planering av hemtjänstens scheman",
            "Ett AI-verktyg föreslog hemtjänstens dagliga körscheman. Planerarna sparade tid, men brukarna fick oftare nya ansikten.",
            2022, 2024, Outcome.Delvis, Stage.Inforande, ["testa-och-lara", "rusta-medarbetare"], ["matning-och-effekt", "kultur-och-ledarskap"],
            "Planeringen av hemtjänstens besök tog två planerare en halv dag varje dag, och körsträckorna var långa.",
            "Vi lät ett AI-verktyg föreslå scheman i två hemtjänstgrupper under ett år. Planerarna kunde ändra förslagen.",
            "Planeringstiden halverades och körsträckan minskade med åtta procent. Kontinuiteten för brukarna blev sämre.",
            "- Bestäm vad verktyget ska optimera för innan ni börjar: restid och kontinuitet drar åt olika håll.\n- Planerarnas erfarenhet behövs fortfarande.",
            "Mät kontinuiteten för brukarna från början, inte bara restid och planeringstid.", ["ny-teknik", "besparingskrav"]),
        Short("Exempelå kommun", OrganisationType.Kommun, 8, "Innovationsupphandling av trygghetslarm utan leverantörsintresse",
            "Kommunen ville köpa ett trygghetslarm som också larmar vid fall. Ingen leverantör lämnade anbud, och upphandlingen fick göras om.",
            2021, 2022, Outcome.Misslyckades, Stage.Ide, ["omfamna-innovation"], ["upphandling-och-avtal", "bestallarkompetens"],
            "De gamla trygghetslarmen larmade bara när brukaren själv tryckte på knappen, och fall upptäcktes ofta sent.",
            "Vi skrev en funktionsupphandling med krav på automatisk fallupptäckt, utan dialog med marknaden först.",
            "Inga anbud kom in. Leverantörerna sa efteråt att kraven på integration med vårt verksamhetssystem var för dyra att uppfylla.",
            "- Prata med leverantörerna innan ni annonserar: en marknadsdialog hade visat problemet.\n- Funktionskrav är bra, men varje krav har ett pris.",
            "Gör en behovsanalys och en marknadsdialog innan upphandlingen. Fråga andra kommuner som redan köpt liknande.", ["brukarnas-behov"]),
        Short("Exempelå kommun", OrganisationType.Kommun, 9, "Läsplattor för äldre på särskilt boende",
            "Boende på två särskilda boenden fick läsplattor för videosamtal med anhöriga. Användningen var hög under ett halvår och föll sedan.",
            2020, 2021, Outcome.Avbruten, Stage.Test, ["testa-och-lara"], ["mottagarkapacitet", "finansiering"],
            "Under pandemin kunde anhöriga inte besöka de boende, och många blev ensamma.",
            "Vi köpte in 40 läsplattor för projektmedel och utbildade personalen i att hjälpa de boende med samtalen.",
            "När besöken blev tillåtna igen och projektmedlen tog slut fanns ingen som ägde frågan, och plattorna blev liggande.",
            "- Planera för vem som äger arbetet efter projektet.\n- Personalen behöver tid avsatt, inte bara utbildning.",
            "Se till att det finns pengar och en ansvarig i ordinarie budget innan ni köper in teknik för projektmedel."),
        Short("Exempelholms stad", OrganisationType.Kommun, 10, "Medborgarbudget där invånarna röstade om parkpengar",
            "Invånarna fick föreslå och rösta om hur två miljoner kronor skulle användas i stadens parker. Nästan 4 000 röstade.",
            2022, 2023, Outcome.Lyckades, Stage.Spridning, ["partnerskap-och-roster", "sprida-lardomar"], ["spridning", "kultur-och-ledarskap"],
            "Få invånare deltog i stadens samråd, och de som deltog var sällan unga.",
            "Vi tog emot förslag på webben och på plats i parkerna, lät förvaltningen bedöma kostnaden och lät invånarna rösta.",
            "3 900 personer röstade, varav en tredjedel under 30 år. Sju förslag genomfördes, och två stadsdelar gör nu likadant.",
            "- Gå ut i parkerna: de flesta förslagen kom på plats, inte på webben.\n- Politikerna måste lova i förväg att genomföra det som vinner.",
            "Börja med en liten summa och ett tydligt område. Berätta för alla som röstat vad som blev gjort."),
        Short("Exempelholms stad", OrganisationType.Kommun, 11, "Chattbot i kontaktcenter kunde inte ersätta handläggare",
            "En AI-chattbot skulle svara på frågor om försörjningsstöd. Invånarna ville prata med en människa, och chattboten stängdes.",
            2023, 2024, Outcome.Misslyckades, Stage.Test, ["testa-och-lara"], ["juridik-och-sekretess", "bestallarkompetens", "teknik-och-infrastruktur"],
            "Kontaktcentret fick många frågor om försörjningsstöd och hade långa kötider.",
            "Vi köpte en chattbot byggd på en stor språkmodell och lät den svara på allmänna frågor under fyra månader.",
            "Chattboten gav ibland felaktiga svar om regler, och juristerna stoppade den när frågorna började handla om enskildas ärenden.",
            "- En chattbot får inte ge svar som kan uppfattas som beslut.\n- Reda ut sekretessen innan invånare kan skriva in personuppgifter.",
            "Börja med frågor som har entydiga svar, och låt en handläggare granska svaren under testet.", ["ny-teknik"]),
        Short("Exempelholms stad", OrganisationType.Kommun, 12, "Innovationsslussen: ett stöd för medarbetare med idéer",
            "Staden inrättade en sluss dit alla medarbetare kan skicka idéer och få stöd att testa dem. 140 idéer kom in det första året.",
            2019, null, Outcome.Lyckades, Stage.Inforande, ["omfamna-innovation", "rusta-medarbetare"], ["kultur-och-ledarskap", "finansiering"],
            "Medarbetarna hade idéer men visste inte vart de skulle vända sig, och cheferna saknade tid och pengar att pröva dem.",
            "Vi avsatte två innovationsledare och en liten pott pengar, och tog fram en enkel metod för att pröva idéer i liten skala.",
            "Av 140 idéer testades 25, och sex finns nu i ordinarie verksamhet. Medarbetarenkäten visar att fler vågar föreslå förändringar.",
            "- Snabbt besked betyder mer än stora pengar.\n- Chefernas stöd avgör om idéerna blir av.",
            "Ge innovationsledarna mandat att säga ja till små tester utan att gå via flera beslutsnivåer."),
        Short("Exempelmyndigheten", OrganisationType.Myndighet, 13, "Automatiserade beslut om förlängning tog längre tid än väntat",
            "Myndigheten automatiserade enkla beslut om förlängning. Tekniken fungerade, men det juridiska arbetet tog två år i stället för ett halvt.",
            2021, 2024, Outcome.Delvis, Stage.Inforande, ["testa-och-lara"], ["juridik-och-sekretess", "teknik-och-infrastruktur"],
            "Handläggarna lade mycket tid på förlängningar som nästan alltid beviljades.",
            "Vi byggde regler för automatiska beslut i de enkla fallen och lät handläggarna ta de svåra.",
            "Hälften av förlängningarna beslutas nu automatiskt. Det tog två år att få stöd i förordning och att dokumentera besluten.",
            "- Börja det rättsliga arbetet samtidigt som det tekniska.\n- Varje automatiskt beslut måste gå att förklara för den enskilde.",
            "Involvera juristerna från första dagen och planera för att lagstiftningen kan behöva ändras.", ["ny-lagstiftning", "besparingskrav"]),
        Short("Exempelmyndigheten", OrganisationType.Myndighet, 14, "Innovationsledarlyft för chefer gav ett gemensamt språk",
            "Trettio chefer gick ett program om att leda innovationsarbete. Efteråt startade de fler tester, men få tester blev ordinarie verksamhet.",
            2022, 2023, Outcome.Delvis, Stage.Spridning, ["rusta-medarbetare", "omfamna-innovation"], ["kultur-och-ledarskap", "mottagarkapacitet"],
            "Medarbetarna upplevde att cheferna var rädda för att pröva nytt, och idéer stannade på ett avdelningsmöte.",
            "Cheferna träffades sex gånger under ett år och genomförde varsitt litet test i sin egen verksamhet.",
            "Antalet tester fördubblades, men bara tre av tjugo tester infördes. Det saknades en väg från test till drift.",
            "- Ett program för chefer behöver en väg från test till införande.\n- Chefer lär sig mest av att göra ett eget test.",
            "Bestäm i förväg vem som tar beslut om att införa det som fungerat."),
        Short("Exempelmyndigheten", OrganisationType.Myndighet, 15, "Gemensam digital brevlåda med kommunerna pågår",
            "Myndigheten och fyra kommuner prövar en gemensam digital brevlåda, så att invånare kan skicka handlingar en gång.",
            2025, null, Outcome.Pagaende, Stage.Test, ["partnerskap-och-roster"], ["teknik-och-infrastruktur", "juridik-och-sekretess"],
            "Invånare skickade samma handlingar till flera myndigheter och till kommunen.",
            "Vi testar en gemensam inkorg med fyra kommuner, där invånaren väljer vilka som får läsa handlingen.",
            "Testet har pågått i sex månader med 300 ärenden. Det är för tidigt att säga om tiden för ärendena kortats.",
            "- Samverkan kräver ett gemensamt avtal om personuppgifter tidigt.\n- Testa med riktiga ärenden i liten skala.",
            "Börja med en handlingstyp som flera parter behöver."),
        Short("Exempelverket", OrganisationType.Myndighet, 16, "AI för att sortera inkommande e-post lades ner",
            "Ett AI-verktyg skulle sortera 2 000 inkommande mejl om dagen. Träffsäkerheten räckte inte, och projektet avbröts efter ett år.",
            2022, 2023, Outcome.Avbruten, Stage.Test, ["testa-och-lara"], ["teknik-och-infrastruktur", "matning-och-effekt", "bestallarkompetens"],
            "Registraturen sorterade för hand all e-post till rätt avdelning, och mycket hamnade fel.",
            "Vi tränade en modell på tre års sorterad e-post och testade den vid sidan av registratorerna.",
            "Modellen sorterade rätt i 78 procent av fallen, vilket var sämre än registratorerna. Att förbättra den hade krävt kompetens vi inte hade.",
            "- Mät hur bra dagens arbetssätt är innan ni jämför med AI.\n- Träningsdata med fel lär modellen samma fel.",
            "Sätt en gräns i förväg för hur bra verktyget måste bli, och avbryt om den inte nås.", ["ny-teknik", "besparingskrav"]),
        Short("Exempelverket", OrganisationType.Myndighet, 17, "Klarspråksgranskning av webben med hjälp av användartester",
            "Verket skrev om sina mest besökta webbsidor efter tester med användare. Samtalen till växeln minskade med en femtedel.",
            2023, 2024, Outcome.Lyckades, Stage.Inforande, ["testa-och-lara", "sprida-lardomar"], ["matning-och-effekt"],
            "Många ringde växeln med frågor som redan besvarades på webben, men som ingen hittade eller förstod.",
            "Vi testade tio sidor med tolv användare var, skrev om dem och testade igen.",
            "Samtalen om de omskrivna sidorna minskade med 21 procent.",
            "- Användartester med fem personer hittar de flesta problemen.\n- Mät samtalen per ämne innan ni börjar.",
            "Börja med de sidor som ger flest samtal, och dela resultatet med andra myndigheter."),
        Short("Region Exempelland", OrganisationType.Region, 18, "Digitala vårdbesök i primärvården blev ordinarie verksamhet",
            "Vårdcentralerna erbjöd videobesök för uppföljningar. Efter ett år är en av fem uppföljningar digital, och patienterna är nöjda.",
            2020, 2022, Outcome.Lyckades, Stage.Spridning, ["testa-och-lara", "sprida-lardomar"], ["teknik-och-infrastruktur", "mottagarkapacitet"],
            "Patienter med kroniska sjukdomar reste långt för korta uppföljande besök.",
            "Vi testade videobesök på tre vårdcentraler, tog fram ett stöd för personalen och spred det sedan till alla.",
            "21 procent av uppföljningarna sker nu med video. Nio av tio patienter vill fortsätta.",
            "- Personalen behöver ett rum och tid för videobesöken, inte bara ett program.\n- Börja med uppföljningar, där behovet är tydligt.",
            "Ta fram ett gemensamt stöd för personalen innan ni sprider arbetssättet."),
        Short("Region Exempelland", OrganisationType.Region, 19, "Testbädd för välfärdsteknik tillsammans med kommunerna",
            "Regionen och sex kommuner driver en testbädd där företag testar välfärdsteknik i riktig vård och omsorg. Åtta produkter har testats.",
            2021, null, Outcome.Lyckades, Stage.Spridning, ["partnerskap-och-roster", "omfamna-innovation"], ["upphandling-och-avtal", "spridning"],
            "Kommunerna fick många erbjudanden om ny teknik men saknade ett sätt att pröva dem innan de köpte.",
            "Vi inrättade en testbädd med gemensamma regler för tester, så att ett företag testar en gång och flera kommuner lär sig.",
            "Åtta produkter har testats. Tre har upphandlats av kommunerna, två har företagen förbättrat och tre visade sig inte passa.",
            "- Gemensamma regler för tester sparar tid för alla.\n- Ett test är inte en upphandling: håll isär dem från början.",
            "Bestäm tidigt hur resultaten från testbädden ska kunna användas i en senare upphandling.", ["ny-teknik", "brukarnas-behov"]),
        Short("Region Exempelland", OrganisationType.Region, 20, "Hälsosamtal med tolk på distans",
            "Regionen prövar hälsosamtal med nyanlända där tolken är med på video. Färre samtal ställs in, men fler tar längre tid.",
            2024, null, Outcome.Pagaende, Stage.Test, ["partnerskap-och-roster"], ["finansiering", "teknik-och-infrastruktur"],
            "Hälsosamtal med nyanlända ställdes ofta in när det inte fanns någon tolk på plats.",
            "Vi testar tolk på video vid två mottagningar och jämför med samtal där tolken är på plats.",
            "Antalet inställda samtal har halverats. Samtalen tar i genomsnitt tio minuter längre.",
            "- Tekniken måste fungera för tolken också, inte bara för mottagningen.\n- Boka längre tider från början.",
            "Testa med flera språk, eftersom tillgången på tolk skiljer sig mycket."),
        Short("Exempeldalens kommunalförbund", OrganisationType.Kommunalforbund, 21, "Gemensam e-tjänstplattform för fem kommuner",
            "Fem kommuner i ett kommunalförbund upphandlade en gemensam plattform för e-tjänster. Plattformen finns, men bara två kommuner använder den fullt ut.",
            2019, 2022, Outcome.Delvis, Stage.Inforande, ["partnerskap-och-roster"], ["upphandling-och-avtal", "kritisk-massa", "mottagarkapacitet"],
            "Varje kommun hade egna e-tjänster i olika system, och de små kommunerna hade inte råd att utveckla nya.",
            "Vi gjorde en gemensam upphandling av en plattform och tog fram tio e-tjänster tillsammans.",
            "Plattformen används fullt ut i två kommuner. De andra tre saknade personal för att flytta sina gamla tjänster.",
            "- En gemensam plattform kräver resurser i varje kommun, inte bara i förbundet.\n- Kritisk massa kommer först när alla använder den.",
            "Avsätt personal i varje kommun för införandet, och bestäm en tidpunkt då de gamla tjänsterna stängs."),
        Short("Exempeldalens kommunalförbund", OrganisationType.Kommunalforbund, 22, "Gemensam upphandling av AI-tolkning i skolan avbröts",
            "Förbundet ville upphandla AI-stödd översättning för kontakten med vårdnadshavare. Kraven på dataskydd gick inte att uppfylla.",
            2023, 2024, Outcome.Avbruten, Stage.Ide, ["partnerskap-och-roster"], ["juridik-och-sekretess", "upphandling-och-avtal"],
            "Skolorna behövde översätta information till vårdnadshavare på många språk, och tolkarna räckte inte.",
            "Vi tog fram en kravspecifikation för AI-översättning och gjorde en konsekvensbedömning av dataskyddet.",
            "Ingen lösning på marknaden kunde garantera att uppgifterna stannade inom EU. Upphandlingen avbröts innan annonsering.",
            "- Gör konsekvensbedömningen av dataskyddet innan kravspecifikationen.\n- Att avbryta före annonsering sparade mycket arbete.",
            "Ta hjälp av andra som upphandlat AI-tjänster och fråga leverantörerna om dataskyddet i en marknadsdialog.", ["ny-teknik"]),
        Short("Exempelbostäder AB", OrganisationType.Bolag, 23, "Digitala lås i trapphusen skapade nya problem",
            "Det kommunala bostadsbolaget bytte till digitala lås i 60 trapphus. Låsen fungerade, men hemtjänsten och räddningstjänsten kom inte in.",
            2021, 2022, Outcome.Misslyckades, Stage.Inforande, ["testa-och-lara"], ["teknik-och-infrastruktur", "kritisk-massa"],
            "Borttappade nycklar kostade mycket, och hyresgästerna ville kunna öppna för besökare med mobilen.",
            "Vi installerade digitala lås i alla trapphus i ett område utan att först prata med hemtjänsten och räddningstjänsten.",
            "Hemtjänsten och räddningstjänsten hade andra system och kom inte in. Vi fick sätta tillbaka nyckelgömmor.",
            "- Alla som behöver komma in måste vara med från början.\n- Testa i ett trapphus innan ni byter i ett helt område.",
            "Gör en lista över alla som behöver tillträde, och kräv att låsen fungerar med deras system."),
        Short("Exempelbostäder AB", OrganisationType.Bolag, 24, "Energisparande tillsammans med hyresgästerna",
            "Hyresgäster i 400 lägenheter fick se sin egen energianvändning och tips från grannar. Energianvändningen minskade med nio procent.",
            2022, 2024, Outcome.Lyckades, Stage.Inforande, ["partnerskap-och-roster", "sprida-lardomar"], ["matning-och-effekt"],
            "Energipriserna steg, och hyresgästerna visste inte hur mycket energi de själva använde.",
            "Vi satte in mätare, visade förbrukningen i en app och på papper, och ordnade träffar där grannar delade tips.",
            "Energianvändningen minskade med nio procent på ett år.",
            "- Information på papper nådde fler än appen.\n- Grannarnas tips betydde mer än våra.",
            "Mät före och efter i samma årstid, och låt hyresgästerna själva leda träffarna.", ["samhallsutmaningar"]),
        Short("Exempelå kommun", OrganisationType.Kommun, 25, "Äldreomsorgens nattillsyn med kamera i stället för besök",
            "Brukare i hemtjänsten kunde välja tillsyn med kamera på natten. Färre väcktes, men färre valde kameran än väntat.",
            2020, 2023, Outcome.Delvis, Stage.Spridning, ["testa-och-lara", "partnerskap-och-roster"], ["kultur-och-ledarskap", "juridik-och-sekretess"],
            "Nattpatrullen väckte brukare när de tittade till dem, och många sov dåligt efter besöken.",
            "Vi erbjöd tillsyn med kamera till brukare som själva valde det, efter samtal med brukare och anhöriga.",
            "Bland de 60 som valde kamera sov de flesta bättre. Många avstod, ofta för att anhöriga var oroliga.",
            "- Samtalet med brukaren och de anhöriga är det viktigaste steget.\n- Samtycket måste gå att ta tillbaka när som helst.",
            "Ta fram informationen om kameratillsyn tillsammans med brukare, och följ upp hur de sover."),
        Short("Exempelholms stad", OrganisationType.Kommun, 26, "Projektmedel räckte inte för att bygga en innovationsfond",
            "Staden startade en fond för innovation med tillfälliga pengar. När pengarna var slut efter två år fanns ingen som tog över.",
            2018, 2020, Outcome.Misslyckades, Stage.Test, ["omfamna-innovation"], ["finansiering", "kultur-och-ledarskap", "spridning"],
            "Förvaltningarna ville pröva nya idéer men hade inga pengar utanför budgeten.",
            "Vi startade en fond med pengar från ett statligt bidrag, där förvaltningarna kunde söka medel för tester.",
            "Tolv tester genomfördes. När bidraget tog slut fanns fonden inte med i budgeten, och inget av testerna spreds.",
            "- Innovation med tillfälliga pengar blir tillfällig.\n- Spridning måste planeras och finansieras från början.",
            "Lägg fonden i den ordinarie budgeten, även om den börjar liten."),
    ];

    // The rest of the demo: every type of organisation, and effects to compare.
    private static List<Demo> Rest() =>
    [
        Short("Exempelsunds kommun", OrganisationType.Kommun, 27, "Gemensam bemanningspool för vikarier i förskolan",
            "Förskolorna delar en pool av vikarier som bokas i en app. Färre pass står obemannade, och vikarierna får fler timmar.",
            2022, 2023, Outcome.Lyckades, Stage.Inforande, ["rusta-medarbetare", "partnerskap-och-roster"], ["mottagarkapacitet", "kultur-och-ledarskap"],
            "Varje förskola ringde runt till sina egna vikarier varje morgon, och många pass blev obemannade.",
            "Vi samlade vikarierna i en gemensam pool, tog fram regler för bokning och lät förskolecheferna testa i en stadsdel först.",
            "Andelen obemannade pass minskade med 40 procent. Vikarierna fick i genomsnitt fler timmar i månaden.",
            "- Förskolecheferna måste lita på att poolen fungerar innan de slutar ringa sina egna vikarier.\n- En person måste äga poolen.",
            "Börja i en stadsdel och visa siffrorna för de andra cheferna innan ni sprider arbetssättet.", ["besparingskrav"],
            [new Effect("okad-effektivitet", "Färre obemannade pass", 40, "procent"), new Effect("nojdare-medarbetare", "Vikarier som vill fortsätta", 85, "procent")]),
        Short("Exempelsunds kommun", OrganisationType.Kommun, 28, "Sensorer för inomhusmiljön i skolorna",
            "Sensorer mätte koldioxid, temperatur och fukt i 60 klassrum. Mätningarna hittade problem, men fastighetsavdelningen hann inte åtgärda dem.",
            2023, 2024, Outcome.Delvis, Stage.Test, ["testa-och-lara"], ["teknik-och-infrastruktur", "matning-och-effekt", "mottagarkapacitet"],
            "Lärare och elever klagade på dålig luft, men det fanns inga mätningar att gå på.",
            "Vi satte upp sensorer i tre skolor och visade värdena för skolorna och fastighetsavdelningen.",
            "Vart tredje klassrum hade för hög koldioxidhalt under lektionerna. Bara hälften av problemen åtgärdades under året.",
            "- Mätningar skapar förväntningar: planera för att åtgärda det ni hittar.\n- Lärarna använde värdena för att vädra i tid.",
            "Bestäm innan ni mäter vem som åtgärdar och med vilka pengar.", ["ny-teknik"],
            [new Effect("okad-kvalitet", "Klassrum med bättre luft efter åtgärd", 15, "klassrum")]),
        Short("Exempelsunds kommun", OrganisationType.Kommun, 29, "Digital ansökan om ekonomiskt bistånd",
            "Kommunen ersatte pappersblanketten för ekonomiskt bistånd med en e-tjänst. Handläggningstiden kortades, och tre grannkommuner har tagit efter.",
            2020, 2022, Outcome.Lyckades, Stage.Spridning, ["sprida-lardomar", "testa-och-lara"], ["juridik-och-sekretess", "spridning"],
            "Ansökningarna kom på papper, ofta ofullständiga, och handläggarna fick begära in kompletteringar.",
            "Vi tog fram e-tjänsten tillsammans med sökande och handläggare, och delade sedan kravspecifikationen med grannkommunerna.",
            "Handläggningstiden minskade med 30 procent, och kompletteringarna med hälften.",
            "- Testa e-tjänsten med sökande som har svårt med svenska.\n- En pappersväg behövs fortfarande.",
            "Dela era krav och era texter öppet: det är så andra kan ta efter.", ["brukarnas-behov"],
            [new Effect("okad-effektivitet", "Kortare handläggningstid", 30, "procent"), new Effect("nojdare-brukare", "Sökande som tycker att det är enkelt", 78, "procent")]),
        Short("Region Exempelnord", OrganisationType.Region, 30, "Egenprovtagning för klamydia med svar i appen",
            "Unga kan beställa ett provtagningskit hem och få svaret digitalt. Fler testar sig, och mottagningarna har fått mer tid för andra besök.",
            2021, 2022, Outcome.Lyckades, Stage.Inforande, ["omfamna-innovation", "testa-och-lara"], ["upphandling-och-avtal", "juridik-och-sekretess"],
            "Många unga testade sig inte, eftersom det krävde ett besök på en mottagning under skoltid.",
            "Vi testade beställning av provtagningskit på webben i ett län under ett halvår, och upphandlade sedan en lösning för hela regionen.",
            "Antalet tester ökade med 35 procent. Mottagningarnas besök för provtagning minskade med hälften.",
            "- Unga hittade tjänsten via skolsköterskan, inte via annonser.\n- Svarstiden är det användarna bryr sig mest om.",
            "Mät hur många som testar sig före och efter, och fråga användarna hur de hittade tjänsten.", ["brukarnas-behov"],
            [new Effect("okad-kvalitet", "Fler som testar sig", 35, "procent"), new Effect("nojdare-brukare", "Användare som skulle rekommendera tjänsten", 92, "procent")]),
        Short("Region Exempelnord", OrganisationType.Region, 31, "AI-stöd vid granskning av mammografibilder pågår",
            "Regionen prövar ett AI-stöd som granskar mammografibilder tillsammans med en röntgenläkare. Försöket följs av ett universitet.",
            2024, null, Outcome.Pagaende, Stage.Test, ["testa-och-lara", "partnerskap-och-roster"], ["juridik-och-sekretess", "bestallarkompetens"],
            "Det saknas röntgenläkare, och varje bild granskas i dag av två läkare.",
            "I försöket ersätter AI-stödet den andra läkaren för hälften av bilderna. Ett universitet jämför resultaten.",
            "Efter ett halvår har 20 000 bilder granskats. Det är för tidigt att säga om lika många cancerfall hittas.",
            "- Avtalet om hur data får användas tog längre tid än att installera tekniken.\n- Läkarna måste vara med och bestämma hur stödet används.",
            "Låt en oberoende part följa försöket från början.", ["ny-teknik"]),
        Short("Region Exempelnord", OrganisationType.Region, 32, "Gemensam planering med kommunerna stoppades av avtalen",
            "Regionen och åtta kommuner skulle få ett gemensamt system för planering vid utskrivning. Avtalen gick inte att samordna, och arbetet lades ner.",
            2018, 2020, Outcome.Misslyckades, Stage.Ide, ["partnerskap-och-roster"], ["upphandling-och-avtal", "kritisk-massa", "finansiering"],
            "Patienter blev kvar på sjukhus i väntan på att kommunen skulle planera hemtjänst, eftersom informationen gick på fax och telefon.",
            "Vi tog fram gemensamma krav, men varje kommun hade egna avtal med olika leverantörer som löpte ut vid olika tidpunkter.",
            "Efter två år hade bara tre kommuner möjlighet att byta system. Projektet lades ner när bidraget tog slut.",
            "- Kartlägg alla avtal och deras slutdatum innan ni planerar ett gemensamt system.\n- Kritisk massa kräver att alla kan vara med.",
            "Börja med ett gemensamt informationsformat i stället för ett gemensamt system."),
        Short("Exempelvatten AB", OrganisationType.Bolag, 33, "Läckagesökning med akustiska sensorer i ledningsnätet",
            "Det kommunala vattenbolaget lyssnar efter läckor med sensorer i ledningsnätet. Läckorna hittas tidigare, och mindre dricksvatten går förlorat.",
            2019, 2022, Outcome.Lyckades, Stage.Spridning, ["omfamna-innovation", "sprida-lardomar"], ["teknik-och-infrastruktur", "finansiering"],
            "En femtedel av dricksvattnet försvann i läckor, som ofta hittades först när vatten kom upp ur marken.",
            "Vi testade sensorer i en stadsdel, jämförde med den vanliga läcksökningen och byggde sedan ut till hela nätet.",
            "Förlusterna minskade med 18 procent. Två andra vattenbolag använder nu samma metod.",
            "- Sensorerna ger många falska larm första månaden: räkna med tid för att ställa in dem.\n- Investeringen betalade sig på fyra år.",
            "Börja där nätet är äldst och mät förlusterna före.", ["samhallsutmaningar", "besparingskrav"],
            [new Effect("samhallsutmaningar", "Mindre förlorat dricksvatten", 18, "procent"), new Effect("okad-effektivitet", "Kortare tid att hitta en läcka", 60, "procent")]),
        Short("Exempelvatten AB", OrganisationType.Bolag, 34, "Smarta vattenmätare utan nytta för kunderna",
            "Bolaget bytte till mätare som läses av på distans. Tekniken fungerade, men kunderna fick ingen användning av uppgifterna, och utrullningen stoppades.",
            2021, 2023, Outcome.Avbruten, Stage.Inforande, ["testa-och-lara"], ["kritisk-massa", "teknik-och-infrastruktur"],
            "Kunderna läste av sina mätare själva en gång om året, och många glömde det.",
            "Vi bytte mätare hos 3 000 kunder och gjorde förbrukningen synlig på en webbsida.",
            "Bara fyra procent av kunderna besökte webbsidan. Kostnaden för mätarna motsvarade inte nyttan, och vi stoppade bytet.",
            "- Fråga kunderna vad de vill ha ut av en ny tjänst innan ni köper tekniken.\n- Att avbryta tidigt sparade pengar.",
            "Testa i liten skala och mät om kunderna använder tjänsten innan ni byter alla mätare.", ["ny-teknik"]),
        Short("Exempelnätverket för e-hälsa", OrganisationType.Ovrig, 35, "Små kommuner delar kravspecifikationer",
            "Ett nätverk av tolv små kommuner delar sina kravspecifikationer för välfärdsteknik. Upphandlingarna går fortare och blir bättre.",
            2020, null, Outcome.Lyckades, Stage.Spridning, ["sprida-lardomar", "partnerskap-och-roster"], ["bestallarkompetens", "upphandling-och-avtal"],
            "De små kommunerna saknade upphandlare med kunskap om välfärdsteknik, och varje kommun började från början.",
            "Vi samlade kravspecifikationer, utvärderingar och avtal på ett ställe och träffas fyra gånger om året.",
            "Tiden för att ta fram en kravspecifikation har halverats för de kommuner som använder nätverkets underlag.",
            "- Att dela det som inte fungerade är lika viktigt som att dela det som fungerade.\n- En samordnare håller ihop nätverket.",
            "Dela underlagen öppet, så att fler än medlemmarna har nytta av dem.", ["besparingskrav"],
            [new Effect("okad-effektivitet", "Kortare tid att ta fram en kravspecifikation", 50, "procent")]),
        Short("Exempelnätverket för e-hälsa", OrganisationType.Ovrig, 36, "Gemensam utbildning i innovationsledning fick för få deltagare",
            "Nätverket planerade en utbildning i innovationsledning för chefer i de små kommunerna. För få anmälde sig, och utbildningen ställdes in.",
            2023, 2023, Outcome.Avbruten, Stage.Ide, ["rusta-medarbetare"], ["kritisk-massa", "finansiering", "kultur-och-ledarskap"],
            "Cheferna i de små kommunerna efterfrågade stöd i att leda förändring.",
            "Vi tog fram en utbildning på sex dagar och bjöd in chefer från alla tolv kommuner.",
            "Sju chefer anmälde sig, och det behövdes femton för att utbildningen skulle bära sig.",
            "- Sex heldagar är för mycket för en chef i en liten kommun.\n- Fråga om formen, inte bara om behovet.",
            "Erbjud korta träffar på distans, och låt cheferna arbeta med ett eget test mellan träffarna."),
        Short("Exempelholms stad", OrganisationType.Kommun, 37, "Felanmälan med foto och plats i en app",
            "Invånarna anmäler fel i gatumiljön med foto och plats. Felen åtgärdas fortare, och invånarna ser när det är klart.",
            2021, 2022, Outcome.Lyckades, Stage.Inforande, ["testa-och-lara", "partnerskap-och-roster"], ["teknik-och-infrastruktur"],
            "Felanmälningar kom via telefon och e-post utan plats, och handläggarna fick ringa tillbaka för att förstå var felet fanns.",
            "Vi testade en app med foto och karta i ett år, tillsammans med invånare som ofta anmälde fel.",
            "Tiden från anmälan till åtgärd minskade med en tredjedel. Anmälningarna blev fler, men tog mindre tid att hantera.",
            "- Invånarna vill veta när felet är åtgärdat; återkopplingen var det de uppskattade mest.\n- Telefonen behövs kvar.",
            "Testa med dem som redan anmäler mest, och bygg in återkopplingen från början.", ["brukarnas-behov"],
            [new Effect("okad-effektivitet", "Kortare tid från anmälan till åtgärd", 33, "procent"), new Effect("nojdare-brukare", "Nöjda anmälare", 88, "procent")]),
        Short("Exempelverket", OrganisationType.Myndighet, 38, "Öppna data om tillstånd används av få",
            "Verket publicerar sina beslut om tillstånd som öppna data. Publiceringen uppfyller kraven, men få använder uppgifterna.",
            2022, 2024, Outcome.Delvis, Stage.Spridning, ["sprida-lardomar"], ["spridning", "matning-och-effekt"],
            "Nya regler om öppna data krävde att verket gjorde sina uppgifter tillgängliga för vidareutnyttjande.",
            "Vi publicerade besluten som en fil som uppdateras varje natt, med en beskrivning av fälten.",
            "Kraven uppfylls, men filen laddas ner ett tjugotal gånger i månaden. Ingen har hört av sig med en tjänst byggd på uppgifterna.",
            "- Öppna data behöver användare: fråga dem som kan ha nytta av uppgifterna vad de behöver.\n- Mät användningen från början.",
            "Bjud in tänkbara användare innan ni bestämmer format, och berätta om uppgifterna där de finns.", ["ny-lagstiftning"],
            [new Effect("efterlevnad-lagkrav", "Uppgifter som publiceras enligt kraven", 100, "procent")]),
        Short("Exempelå kommun", OrganisationType.Kommun, 39, "Eleverna mäter matsvinnet i skolan",
            "Eleverna väger själva matsvinnet i skolmatsalarna och föreslår förändringar. Svinnet har minskat med nästan en tredjedel.",
            2022, 2023, Outcome.Lyckades, Stage.Inforande, ["partnerskap-och-roster", "rusta-medarbetare"], ["matning-och-effekt"],
            "Skolorna slängde mycket mat, men ingen visste hur mycket eller varför.",
            "Elevråden vägde svinnet varje dag i fyra veckor, och kockarna och eleverna bestämde tillsammans vad som skulle ändras.",
            "Matsvinnet minskade med 30 procent på ett år, och eleverna är mer nöjda med maten.",
            "- Eleverna tog mätningen på allvar när de själva fick föreslå förändringar.\n- Kockarna behövde tid att pröva nya rätter.",
            "Låt eleverna äga mätningen, och visa resultatet i matsalen.", ["samhallsutmaningar"],
            [new Effect("samhallsutmaningar", "Minskat matsvinn", 30, "procent"), new Effect("nojdare-brukare", "Elever som tycker om maten", 12, "procentenheter fler")]),
        Short("Exempeldalens kommunalförbund", OrganisationType.Kommunalforbund, 40, "Gemensamt e-arkiv för fem kommuner pågår",
            "Fem kommuner inför ett gemensamt e-arkiv genom kommunalförbundet. Två kommuner arkiverar redan, de andra väntar på att deras system ska kunna lämna ut handlingar.",
            2023, null, Outcome.Pagaende, Stage.Inforande, ["partnerskap-och-roster"], ["juridik-och-sekretess", "mottagarkapacitet", "finansiering"],
            "Varje kommun hade ett eget pappersarkiv och flera system som inte kunde arkivera digitalt.",
            "Vi upphandlade ett gemensamt e-arkiv och gör en plan per kommun för vilka system som ska leverera först.",
            "Två kommuner arkiverar från sina ärendesystem. De andra tre väntar på uppgraderingar av sina system.",
            "- Varje system som ska lämna handlingar till arkivet är ett eget projekt.\n- Arkivarierna behövs i varje steg.",
            "Börja med det system som har flest handlingar, och planera för att varje leverans tar tid.", ["ny-lagstiftning"]),
    ];
}
