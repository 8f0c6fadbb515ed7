using Guardrails.Tests.Shared;
using Microsoft.Playwright;

namespace Guardrails.Cli.Tests;

/// <summary>
/// The inventory report in a real headless browser: the system's Chromium (Debian package 'chromium'), driven by
/// Playwright for .NET. A missing browser fails the test with the command that installs it; it is never skipped.
/// </summary>
public sealed class BrowserTests
{
    private static readonly string[] Candidates = { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium", "/usr/bin/google-chrome" };

    internal static string ChromiumPath()
    {
        string? configured = Environment.GetEnvironmentVariable("GUARDRAILS_CHROMIUM");
        foreach (string path in string.IsNullOrEmpty(configured) ? Candidates : new[] { configured })
        {
            if (File.Exists(path))
            {
                return path;
            }
        }

        Assert.Fail("No Chromium was found (looked for " + string.Join(", ", string.IsNullOrEmpty(configured) ? Candidates : new[] { configured }) +
            "). The inventory report's browser test needs the system Chromium: install it with 'sudo apt-get update && sudo apt-get install -y chromium' " +
            "(or run ./test.sh, which installs it), or point GUARDRAILS_CHROMIUM at a Chromium or Chrome binary.");
        return null!;
    }

    [Fact]
    public async Task Report_opens_filters_sorts_and_shows_the_decommission_view_without_console_errors()
    {
        string chromium = ChromiumPath();
        using var repo = new TempRepo();
        string report = Path.Combine(repo.Root, "inventory.html");
        CliRun run = CliRun.Of("inventory", Path.Combine(RepoPaths.Root, "samples", "estate"), "--db", Path.Combine(repo.Root, "inv.db"), "-o", report, "--now", "2026-12-03",
            "--policy", Path.Combine(RepoPaths.Root, "samples", "policy", "guardrails.policy.json"));
        Assert.Equal(0, run.ExitCode);

        using IPlaywright playwright = await Playwright.CreateAsync();
        await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = new[] { "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage" },
        });
        IPage page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                errors.Add(message.Type + ": " + message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add("page error: " + error);
        page.RequestFailed += (_, request) => errors.Add("request failed: " + request.Url);
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        await page.GotoAsync(new Uri(report).AbsoluteUri);
        Assert.Contains("3 repositories", await page.InnerTextAsync("#summary"));
        Assert.Equal(2, await page.Locator("#t-assistant tbody tr").CountAsync());

        // Filter the repositories.
        await page.ClickAsync("#tab-repos");
        Assert.Equal(3, await page.Locator("#t-repos tbody tr").CountAsync());
        await page.FillAsync("input[data-filter='t-repos']", "people");
        Assert.Equal(1, await page.Locator("#t-repos tbody tr").CountAsync());
        Assert.Contains("github.com/contoso/hr-portal", await page.InnerTextAsync("#t-repos tbody"));
        Assert.Equal("1 of 3", await page.InnerTextAsync("[data-count='t-repos']"));
        await page.FillAsync("input[data-filter='t-repos']", "");

        // Sort by repository, descending then ascending.
        ILocator header = page.Locator("#t-repos th", new PageLocatorOptions { HasTextString = "Repository" });
        await header.ClickAsync();
        Assert.Equal("ascending", await header.GetAttributeAsync("aria-sort"));
        Assert.Equal("github.com/contoso/checkout", await page.InnerTextAsync("#t-repos tbody tr:first-child td:first-child"));
        await header.ClickAsync();
        Assert.Equal("descending", await header.GetAttributeAsync("aria-sort"));
        Assert.Equal("github.com/contoso/payments", await page.InnerTextAsync("#t-repos tbody tr:first-child td:first-child"));

        // Sort the findings by level: errors first when ascending.
        await page.ClickAsync("#tab-findings");
        await page.Locator("#t-findings th", new PageLocatorOptions { HasTextString = "Level" }).ClickAsync();
        Assert.Equal("error", await page.InnerTextAsync("#t-findings tbody tr:first-child td:nth-child(3)"));

        // Decommission: revoking claude-code breaks checkout and payments, with their owners.
        await page.ClickAsync("#tab-decommission");
        string option = await page.Locator("#decommission-pick option", new PageLocatorOptions { HasTextString = "assistant: claude-code" }).GetAttributeAsync("value") ?? "";
        await page.SelectOptionAsync("#decommission-pick", option);
        string result = await page.InnerTextAsync("#decommission-result");
        Assert.Contains("fails the builds of 2 repositories", result);
        Assert.Contains("Payments", result);
        Assert.Contains("checkout@contoso.example", result);
        Assert.DoesNotContain("hr-portal", result);
        Assert.Contains("GRD112", result); // the build's own error, from the replay the tool ran

        // Revoking the gateway endpoint: only checkout's code reaches it (its record's endpoints), with the build's GRD004.
        string gateway = await page.Locator("#decommission-pick option", new PageLocatorOptions { HasTextString = "endpoint: ai-gateway.contoso.example" }).GetAttributeAsync("value") ?? "";
        await page.SelectOptionAsync("#decommission-pick", gateway);
        string gatewayResult = await page.InnerTextAsync("#decommission-result");
        Assert.Contains("fails the builds of 1 repositories", gatewayResult);
        Assert.Contains("github.com/contoso/checkout", gatewayResult);
        Assert.Contains("GRD004", gatewayResult);
        Assert.Equal(1, await page.Locator("#t-decommission tbody tr").CountAsync());

        // Endpoints: the hosts with the repositories reaching them; hr-portal's are unknown, not none.
        await page.ClickAsync("#tab-endpoint");
        await page.FillAsync("input[data-filter='t-endpoint']", "ai-gateway");
        Assert.Equal(1, await page.Locator("#t-endpoint tbody tr").CountAsync());
        Assert.Contains("github.com/contoso/checkout", await page.InnerTextAsync("#t-endpoint tbody"));
        Assert.Contains("approved", await page.InnerTextAsync("#t-endpoint tbody"));
        Assert.Contains("github.com/contoso/hr-portal", await page.InnerTextAsync("#endpoints-unknown"));

        // Waivers expiring within 30 days.
        await page.ClickAsync("#tab-waivers");
        Assert.Equal(2, await page.Locator("#t-waivers tbody tr").CountAsync());

        Assert.Empty(errors);
        Assert.All(requests, url => Assert.StartsWith("file://", url, StringComparison.Ordinal));
    }
}
