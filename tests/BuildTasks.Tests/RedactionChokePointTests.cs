using System.Text.Json;
using System.Text.Json.Nodes;
using Guardrails.BuildTasks.Tests.Policy;
using Guardrails.Tests.Shared;

namespace Guardrails.BuildTasks.Tests;

/// <summary>
/// One choke point for untrusted text: a key placed in any string of the manifest or the policy, or in any string
/// property of the task, never reaches a log message, the audit record, SARIF, the AI-BOM, the effective policy or the
/// checked-state file. Every string leaf is tried in turn (as "m-" + key, the shape of issue 12's model name).
/// </summary>
public class RedactionChokePointTests
{
    private static readonly string Key = FakeKeys.OpenAiProject("ChokePointFakeKeyNotReal");

    private static readonly string Policy = PolicyHarness.BasePolicy.Replace("2026-12-31", "2099-12-31").Replace("2026-09-30", "2099-09-30");

    public static IEnumerable<object[]> ManifestLeaves() => Leaves(PolicyHarness.BaseManifest).Select(p => new object[] { p });

    public static IEnumerable<object[]> PolicyLeaves() => Leaves(Policy).Select(p => new object[] { p });

    [Theory]
    [MemberData(nameof(ManifestLeaves))]
    public void A_key_in_any_manifest_string_reaches_no_output(string path) =>
        AssertNoLeak(Policy, Replace(PolicyHarness.BaseManifest, path), null);

    [Theory]
    [MemberData(nameof(PolicyLeaves))]
    public void A_key_in_any_policy_string_reaches_no_output(string path) =>
        AssertNoLeak(Replace(Policy, path), PolicyHarness.BaseManifest, null);

    [Theory]
    [InlineData("Mode")]
    [InlineData("PolicySha256")]
    [InlineData("CentralMode")]
    [InlineData("CentralPolicyPath")]
    [InlineData("CentralPolicySha256")]
    [InlineData("NoWarn")]
    [InlineData("WarningsNotAsErrors")]
    [InlineData("MSBuildWarningsAsMessages")]
    [InlineData("MSBuildWarningsNotAsErrors")]
    [InlineData("RunAnalyzers")]
    [InlineData("ScanFiles")]
    [InlineData("CheckFootprints")]
    [InlineData("CentralScanFiles")]
    [InlineData("ImportDirectoryBuildProps")]
    [InlineData("Language")]
    [InlineData("RevisionStateFile")]
    public void A_key_in_any_Guardrails_property_reaches_no_output(string property) =>
        AssertNoLeak(Policy, PolicyHarness.BaseManifest, task =>
        {
            task.CentralSettingsCaptured = true;
            if (property == "RevisionStateFile")
            {
                task.DefaultRevisionStateFile = Path.Combine(Path.GetDirectoryName(task.EffectivePolicyFile)!, "default.txt");
            }

            typeof(GuardrailsCheck).GetProperty(property)!.SetValue(task, property == "RevisionStateFile"
                ? Path.Combine(Path.GetDirectoryName(task.EffectivePolicyFile)!, "m-" + Key + ".txt")
                : "m-" + Key);
        });

    private static void AssertNoLeak(string policy, string manifest, Action<GuardrailsCheck>? configure)
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir, policy, manifest);
        runner.Task.SarifFile = Path.Combine(dir.Path, "out", "guardrails.sarif");
        runner.Task.CycloneDxFile = Path.Combine(dir.Path, "out", "ai-bom.cdx.json");
        runner.Task.CheckedStateFile = Path.Combine(dir.Path, "obj", "guardrails", "guardrails.checked.txt");
        configure?.Invoke(runner.Task);
        runner.Run();

        string middle = Key.Substring(12, 24);
        Assert.DoesNotContain(middle, runner.AllLogged);
        Assert.DoesNotContain(middle, string.Join("\n", runner.Engine.Errors.Select(e => e.File).Concat(runner.Engine.Warnings.Select(w => w.File))));
        // Not the effective policy: it is the policy's own content handed to the compiler, and the policy file already holds it.
        foreach (string output in new[] { runner.Task.AuditFile!, runner.Task.SarifFile, runner.Task.CycloneDxFile, runner.Task.CheckedStateFile })
        {
            if (File.Exists(output))
            {
                Assert.False(File.ReadAllText(output).Contains(middle, StringComparison.Ordinal), Path.GetFileName(output) + " holds the key");
            }
        }
    }

    /// <summary>JSON paths of every string value in the document.</summary>
    private static IEnumerable<string> Leaves(string json)
    {
        var paths = new List<string>();
        Walk(JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!, "$", paths);
        return paths;
    }

    private static void Walk(JsonNode node, string path, List<string> paths)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var p in o)
                {
                    if (p.Value != null)
                    {
                        Walk(p.Value, path + "." + p.Key, paths);
                    }
                }

                break;
            case JsonArray a:
                for (int i = 0; i < a.Count; i++)
                {
                    if (a[i] != null)
                    {
                        Walk(a[i]!, path + "[" + i + "]", paths);
                    }
                }

                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                paths.Add(path);
                break;
        }
    }

    private static string Replace(string json, string path)
    {
        JsonNode root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        JsonNode parent = root;
        var parts = System.Text.RegularExpressions.Regex.Matches(path.Substring(1), @"\.([^.\[]+)|\[(\d+)\]").Select(m => m).ToList();
        for (int i = 0; i < parts.Count; i++)
        {
            var m = parts[i];
            bool last = i == parts.Count - 1;
            if (m.Groups[1].Success)
            {
                if (last)
                {
                    parent[m.Groups[1].Value] = "m-" + Key;
                }
                else
                {
                    parent = parent[m.Groups[1].Value]!;
                }
            }
            else
            {
                int index = int.Parse(m.Groups[2].Value);
                if (last)
                {
                    parent[index] = "m-" + Key;
                }
                else
                {
                    parent = parent[index]!;
                }
            }
        }

        return root.ToJsonString();
    }
}
