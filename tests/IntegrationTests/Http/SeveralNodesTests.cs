using System.Net;

using Lessons.IntegrationTests.Fixtures;

namespace Lessons.IntegrationTests.Http;

public sealed class SeveralNodesTests
{
    [Fact]
    public async Task Two_web_nodes_on_one_PostgreSQL_accept_each_others_sign_in_cookies()
    {
        await using var nodeA = await LessonsApp.StartAsync(TestDatabases.Postgres);
        await using var nodeB = await LessonsApp.StartAsync(TestDatabases.Postgres,
            new Dictionary<string, string?> { ["ConnectionStrings:Lessons"] = nodeA.ConnectionString });
        await nodeA.RegisterAndConfirmAsync("nod@exempel.se", "Nora Nod");
        var onA = nodeA.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var signIn = await onA.SubmitAsync("/konto/logga-in", "main button[type=submit]", [("Email", "nod@exempel.se"), ("Password", Journeys.Password)]);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-lessons=", StringComparison.Ordinal)).Split(';')[0];

        var onB = nodeB.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/konto");
        request.Headers.Add("Cookie", cookie);
        var account = await onB.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains("Nora Nod", await account.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
