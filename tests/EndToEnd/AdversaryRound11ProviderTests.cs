using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 11 routes 14, 2 and 11, each with the repository content of the round's repro
/// (/work/wt/adv11/repro-14, repro-14b, repro-2, repro-11) in a real Enforce build of the packed package: an approved
/// assistant pointed at another provider's API, OpenAI's data-residency hosts and OpenAI-compatible hosts the catalog
/// lacked, and keys of catalogued providers under their own names. Main: each build green (route 11: warnings only).
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound11ProviderTests
{
    private const string Approval = "\"approval\": { \"approvedBy\": \"sec@example.test\", \"approvedAt\": \"2026-01-01\", \"expiresAt\": \"2099-12-31\" }";

    private static readonly string Policy = E2eDocuments.Policy("e2e-adv11-providers", 1, members: """
        "assistants": [
          { "id": "github-copilot", "models": { "allow": ["gpt-4.1", "claude-sonnet-4*"] }, __APPROVAL__ },
          { "id": "claude-code", "models": { "allow": ["claude-sonnet-4*"] }, __APPROVAL__ }
        ],
        "packages": { "approved": [ { "id": "Azure.AI.OpenAI", "versions": "[2.1,3.0)" } ] }
        """.Replace("__APPROVAL__", Approval));

    private readonly PackageFixture _fixture;

    public AdversaryRound11ProviderTests(PackageFixture fixture) => _fixture = fixture;

    private TestProject NewRepository(string assistants)
    {
        TestProject project = _fixture.NewGovernedProject(Policy,
            "{ \"manifestFormat\": \"1.0\", \"repository\": \"example/e2e\", \"owner\": { \"team\": \"T\", \"contact\": \"t@example.test\" }, \"assistants\": " + assistants + " }",
            ("GuardrailsMode", "Enforce"));
        Directory.CreateDirectory(project.PathOf(".git"));
        return project;
    }

    /// <summary>
    /// Route 14 (repro-14, repro-14b): Copilot's bring-your-own-key models at xAI, OpenAI and DeepSeek in the committed
    /// VS Code settings, and Claude Code's ANTHROPIC_BASE_URL at DeepSeek's Anthropic-compatible API. Main: build green,
    /// the record says the approved assistants with their approved models. Now: GRD138 naming each provider, GRD133 for
    /// the Copilot models the policy does not allow.
    /// </summary>
    [Fact]
    public void Route14_approved_assistants_pointed_at_other_providers_fail_the_Enforce_build()
    {
        TestProject project = NewRepository("[ { \"id\": \"github-copilot\" }, { \"id\": \"claude-code\" } ]");
        project.Write(".github/copilot-instructions.md", "Follow the repository conventions.\n");
        project.Write(".vscode/settings.json", """
            {
              "github.copilot.chat.customOAIModels": {
                "grok-4":            { "name": "Grok 4",      "url": "https://api.x.ai/v1",        "toolCalling": true, "requiresAPIKey": true },
                "gpt-5-pro":         { "name": "GPT-5 pro",   "url": "https://api.openai.com/v1",  "toolCalling": true, "requiresAPIKey": true },
                "deepseek-reasoner": { "name": "DeepSeek R1", "url": "https://api.deepseek.com/v1","toolCalling": true, "requiresAPIKey": true }
              }
            }
            """);
        project.Write(".claude/settings.json", "{\n  \"env\": {\n    \"ANTHROPIC_BASE_URL\": \"https://api.deepseek.com/anthropic\",\n    \"ANTHROPIC_MODEL\": \"claude-sonnet-4-5\"\n  }\n}\n");

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(@"\.vscode[/\\]settings\.json\(3,\d+\): Guardrails error GRD138: [^\n]*'api\.x\.ai', an endpoint of xAI", result.Output);
        Assert.Matches(@"\.vscode[/\\]settings\.json\(4,\d+\): Guardrails error GRD138: [^\n]*'api\.openai\.com', an endpoint of OpenAI", result.Output);
        Assert.Matches(@"\.vscode[/\\]settings\.json\(5,\d+\): Guardrails error GRD138: [^\n]*'api\.deepseek\.com', an endpoint of DeepSeek", result.Output);
        Assert.Matches(@"\.vscode[/\\]settings\.json\(3,\d+\): Guardrails error GRD133: [^\n]*'grok-4'", result.Output);
        Assert.Matches(@"\.vscode[/\\]settings\.json\(5,\d+\): Guardrails error GRD133: [^\n]*'deepseek-reasoner'", result.Output);
        Assert.Matches(@"\.claude[/\\]settings\.json\(3,\d+\): Guardrails error GRD138: [^\n]*'api\.deepseek\.com', an endpoint of DeepSeek", result.Output);
    }

    /// <summary>
    /// Route 2 (repro-2): raw HTTP calls to OpenAI's US data-residency host and through Cloudflare's AI Gateway, and an
    /// OpenAI-compatible provider's host in appsettings.json, under a policy that approves only Azure OpenAI. Main: build
    /// green, the record's endpoints complete with no hosts. Now: GRD004 at each.
    /// </summary>
    [Fact]
    public void Route2_OpenAI_regional_hosts_gateways_and_compatible_providers_fail_the_Enforce_build()
    {
        TestProject project = NewRepository("[]");
        project.Write("Program.cs",
            "using System.Net.Http;\n" +
            "var http = new HttpClient();\n" +
            "var body = new StringContent(\"{}\");\n" +
            "var r1 = await http.PostAsync(\"https://\" + \"us.api.openai.com/v1/chat/completions\", body);\n" +
            "var r2 = await http.PostAsync(\"https://\" + \"gateway.ai.cloudflare.com/v1/acct/gw/openai/chat/completions\", body);\n" +
            "System.Console.WriteLine($\"{r1.StatusCode} {r2.StatusCode}\");\n");
        project.Write("appsettings.json", "{\n  \"Llm\": {\n    \"Endpoint\": \"https://" + "api.siliconflow.cn/v1\"\n  }\n}\n");

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Matches(@"Program\.cs\(4,\d+\): error GRD004: [^\n]*us\.api\.openai\.com", result.Output);
        Assert.Matches(@"Program\.cs\(5,\d+\): error GRD004: [^\n]*gateway\.ai\.cloudflare\.com", result.Output);
        Assert.Matches(@"appsettings\.json\(3,\d+\): (Guardrails )?error GRD004: [^\n]*api\.siliconflow\.cn", result.Output);
    }

    /// <summary>
    /// Route 11 (repro-11): appsettings.json with keys of DashScope, Moonshot, Zhipu, SiliconFlow, Volcengine Ark and
    /// SambaNova under their own names (fake values of each documented shape). Main: two GRD006 warnings, build green.
    /// Now: GRD002 (an error) at each, naming the provider, the key never printed whole.
    /// </summary>
    [Fact]
    public void Route11_keys_of_catalogued_providers_under_their_own_names_fail_the_Enforce_build()
    {
        TestProject project = NewRepository("[]");
        string[] keys = { FakeKeys.DashScope(), FakeKeys.Moonshot(), FakeKeys.Zhipu(), FakeKeys.SiliconFlow(), FakeKeys.VolcengineArk(), FakeKeys.SambaNova() };
        project.Write("appsettings.json",
            "{\n" +
            "  \"DASHSCOPE_API_KEY\": \"" + keys[0] + "\",\n" +
            "  \"MOONSHOT_API_KEY\": \"" + keys[1] + "\",\n" +
            "  \"ZHIPUAI_API_KEY\": \"" + keys[2] + "\",\n" +
            "  \"SILICONFLOW_API_KEY\": \"" + keys[3] + "\",\n" +
            "  \"ARK_API_KEY\": \"" + keys[4] + "\",\n" +
            "  \"SAMBANOVA_API_KEY\": \"" + keys[5] + "\"\n" +
            "}\n");

        DotNet.Result result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        string[] providers = { "DashScope", "Moonshot", "Zhipu", "SiliconFlow", "Volcengine Ark", "SambaNova" };
        for (int i = 0; i < providers.Length; i++)
        {
            Assert.Matches(@"appsettings\.json\(" + (i + 2) + @",\d+\): (Guardrails )?error GRD002: [^\n]*" + providers[i], result.Output);
            Assert.DoesNotContain(keys[i], result.Output);
        }

        Assert.DoesNotContain("warning GRD006", result.Output);
    }
}
