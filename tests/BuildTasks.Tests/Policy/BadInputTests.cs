using System.Text;
using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Foundation;
using static Guardrails.BuildTasks.Tests.Policy.PolicyHarness;

namespace Guardrails.BuildTasks.Tests.Policy;

public class BadInputTests
{
    [Fact]
    public void Comments_and_trailing_commas_are_allowed_in_both_files()
    {
        string policy = BasePolicy.Edit("\"revision\": 3,", "// owned by AI Governance\n  \"revision\": 3, /* bump on every change */").Edit("\"ai-gov@example.test\", \"approvers\": [\"dana\", \"li\"] }", "\"ai-gov@example.test\", \"approvers\": [\"dana\", \"li\",], }");
        string manifest = BaseManifest.Edit("\"waivers\": []", "\"waivers\": [], // none");
        Assert.Empty(Check(policy, manifest).Result.Findings);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted()
    {
        using var dir = new TempDir();
        string policy = dir.WriteBytes("p.json", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(BasePolicy)).ToArray());
        string manifest = dir.WriteBytes("m.json", Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(BaseManifest)).ToArray());
        var result = GuardrailsChecker.Run(new CheckRequest { ProjectPath = Path.Combine(dir.Path, "A.csproj"), PolicyPath = policy, ManifestPath = manifest, Now = Now });
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void A_manifest_that_is_a_directory_gets_a_clear_message()
    {
        using var dir = new TempDir();
        string policy = dir.Write("p.json", BasePolicy);
        string folder = Path.Combine(dir.Path, "ai-assistants.json");
        Directory.CreateDirectory(folder);
        var f = Assert.Single(GuardrailsChecker.Run(new CheckRequest { ProjectPath = Path.Combine(dir.Path, "A.csproj"), PolicyPath = policy, ManifestPath = folder, Now = Now }).Findings);
        Assert.Equal("GRD103", f.Rule.Id);
        Assert.Contains("is a directory, not a file", f.Message);
    }

    [Fact]
    public void A_50_MB_policy_is_refused_without_being_read()
    {
        using var dir = new TempDir();
        string policy = Path.Combine(dir.Path, "p.json");
        using (FileStream fs = File.Create(policy))
        {
            fs.SetLength(50L * 1024 * 1024);
        }

        var f = Assert.Single(GuardrailsChecker.Run(new CheckRequest { ProjectPath = Path.Combine(dir.Path, "A.csproj"), PolicyPath = policy, Now = Now }).Findings);
        Assert.Equal("GRD101", f.Rule.Id);
        Assert.Contains("limit", f.Message);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"policy\"")]
    [InlineData("{ \"policyFormat\": 1 }")]
    [InlineData("{ \"policyFormat\": \"1.0\", \"assistants\": {}, \"tiers\": [], \"owner\": \"me\", \"waivers\": [1, null, \"x\"] }")]
    [InlineData("{ \"policyFormat\": \"1.0\", \"assistants\": [ { \"id\": \"\\u0000\\n\" } ], \"mcpServers\": { \"allow\": [ { } ] } }")]
    public void Hostile_or_mistyped_policies_give_coded_findings_and_never_throw(string policy)
    {
        var run = Check(policy);
        Assert.NotEmpty(run.Result.Findings);
        Assert.All(run.Result.Findings, f => Assert.Matches("^GRD1(0[1-9]|1[0-9]|2[0-9])$", f.Rule.Id));
        Assert.All(run.Result.Findings, f => Assert.DoesNotContain("\n", f.Message));
        Assert.False(run.Result.Effective.HasPolicy);
    }

    /// <summary>endpoints.denied entries in the object form (a deny with exceptions): a bad one is a coded error at its line.</summary>
    [Theory]
    [InlineData("{ \"host\": \"https://api.openai.com/v1\" }", "GRD107", "not URLs")]
    [InlineData("{ \"except\": [\"contoso-*.openai.azure.com\"] }", "GRD107", "missing the required field 'host'")]
    [InlineData("{ \"host\": \"*.openai.azure.com\", \"except\": [\"https://contoso.openai.azure.com/\"] }", "GRD107", ".except")]
    [InlineData("{ \"host\": \"*.openai.azure.com\", \"exept\": [\"contoso-*.openai.azure.com\"] }", "GRD106", "exept")]
    [InlineData("42", "GRD107", "or an object like")]
    public void A_bad_endpoints_denied_entry_is_a_coded_error_at_its_line(string entry, string rule, string says)
    {
        string policy = BasePolicy.Edit("\"endpoints\": { \"approved\": [\"ai-gateway.contoso.example\"] },", "\"endpoints\": { \"approved\": [\"ai-gateway.contoso.example\"], \"denied\": [\n    " + entry + "\n  ] },");
        var f = Assert.Single(Check(policy).Result.Findings, x => x.Rule.Id == rule);
        Assert.Contains(says, f.Message);
        Assert.Equal(PositionOf(policy, entry).Line, f.Line);
    }
}
