using Lessons.Application.Organisations.Commands;
using Lessons.Application.Organisations.Queries;
using Lessons.Domain.Taxonomy;
using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.UseCases;

public sealed class OrganisationRegistryTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task A_name_corrected_in_the_registry_renames_the_organisation_and_the_old_name_still_finds_it(string database)
    {
        await using var app = await TestApp.StartAsync(database);
        Assert.Equal(1, await app.Send(new SeedOrganisationRegistryCommand([new RegistryEntry("Testbys kommun", OrganisationType.Kommun, "9901", ["testby"])])));
        var id = (await app.Send(new FindOrganisationByNameQuery("Testbys kommun"))).Id;

        var added = await app.Send(new SeedOrganisationRegistryCommand([new RegistryEntry("Testby kommun", OrganisationType.Kommun, "9901", ["testby"])]));

        Assert.Equal(0, added);
        var found = await app.Send(new FindOrganisationByNameQuery("Testby kommun"));
        Assert.Equal((id, "Testby kommun"), (found.Id, found.Name));
        Assert.Equal(id, (await app.Send(new FindOrganisationByNameQuery("Testbys kommun"))).Id);
        Assert.Equal(["Testby kommun"], (await app.Send(new ListOrganisationsQuery("testby"))).Select(o => o.Name));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Kalmar_kommun_is_found_by_its_name_and_by_the_short_form_and_the_misspelling(string database)
    {
        await using var app = await TestApp.StartAsync(database);

        var names = new[] { "Kalmar kommun", "Kalmar", "Kalmars kommun" };

        foreach (var name in names) Assert.Equal("Kalmar kommun", (await app.Send(new FindOrganisationByNameQuery(name))).Name);
    }
}
