using System.Text.Json;
using System.Text.RegularExpressions;
using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Results;
using Guardrails.Core.Policy;
using Guardrails.Tests.Shared;

namespace Guardrails.BuildTasks.Tests.Policy;

/// <summary>
/// The policy examples of the documentation are tested by extraction: every ```json block of the README and of the
/// pages under docs/ (docs/policy.md, docs/rollout.md, the rule pages) that is a policy (a whole one, or a fragment
/// of top-level policy fields) is read by the real PolicyReader with no finding; every block that is a team manifest
/// by the real ManifestReader. Where the text after a route example states an outcome, the sentence is quoted here
/// and the outcome asserted through the one evaluator (PolicyVerdicts), the package gate and the analyzers' view of
/// the effective policy; and each route example is the sample file it names.
/// </summary>
public class PolicyDocsExamplesTests
{
    /// <summary>The README and every page under docs/ (the rule pages included).</summary>
    private static readonly string[] Documents = new[] { "README.md" }
        .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepoPaths.Root, p).Replace('\\', '/'))
            .OrderBy(p => p, StringComparer.Ordinal))
        .ToArray();

    private static readonly HashSet<string> PolicyFields = new(StringComparer.Ordinal)
    {
        "policyFormat", "policyId", "revision", "reviewBy", "owner", "defaults", "dataClasses", "tiers", "allowLocalSuppression",
        "assistants", "mcpServers", "packages", "routes", "endpoints", "waivers",
    };

    private static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static IEnumerable<object[]> PolicyBlocks() => Blocks().Where(b => Kind(b.Json) == "policy").Select(b => new object[] { b.File, b.Line });

    public static IEnumerable<object[]> ManifestBlocks() => Blocks().Where(b => Kind(b.Json) == "manifest").Select(b => new object[] { b.File, b.Line });

    [Fact]
    public void The_documents_hold_the_policy_and_manifest_examples_this_test_reads()
    {
        // A changed fence or a renamed field must not make the examples silently drop out of the test.
        Assert.True(PolicyBlocks().Count() >= 6, string.Join(", ", PolicyBlocks().Select(b => b[0] + ":" + b[1])));
        Assert.NotEmpty(ManifestBlocks());
        Assert.Contains(PolicyBlocks(), b => (string)b[0] == "docs/rollout.md");
        Assert.Contains(ManifestBlocks(), b => (string)b[0] == "docs/rules/GRD103.md");
    }

    [Theory]
    [MemberData(nameof(PolicyBlocks))]
    public void Every_policy_example_is_a_valid_policy(string file, int line)
    {
        string policy = AsPolicy(Block(file, line));
        var (result, dir) = ProjectCheck.Run(policy, Assets.Build(Array.Empty<string>()));
        using (dir)
        {
            // The policy's own findings: a manifest that does not fit an example (a tier it does not name) is not the example's fault.
            var inPolicy = result.Findings.Where(f => f.File.EndsWith("guardrails.policy.json", StringComparison.Ordinal)).ToList();
            Assert.True(result.PolicyErrors == 0 && result.Policy != null && inPolicy.Count == 0,
                file + " line " + line + ":\n" + string.Join("\n", inPolicy.Select(f => f.Rule.Id + " (" + f.Line + "," + f.Column + ") " + f.Message)) + "\n" + policy);
        }
    }

    [Theory]
    [MemberData(nameof(ManifestBlocks))]
    public void Every_manifest_example_is_a_valid_manifest(string file, int line)
    {
        using var dir = new TempDir();
        string path = dir.Write("ai-assistants.json", Block(file, line));
        CheckResult result = GuardrailsChecker.Run(new CheckRequest
        {
            ProjectPath = Path.Combine(dir.Path, "App.csproj"),
            PolicyPath = dir.Write("policy/guardrails.policy.json", AsPolicy("{ \"tiers\": { \"internal\": { \"maxDataClass\": \"internal\" } } }")),
            ManifestPath = path,
            Mode = "Enforce",
            Now = PolicyHarness.Now,
            CheckFootprints = false,
        });
        Assert.True(result.Manifest != null && result.Findings.Count == 0, file + " line " + line + ":\n" + string.Join("\n", result.Findings.Select(f => f.Rule.Id + " " + f.Message)));
    }

    public static IEnumerable<object[]> RouteExamples() => new[]
    {
        new object[] { "azure-openai" }, new object[] { "anthropic-bedrock" }, new object[] { "semantic-kernel-azure-openai" }, new object[] { "extensions-ai-openai" },
    };

    [Theory]
    [MemberData(nameof(RouteExamples))]
    public void Each_route_example_is_the_sample_file_it_names(string route)
    {
        (string file, int line, string json) = Blocks().Single(b => b.File == "docs/policy.md" && b.Json.Contains("\"id\": \"" + route + "\"", StringComparison.Ordinal));
        string sample = File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "policy", "routes", route + ".policy.json"));
        // The paragraph that introduces the example names the file.
        string before = Text(file).Substring(0, Offset(file, line) - "```json\n".Length).TrimEnd();
        string paragraph = before.Substring(before.LastIndexOf("\n\n", StringComparison.Ordinal) + 2);
        Assert.Contains(route + ".policy.json", paragraph, StringComparison.Ordinal);
        using JsonDocument example = JsonDocument.Parse("{" + json + "}", Lenient);
        using JsonDocument expected = JsonDocument.Parse(sample, Lenient);
        foreach (JsonProperty field in example.RootElement.EnumerateObject())
        {
            Assert.True(expected.RootElement.TryGetProperty(field.Name, out JsonElement inSample), route + ": the sample has no '" + field.Name + "'");
            Assert.True(JsonElement.DeepEquals(field.Value, inSample), route + ": '" + field.Name + "' differs from samples/policy/routes/" + route + ".policy.json");
        }
    }

    [Fact]
    public void The_azure_openai_route_example_does_what_the_text_says()
    {
        var (result, view) = Run("azure-openai",
            "`new AzureOpenAIClient(endpoint, credential).GetChatClient(\"gpt-4o\").CompleteChat(…)` builds clean; the `OpenAI`\npackage it depends on passes; `new OpenAIClient(key)` is `GRD003`",
            Assets.Build(new[] { "Azure.AI.OpenAI" }, ("Azure.AI.OpenAI", "2.1.0", new[] { "OpenAI/2.1.0" }), ("OpenAI", "2.1.0", Array.Empty<string>())));
        Assert.Empty(result.Findings);
        Assert.Equal(Verdict.Approved, view.Assembly("Azure.AI.OpenAI")!.Verdict);
        Decision openAi = view.Assembly("OpenAI")!;
        Assert.True(openAi.OnlyThroughRoute);
        Assert.True(openAi.Sdk!.IsOwnClientEntryPoint(true, false, "OpenAIClient"));
        Assert.Contains("`\"https://api.openai.com/v1\"` is `GRD004` (denied)", Text("docs/policy.md"), StringComparison.Ordinal);
        Assert.Equal(Verdict.Denied, view.Host("api.openai.com").Verdict);
        Assert.True(view.Host("contoso.openai.azure.com").Passes);
    }

    [Fact]
    public void The_anthropic_bedrock_route_example_does_what_the_text_says()
    {
        var (result, view) = Run("anthropic-bedrock",
            "`AnthropicBedrockClient` and the `Anthropic` request and response types it uses pass; `new AnthropicClient()`\n(api.anthropic.com) is `GRD003`",
            Assets.Build(new[] { "Anthropic.Bedrock" }, ("Anthropic.Bedrock", "1.0.7", new[] { "Anthropic/13.15.0", "AWSSDK.Core/4.0.3.3" }), ("Anthropic", "13.15.0", Array.Empty<string>()), ("AWSSDK.Core", "4.0.3.3", Array.Empty<string>())));
        Assert.Empty(result.Findings);
        Assert.Equal(Verdict.Approved, view.Assembly("Anthropic.Bedrock")!.Verdict);
        Decision anthropic = view.Assembly("Anthropic")!;
        Assert.True(anthropic.OnlyThroughRoute);
        Assert.True(anthropic.Sdk!.IsOwnClientEntryPoint(true, false, "AnthropicClient"));
        Assert.False(view.Host("api.anthropic.com").Passes);
        Assert.True(view.Host("bedrock-runtime.us-east-1.amazonaws.com").Passes);
    }

    [Fact]
    public void The_semantic_kernel_route_example_does_what_the_text_says()
    {
        var (result, view) = Run("semantic-kernel-azure-openai",
            "The connector brings Semantic Kernel's core, the OpenAI connector, `Azure.AI.OpenAI` and `OpenAI`: all pass as\ndependencies, `Kernel.CreateBuilder().AddAzureOpenAIChatCompletion(…)` passes, `AddOpenAIChatCompletion(…)` is `GRD003`.",
            Assets.Build(new[] { "Microsoft.SemanticKernel.Connectors.AzureOpenAI" },
                ("Microsoft.SemanticKernel.Connectors.AzureOpenAI", "1.82.0", new[] { "Azure.AI.OpenAI/2.9.0-beta.1", "Microsoft.SemanticKernel.Connectors.OpenAI/1.82.0", "Microsoft.SemanticKernel.Core/1.82.0" }),
                ("Microsoft.SemanticKernel.Connectors.OpenAI", "1.82.0", new[] { "Microsoft.Extensions.AI.OpenAI/10.5.0", "Microsoft.SemanticKernel.Core/1.82.0", "OpenAI/2.10.0" }),
                ("Microsoft.SemanticKernel.Core", "1.82.0", new[] { "Microsoft.SemanticKernel.Abstractions/1.82.0" }),
                ("Microsoft.SemanticKernel.Abstractions", "1.82.0", new[] { "Microsoft.Extensions.AI/10.5.0" }),
                ("Microsoft.Extensions.AI", "10.5.0", Array.Empty<string>()),
                ("Microsoft.Extensions.AI.OpenAI", "10.5.0", new[] { "OpenAI/2.10.0" }),
                ("Azure.AI.OpenAI", "2.9.0-beta.1", new[] { "OpenAI/2.10.0" }),
                ("OpenAI", "2.10.0", Array.Empty<string>())));
        Assert.Empty(result.Findings);
        Decision azureConnector = view.Assembly("Microsoft.SemanticKernel.Connectors.AzureOpenAI")!;
        Assert.Equal(Verdict.Approved, azureConnector.Verdict);
        foreach (string dependency in new[] { "Microsoft.SemanticKernel.Core", "Microsoft.SemanticKernel.Connectors.OpenAI", "Azure.AI.OpenAI", "OpenAI" })
        {
            Assert.True(view.Assembly(dependency)!.OnlyThroughRoute, dependency);
        }

        Assert.True(view.Assembly("Microsoft.SemanticKernel.Connectors.OpenAI")!.Sdk!.IsOwnClientEntryPoint(false, true, "AddOpenAIChatCompletion"));
    }

    [Fact]
    public void The_extensions_ai_route_example_does_what_the_text_says()
    {
        var (result, view) = Run("extensions-ai-openai",
            "`new OpenAIClient(key).GetChatClient(\"gpt-4o\").AsIChatClient()`\npasses, and so does `api.openai.com`.",
            Assets.Build(new[] { "Microsoft.Extensions.AI.OpenAI", "Microsoft.Extensions.AI" },
                ("Microsoft.Extensions.AI.OpenAI", "10.11.0", new[] { "OpenAI/2.14.0" }),
                ("Microsoft.Extensions.AI", "10.11.0", Array.Empty<string>()),
                ("OpenAI", "2.14.0", Array.Empty<string>())));
        Assert.Empty(result.Findings);
        Assert.Equal(Verdict.Approved, view.Assembly("OpenAI")!.Verdict);
        Assert.Equal(Verdict.Approved, view.Assembly("Microsoft.Extensions.AI.OpenAI")!.Verdict);
        Assert.True(view.Host("api.openai.com").Passes);
    }

    /// <summary>Checks the route example of docs/policy.md (as a policy) against <paramref name="assets"/>, after making sure the text after it says <paramref name="statement"/>.</summary>
    private static (CheckResult Result, PolicyVerdicts View) Run(string route, string statement, string assets)
    {
        (string file, int line, string json) = Blocks().Single(b => b.File == "docs/policy.md" && b.Json.Contains("\"id\": \"" + route + "\"", StringComparison.Ordinal));
        string text = Text(file);
        int after = text.IndexOf("\n```", Offset(file, line), StringComparison.Ordinal);
        int next = text.IndexOf("```json", after + 4, StringComparison.Ordinal);
        string prose = text.Substring(after, (next < 0 ? text.Length : next) - after);
        Assert.True(prose.Contains(statement, StringComparison.Ordinal), "docs/policy.md no longer says, after the '" + route + "' example: " + statement);
        var (result, dir) = ProjectCheck.Run(AsPolicy(json), assets);
        using (dir)
        {
            return (result, ProjectCheck.AnalyzerView(result));
        }
    }

    private static string Text(string file) => File.ReadAllText(Path.Combine(RepoPaths.Root, file)).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Offset of the first character of line <paramref name="line"/>.</summary>
    private static int Offset(string file, int line)
    {
        string text = Text(file);
        int at = 0;
        for (int i = 1; i < line; i++)
        {
            at = text.IndexOf('\n', at) + 1;
        }

        return at;
    }

    private static string Block(string file, int line) => Blocks().Single(b => b.File == file && b.Line == line).Json;

    /// <summary>Every ```json block: the file, the line of its first content line, the content.</summary>
    private static IEnumerable<(string File, int Line, string Json)> Blocks()
    {
        foreach (string file in Documents)
        {
            string text = Text(file);
            foreach (Match m in Regex.Matches(text, "^```json\\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline))
            {
                int line = text.Take(m.Index).Count(c => c == '\n') + 2;
                yield return (file, line, m.Groups[1].Value);
            }
        }
    }

    /// <summary>"policy", "manifest" or "other" (an audit record, or text with elisions that is no JSON).</summary>
    private static string Kind(string json)
    {
        string trimmed = json.Trim();
        string whole = trimmed.StartsWith('{') ? trimmed : "{" + trimmed + "}";
        try
        {
            using JsonDocument doc = JsonDocument.Parse(whole, Lenient);
            var names = doc.RootElement.EnumerateObject().Select(p => p.Name).Where(n => n != "$schema").ToList();
            if (names.Contains("manifestFormat"))
            {
                return "manifest";
            }

            return names.Count > 0 && names.All(PolicyFields.Contains) ? "policy" : "other";
        }
        catch (JsonException)
        {
            return "other";
        }
    }

    /// <summary>A whole policy as is; a fragment inside a policy that has every required field it does not give itself.</summary>
    private static string AsPolicy(string json)
    {
        string trimmed = json.Trim();
        if (trimmed.StartsWith('{'))
        {
            using JsonDocument doc = JsonDocument.Parse(trimmed, Lenient);
            if (doc.RootElement.TryGetProperty("policyFormat", out _))
            {
                return trimmed;
            }

            trimmed = trimmed.Substring(1, trimmed.Length - 2).Trim();
        }

        var given = new HashSet<string>(JsonDocument.Parse("{" + trimmed + "}", Lenient).RootElement.EnumerateObject().Select(p => p.Name));
        var parts = new List<string>
        {
            "\"policyFormat\": \"1.0\"", "\"policyId\": \"docs-example\"", "\"revision\": 1",
        };
        if (!given.Contains("owner"))
        {
            parts.Add("\"owner\": { \"name\": \"AI Governance\", \"contact\": \"ai-governance@contoso.example\", \"approvers\": [\"jane.doe\", \"li.wei@contoso.example\"] }");
        }

        if (given.Contains("tiers") && !given.Contains("dataClasses"))
        {
            parts.Add("\"dataClasses\": [\"public\", \"internal\", \"confidential\", \"restricted\"]");
        }

        parts.Add(trimmed);
        return "{\n" + string.Join(",\n", parts) + "\n}\n";
    }
}
