namespace Lessons.Infrastructure.Search;

/// <summary>
/// The starting list of the public sector's near-synonyms, seeded into an empty database. Moderators extend and
/// correct it on /moderering/synonymer; it is data, not code, after the first start.
/// </summary>
internal static class DefaultSynonyms
{
    public static readonly string[][] Groups =
    [
        ["chattbot", "chatbot", "chattrobot"],
        ["e-underskrift", "digital signatur", "e-signatur", "elektronisk underskrift"],
        ["vård på distans", "distansvård", "digital vård", "digitala vårdbesök"],
        ["medborgardialog", "invånardialog"],
        ["kontaktcenter", "kundtjänst", "kundcenter", "servicecenter"],
        ["robotiserad processautomation", "rpa", "mjukvarurobot"],
        ["artificiell intelligens", "ai"],
        ["matsvinn", "livsmedelssvinn"],
        ["skolmat", "skolmåltid", "skollunch"],
        ["e-tjänst", "digital tjänst"],
        ["äldreomsorg", "äldrevård"],
        ["kompetensutveckling", "kompetenshöjning", "fortbildning"],
        ["hemtjänst", "hemvård"],
    ];
}
