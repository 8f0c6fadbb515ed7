using System.Text;
using System.Text.Json;
using Guardrails.Tests.Shared;

namespace Guardrails.Cli.Tests;

/// <summary>Adversary round 6 routes closed in `guardrails scan` itself (the CI gate's scan of the whole repository).</summary>
public sealed class Round6ScanRouteTests
{
    private static (string Rule, string File, int Line, string Level)[] Findings(CliRun run)
    {
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        return doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(e => (e.GetProperty("rule").GetString()!, e.GetProperty("file").GetString()!, e.GetProperty("line").GetInt32(), e.GetProperty("level").GetString()!))
            .ToArray();
    }

    /// <summary>#9: one NUL byte made a config file "binary": GRD007 (info) and the key never reported.</summary>
    [Fact]
    public void A_key_in_a_config_file_with_a_stray_NUL_byte_is_GRD002_at_its_line()
    {
        using var repo = new TempRepo();
        repo.Write("App/App.csproj", Documents.Project);
        string key = FakeKeys.OpenAiProject("ScanNulFakeKeyNotReal");
        string path = repo.PathOf("deploy/appsettings.Production.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes("{\0\n  \"OpenAI\": { \"ApiKey\": \"" + key + "\" }\n}\n"));

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(("GRD002", "deploy/appsettings.Production.json", 2, "error"), Findings(run));
        Assert.DoesNotContain(key, run.Out + run.Err);
    }

    /// <summary>#2: .vb, .fs, .fsx, .tt, .patch/.diff and .netrc were read by neither the build nor the scan.</summary>
    [Fact]
    public void Keys_in_other_languages_patches_and_netrc_are_GRD002()
    {
        using var repo = new TempRepo();
        repo.Write("App/App.csproj", Documents.Project);
        string key = FakeKeys.OpenAiProject("ScanKindsFakeKeyNotReal");
        string mistral = FakeKeys.Mistral("MistralFakeKeyForScanNetrc0001");
        repo.Write("vb/Module1.vb", "Module M\n    Const K As String = \"" + key + "\"\nEnd Module\n");
        repo.Write("fs/tool.fsx", "#r \"nuget: OpenAI\"\nlet key = \"" + key + "\"\n");
        repo.Write("gen/Settings.tt", "<#@ template #>\n<# var key = \"" + key + "\"; #>\n");
        repo.Write("patches/add-key.patch", "--- a/.env\n+++ b/.env\n@@ -1 +1,2 @@\n+OPENAI_API_KEY=" + key + "\n");
        repo.Write("ci/.netrc", "machine api.mistral.ai\n  login me\n  password " + mistral + "\n");

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var found = Findings(run);
        Assert.Contains(("GRD002", "vb/Module1.vb", 2, "error"), found);
        Assert.Contains(("GRD002", "fs/tool.fsx", 2, "error"), found);
        Assert.Contains(("GRD002", "gen/Settings.tt", 2, "error"), found);
        Assert.Contains(("GRD002", "patches/add-key.patch", 4, "error"), found);
        Assert.Contains(("GRD002", "ci/.netrc", 3, "error"), found);
        Assert.DoesNotContain(key, run.Out + run.Err);
        Assert.DoesNotContain(mistral, run.Out + run.Err);
    }
}
