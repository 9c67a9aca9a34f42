using System.Text;

using Lessons.Application.Reports;
using Lessons.Domain.Taxonomy;

namespace Lessons.Infrastructure.Persistence;

/// <summary>
/// A synthetic Swedish corpus for benchmarks: realistic structure, vocabulary and lengths (about 250 words a
/// report), every taxonomy field used, and the same reports for the same seed. The organisations are plainly
/// synthetic ("Syntetkommun 012"), so no invented failure is ever pinned on a real organisation.
/// </summary>
public static class SyntheticCorpus
{
    private sealed record Topic(string Thing, string Area, string[] Words);

    private static readonly Topic[] Topics =
    [
        new("digitala lås", "hemtjänsten", ["nyckelhantering", "restid", "brukare", "batteribyte", "larm"]),
        new("en AI-chattbot", "kontaktcentret", ["kunskapsbas", "invånarfrågor", "handläggare", "svarstid", "webbchatt"]),
        new("vård på distans", "primärvården", ["videobesök", "egenmätning", "sjuksköterska", "journalföring", "patienter"]),
        new("minskat matsvinn", "skolmåltiderna", ["tallrikssvinn", "kökspersonal", "elever", "menyplanering", "vågar"]),
        new("e-underskrift", "bygglovshanteringen", ["ärendehantering", "handläggningstid", "blanketter", "juridik", "arkiv"]),
        new("välfärdsteknik", "äldreomsorgen", ["trygghetslarm", "nattillsyn", "kameror", "anhöriga", "biståndsbedömning"]),
        new("medborgardialog", "stadsplaneringen", ["samråd", "unga", "workshoppar", "återkoppling", "förtroende"]),
        new("öppna data", "kollektivtrafiken", ["API", "datakatalog", "utvecklare", "hållplatser", "licenser"]),
        new("robotiserad processautomation", "ekonomiadministrationen", ["leverantörsfakturor", "RPA", "avvikelser", "attest", "controllers"]),
        new("solceller", "kommunens fastigheter", ["energieffektivisering", "tak", "elnät", "investeringskalkyl", "driftsättning"]),
        new("cirkulär möbelhantering", "förvaltningarna", ["återbruk", "inventering", "lager", "upphandlingskrav", "klimatavtryck"]),
        new("innovationsupphandling", "vattenreningen", ["leverantörsdialog", "funktionskrav", "pilotanläggning", "mikroplaster", "avtal"]),
        new("sensorer", "avfallshanteringen", ["fyllnadsgrad", "tömningsrutter", "sopkärl", "körsträcka", "underhåll"]),
        new("digital inkludering", "biblioteken", ["seniorer", "digitalhjälp", "surfplattor", "volontärer", "e-legitimation"]),
        new("tillitsbaserad styrning", "socialtjänsten", ["uppföljning", "dokumentation", "medarbetare", "chefer", "handlingsutrymme"]),
        new("tidiga insatser", "elevhälsan", ["skolfrånvaro", "kuratorer", "vårdnadshavare", "kartläggning", "samverkan"]),
    ];

    private static readonly string[] Openings = ["Vi såg att", "Behovet växte när", "Det började med att", "Under flera år hade", "Verksamheten märkte att"];
    private static readonly string[] Problems = ["arbetet tog för lång tid", "kostnaderna ökade", "brukarna var missnöjda", "personalen inte hann med", "kvaliteten varierade"];
    private static readonly string[] Actions = ["testade", "utvecklade", "upphandlade", "införde", "utvärderade", "kartlade", "prövade i liten skala"];
    private static readonly string[] Partners = ["ett lärosäte", "en leverantör", "grannkommuner", "en patientförening", "ett forskningsinstitut", "regionen"];
    private static readonly string[] Measures = ["procent", "timmar per vecka", "kronor per år", "ärenden per månad", "minuter"];
    private static readonly string[] LessonStarts = ["Börja med", "Räkna med", "Underskatta inte", "Säkra tidigt", "Mät", "Involvera"];
    private static readonly string[] LessonEnds = ["behovet hos dem som berörs", "tiden det tar att ändra arbetssätt", "juridiken kring personuppgifter",
        "finansieringen efter projekttiden", "effekten från första dagen", "medarbetarna i verksamheten", "driften och förvaltningen"];

    public static IEnumerable<ReportRecord> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var outcomes = Vocabulary.Outcomes.Keys.ToArray();
        var stages = Vocabulary.Stages.Keys.ToArray();
        for (var i = 1; i <= count; i++)
        {
            var topic = Topics[random.Next(Topics.Length)];
            var (organisation, type) = Organisation(random);
            // About 30 % failures or abandoned work, as in the public sector's own reports.
            var outcome = random.NextDouble() < 0.3 ? outcomes[2 + random.Next(2)] : outcomes[random.Next(2) == 0 ? 0 : random.Next(outcomes.Length)];
            var year = 2012 + random.Next(14);
            string W() => topic.Words[random.Next(topic.Words.Length)];
            string P<T>(T[] list) => list[random.Next(list.Length)]!.ToString()!;
            var number = random.Next(3, 60);

            yield return new ReportRecord
            {
                Id = $"syn-{seed}-{i:D7}",
                Title = $"{Capital(topic.Thing)} i {topic.Area}: {P(["erfarenheter från", "lärdomar efter", "ett år med", "så gick"])} {P(["piloten", "införandet", "testet", "projektet"])}",
                Organisation = organisation,
                OrganisationType = type,
                Year = year,
                YearEnded = random.Next(3) == 0 ? null : Math.Min(2025, year + random.Next(4)),
                Outcome = outcome,
                Stage = P(stages),
                Principles = Pick(random, Vocabulary.Principles.Keys.ToArray(), 1, 3),
                Challenges = Pick(random, Vocabulary.Challenges.Keys.ToArray(), 1, 3),
                InnovationTypes = Pick(random, Vocabulary.InnovationTypes.Keys.ToArray(), 0, 2),
                Drivers = Pick(random, Vocabulary.Drivers.Keys.ToArray(), 0, 2),
                Summary = $"{organisation} {P(Actions)} {topic.Thing} i {topic.Area} för att hantera {W()} och {W()}. "
                    + $"Efter {random.Next(2, 24)} månader {(outcome is "misslyckades" or "avbruten" ? "avbröts arbetet, men lärdomarna är värdefulla" : $"minskade {W()} med {number} {P(Measures)}")}.",
                Background = Paragraph(random, 3, () => $"{P(Openings)} {P(Problems)} inom {topic.Area}, särskilt när det gällde {W()} och {W()}."),
                WhatWeDid = Paragraph(random, 4, () => $"Vi {P(Actions)} {topic.Thing} tillsammans med {P(Partners)} och följde upp {W()} varje {P(["vecka", "månad", "kvartal"])}."),
                Result = Paragraph(random, 3, () => $"Mätningarna visade att {W()} förändrades med {random.Next(1, 80)} {P(Measures)}, medan {W()} {P(["var oförändrat", "blev sämre", "förbättrades tydligt"])}."),
                Lessons = string.Join('\n', Enumerable.Range(0, 3 + random.Next(3)).Select(_ => $"- {P(LessonStarts)} {P(LessonEnds)} när ni arbetar med {W()}.")),
                Recommendations = Paragraph(random, 2, () => $"Vi rekommenderar andra att {P(["börja smått", "avsätta tid för förvaltning", "involvera juristerna tidigt", "mäta ett nollläge"])} innan {topic.Thing} sprids."),
            };
        }
    }

    private static (string Name, string Type) Organisation(Random random) => random.Next(10) switch
    {
        < 7 => ($"Syntetkommun {random.Next(1, 201):D3}", "kommun"),
        < 9 => ($"Syntetregion {random.Next(1, 22):D2}", "region"),
        _ => ($"Syntetmyndigheten {random.Next(1, 41):D2}", "myndighet"),
    };

    private static string[] Pick(Random random, string[] keys, int min, int max) =>
        [.. keys.OrderBy(_ => random.Next()).Take(random.Next(min, max + 1))];

    private static string Paragraph(Random random, int sentences, Func<string> sentence)
    {
        var text = new StringBuilder();
        for (var i = 0; i < sentences + random.Next(2); i++) text.Append(i == 0 ? "" : " ").Append(sentence());
        return text.ToString();
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
