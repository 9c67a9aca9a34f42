using Lessons.Application.Organisations;
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
            db.Reports.Add(Report.Imported(demo.Id, organisation.Id, demo.Content, Visibility.Public, false,
                now.AddDays(-3 * (demos.Count - index))));
        }
        await db.SaveChangesAsync(ct);
        return demos.Count;
    }

    private static List<Demo> Reports() =>
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
}
