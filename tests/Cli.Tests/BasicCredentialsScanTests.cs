using System.Text;
using System.Text.Json;
using Guardrails.Tests.Shared;

namespace Guardrails.Cli.Tests;

/// <summary>
/// Adversary round 12 route 6 (repro-5's content): an OpenAI key inside <c>Authorization: Basic &lt;base64&gt;</c> in a shell
/// script's curl line, a Python script, a TypeScript file and README.md. `guardrails scan` exited 0; each is GRD002 now, and
/// no output holds the key.
/// </summary>
public sealed class BasicCredentialsScanTests
{
    [Fact]
    public void Basic_credentials_holding_a_key_in_scripts_code_and_docs_are_GRD002_in_the_scan()
    {
        string key = FakeKeys.OpenAiProject("BasicScanFakeKeyNotReal");
        string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("user:" + key));
        using var repo = new TempRepo();
        repo.Write("scripts/models.sh", "#!/bin/sh\ncurl -s -H \"Authorization: Basic " + encoded + "\" https://api.openai.com/v1/models\n");
        repo.Write("tools/ask.py", "import requests\nrequests.get(URL, headers={\"Authorization\": \"Basic " + encoded + "\"})\n");
        repo.Write("web/ask.ts", "const headers = { Authorization: `Basic " + encoded + "` };\n");
        repo.Write("README.md", "Try:\n\n    curl -H 'Authorization: Basic " + encoded + "' https://api.openai.com/v1/models\n");

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        var found = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == "GRD002")
            .Select(f => (f.GetProperty("file").GetString(), f.GetProperty("line").GetInt32()))
            .OrderBy(f => f.Item1, StringComparer.Ordinal).ToArray();
        Assert.Equal(new (string?, int)[] { ("README.md", 3), ("scripts/models.sh", 2), ("tools/ask.py", 2), ("web/ask.ts", 1) }, found);
        Assert.DoesNotContain(key, run.Out + run.Err);
        Assert.DoesNotContain(encoded, run.Out + run.Err);
    }
}
