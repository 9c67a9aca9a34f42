using System.Text.Json;

using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Lessons.IntegrationTests.Fixtures;

/// <summary>
/// Debian's headless Chromium driven through chromedriver, with axe-core (from npm) to check pages for accessibility.
/// Needs <c>apt-get install chromium chromium-driver</c> and <c>npm ci --prefix tests/IntegrationTests/Browser</c>;
/// on CI a missing piece fails the test (see <see cref="Requires"/>). Only loopback addresses are visited.
/// </summary>
public sealed class Chromium : IDisposable
{
    private const string Binary = "/usr/bin/chromium";
    private const string DriverDirectory = "/usr/bin";
    private const string DriverFile = "chromedriver";

    private static readonly Lazy<string?> AxeFile = new(() => RepositoryFile("tests/IntegrationTests/Browser/node_modules/axe-core/axe.min.js"));

    private readonly ChromeDriver driver;
    private readonly Uri site;

    private Chromium(ChromeDriver driver, Uri site)
    {
        this.driver = driver;
        this.site = site;
    }

    /// <summary>
    /// Starts a browser for the site at <paramref name="site"/> (a Kestrel-served <see cref="LessonsApp"/>), with the
    /// pages' scripts blocked when <paramref name="javaScript"/> is false, as for a reader who has turned them off.
    /// WebDriver still finds and drives elements then, but <see cref="AssertAccessible"/> (an async script) cannot run.
    /// </summary>
    public static Chromium Start(Uri site, bool javaScript = true)
    {
        Requires.Tool(File.Exists(Binary) && File.Exists(Path.Combine(DriverDirectory, DriverFile)),
            "Chromium with chromedriver", "apt-get install -y chromium chromium-driver");
        var service = ChromeDriverService.CreateDefaultService(DriverDirectory, DriverFile);
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Binary, AcceptInsecureCertificates = true };     // the test site's own certificate
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
            "--window-size=1280,1000", "--lang=sv-SE", "--no-first-run", "--disable-extensions",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");
        if (!javaScript) options.AddUserProfilePreference("profile.managed_default_content_settings.javascript", 2);
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(60);
        return new Chromium(driver, site);
    }

    public void Open(string path) => driver.Navigate().GoToUrl(new Uri(site, path));

    /// <summary>Emulates a device <paramref name="width"/> CSS pixels wide (a phone when <paramref name="mobile"/>),
    /// as the responsive mode of a browser's developer tools does.</summary>
    public void Viewport(int width, int height = 900, bool mobile = true)
    {
        viewport = (width, height, mobile);
        driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = mobile,
        });
    }

    private (int Width, int Height, bool Mobile)? viewport;

    /// <summary>The folder where <see cref="Screenshot"/> writes, beside the test assembly.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Saves the whole page (up to 4,000 px tall) as <c>screenshots/<paramref name="name"/>.png</c>, for a
    /// person to look at; nothing is compared.</summary>
    public void Screenshot(string name)
    {
        var (width, height, mobile) = viewport ?? (1280, 1000, false);
        var full = Convert.ToInt32(driver.ExecuteScript("return document.documentElement.scrollHeight;"), System.Globalization.CultureInfo.InvariantCulture);
        Viewport(width, Math.Clamp(full, height, 4000), mobile);
        Directory.CreateDirectory(ScreenshotDirectory);
        driver.GetScreenshot().SaveAsFile(Path.Combine(ScreenshotDirectory, name + ".png"));
        Viewport(width, height, mobile);
    }

    /// <summary>Renders the page with the print stylesheet (<c>@media print</c>), as the print preview does.</summary>
    public void EmulatePrint(bool print = true) =>
        driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?> { ["media"] = print ? "print" : "" });

    public object? Script(string script, params object[] arguments) => driver.ExecuteScript(script, arguments);

    /// <summary>The element that has the keyboard focus.</summary>
    public IWebElement Focused => driver.SwitchTo().ActiveElement();

    /// <summary>Presses Tab once, as a keyboard user moves to the next control.</summary>
    public void Tab() => new OpenQA.Selenium.Interactions.Actions(driver).SendKeys(Keys.Tab).Perform();
    /// <summary>The window's size in CSS pixels, for checks at a desktop's and a phone's width.</summary>
    public void Resize(int width, int height = 900) => driver.Manage().Window.Size = new System.Drawing.Size(width, height);

    public string PathAndQuery => new Uri(driver.Url).PathAndQuery;

    /// <summary>The element <paramref name="css"/> selects; if none, fails naming the page and what it shows.</summary>
    public IWebElement Find(string css) =>
        driver.FindElements(By.CssSelector(css)).FirstOrDefault()
        ?? throw new NoSuchElementException($"No \"{css}\" on {driver.Url} (\"{driver.Title}\"):\n{Shorten(driver.FindElement(By.TagName("body")).Text)}");

    private static string Shorten(string text) => text.Length <= 1500 ? text : text[..1500] + " …";

    public IReadOnlyList<IWebElement> FindAll(string css) => driver.FindElements(By.CssSelector(css));

    /// <summary>Waits up to ten seconds for <paramref name="condition"/> to hold, and fails with <paramref name="what"/> otherwise.</summary>
    public T WaitFor<T>(Func<IWebDriver, T?> condition, string what)
    {
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(10)) { Message = $"Waited 10 s for {what}" };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait.Until(condition)!;
    }

    /// <summary>
    /// Opens the search page until it no longer says that the index is being rebuilt: a node just started builds its
    /// index in the background and meanwhile answers from what it has, with a progress bar.
    /// </summary>
    public void WaitForSearchIndex() =>
        WaitFor(d =>
        {
            Open("/sok");
            return d.FindElements(By.Id("index-progress")).Count == 0;
        }, "the search index to be built");

    /// <summary>Types into a field as a user does, key by key, so the page's input events fire.</summary>
    public void Type(string css, string text)
    {
        var field = Find(css);
        field.Clear();
        field.SendKeys(text);
    }

    public void SignIn(string email, string password)
    {
        Open("/konto/logga-in");
        Type("#Email", email);
        Type("#Password", password);
        Find("main button[type=submit]").Click();
        WaitFor(d => d.FindElements(By.CssSelector("form[action='/konto/logga-ut'], a[href='/konto']")).Count > 0, "the signed-in page");
    }

    /// <summary>
    /// Runs axe-core on the current page against WCAG 2.2 A and AA and axe's best practices, and fails listing each
    /// violation as "rule (impact): help: selectors", so a failing test names what to fix.
    /// </summary>
    public void AssertAccessible()
    {
        var violations = AxeViolations();
        Assert.True(violations.Count == 0, $"axe-core on {driver.Url}:\n{string.Join("\n", violations)}");
    }

    /// <summary>Nothing is wider than the window (WCAG 1.4.10 at 320 px), and where something is, the failure names
    /// the widest elements.</summary>
    public void AssertNoSidewaysScrolling(string page)
    {
        var overflow = (string)Script("""
            const width = window.innerWidth;
            if (document.documentElement.scrollWidth <= width) return "";
            const wide = [...document.querySelectorAll("body *")]
              .map(e => ({ e, right: Math.max(e.getBoundingClientRect().right, e.getBoundingClientRect().left + e.scrollWidth) }))
              .filter(x => x.right > width + 0.5)
              .sort((a, b) => b.right - a.right).slice(0, 5)
              .map(x => `${x.e.tagName.toLowerCase()}${x.e.id ? "#" + x.e.id : ""}.${[...x.e.classList].join(".")} (${Math.round(x.right)} px) "${(x.e.textContent || "").trim().slice(0, 40)}"`);
            return `scrollWidth ${document.documentElement.scrollWidth} > ${width}: ${wide.join("; ")}`;
            """)!;
        Assert.True(overflow.Length == 0, $"{page} at {Script("return window.innerWidth")} px: {overflow}");
    }

    /// <summary>No id is used twice on the page (valid HTML; axe no longer checks it), and where one is, the failure
    /// names it.</summary>
    public void AssertUniqueIds()
    {
        var duplicates = (string)Script("""
            const seen = new Map();
            document.querySelectorAll("[id]").forEach(e => seen.set(e.id, (seen.get(e.id) || 0) + 1));
            return [...seen].filter(([, n]) => n > 1).map(([id, n]) => `#${id} (${n} times)`).join(", ");
            """)!;
        Assert.True(duplicates.Length == 0, $"Duplicate ids on {driver.Url}: {duplicates}");
    }

    private IReadOnlyList<string> AxeViolations()
    {
        Requires.Tool(AxeFile.Value is not null, "axe-core", "npm ci --prefix tests/IntegrationTests/Browser");
        driver.ExecuteScript(File.ReadAllText(AxeFile.Value!));
        var json = (string?)driver.ExecuteAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } })
              .then(r => done(JSON.stringify(r.violations.map(v =>
                `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map(n => n.target.join(" ")).join(", ")}`))))
              .catch(e => done(JSON.stringify([`axe failed: ${e}`])));
            """);
        return JsonSerializer.Deserialize<string[]>(json ?? "[\"axe returned nothing\"]")!;
    }

    public void Dispose()
    {
        driver.Quit();
        driver.Dispose();
    }

    private static string? RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lessons.sln")))
            {
                var file = Path.Combine(dir.FullName, relative);
                return File.Exists(file) ? file : null;
            }
        }
        return null;
    }
}
