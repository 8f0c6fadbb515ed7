using Guardrails.Core.Policy;
using Guardrails.Core.Sdks;

namespace Guardrails.Core.Tests;

public class EffectivePolicyTests
{
    [Fact]
    public void Every_section_round_trips_through_the_json_contract()
    {
        var policy = new EffectivePolicy { Mode = "Audit", HasPolicy = true, PolicyFile = "/repo/guardrails.policy.json", PolicyId = "contoso", Revision = 7, OwnerName = "AI Gov", OwnerContact = "ai@contoso.example" };
        policy.ApprovedPackages.Add(new PackageEntry("OpenAI", "[2.1,3.0)", null, 12));
        policy.DeniedPackages.Add(new PackageEntry("Shady.*", null, "no DPA", 20));
        policy.CustomSdks.Add(new CustomSdkEntry(new AiSdk("gw", "gw", "Contoso", new[] { "Contoso.Gw" }, new[] { "Contoso.Gw" }, new[] { "Contoso.Gw" }, new[] { "gw.contoso.example" }, "t", isCustom: true), 30));
        policy.Routes.Add(new RouteEntry("azure-openai", "Azure OpenAI via Azure.AI.OpenAI", new[] { new PackageEntry("Azure.AI.OpenAI", "[2.1,3.0)", null, 41) }, new[] { "*.openai.azure.com" }, 40));
        policy.ApprovedEndpoints.Add(new HostEntry("ai-gateway.contoso.example", null, 50));
        policy.DeniedEndpoints.Add(new HostEntry("*.deepseek.com", "no DPA", 51));
        policy.Waivers.Add(new WaiverEntry("WVR-1", "GRD201", "OpenAI", new DateTimeOffset(2030, 1, 2, 0, 0, 0, TimeSpan.Zero), "li", "eval", 60));
        policy.Packages.Add(new ResolvedPackage("OpenAI", "2.1.0", new[] { "Azure.AI.OpenAI", "OpenAI" }));
        policy.RecordVersion("[2.1,3.0)", "2.1.0", true);
        policy.Add("suppression.waived", "GRD001");
        policy.Add("suppression.waived", "line\nbreak");

        EffectivePolicy read = EffectivePolicy.Read(policy.Write(), out string? error)!;

        Assert.Null(error);
        Assert.Equal(("Audit", true, "/repo/guardrails.policy.json", "contoso", 7L, "AI Gov", "ai@contoso.example"),
            (read.Mode, read.HasPolicy, read.PolicyFile, read.PolicyId, read.Revision!.Value, read.OwnerName, read.OwnerContact));
        Assert.Equal(("OpenAI", "[2.1,3.0)", 12), (read.ApprovedPackages[0].Id, read.ApprovedPackages[0].Versions, read.ApprovedPackages[0].Line));
        Assert.Equal(("Shady.*", "no DPA"), (read.DeniedPackages[0].Id, read.DeniedPackages[0].Reason));
        Assert.Equal(new[] { "gw.contoso.example" }, read.CustomSdks[0].Sdk.EndpointHosts);
        Assert.True(read.CustomSdks[0].Sdk.IsCustom);
        RouteEntry route = Assert.Single(read.Routes);
        Assert.Equal(("azure-openai", "Azure.AI.OpenAI", "[2.1,3.0)", "*.openai.azure.com", 40), (route.Id, route.Packages[0].Id, route.Packages[0].Versions, route.Endpoints[0], route.Line));
        Assert.Equal("*.deepseek.com", read.DeniedEndpoints[0].Host);
        Assert.Equal(("WVR-1", "GRD201", "OpenAI", 2030), (read.Waivers[0].Id, read.Waivers[0].Rule, read.Waivers[0].Subject, read.Waivers[0].Expires.Year));
        Assert.Equal(new[] { "Azure.AI.OpenAI", "OpenAI" }, read.Packages[0].Chain);
        Assert.True(read.LookUpVersion("[2.1,3.0)", "2.1.0"));
        Assert.Null(read.LookUpVersion("[2.1,3.0)", "2.2.0"));
        Assert.Equal(new[] { "GRD001", "line break" }, read.GetAll("suppression.waived"));
    }

    [Theory]
    [InlineData("mode=Enforce\npolicy=true\n")]
    [InlineData("{ \"effectivePolicyFormat\": 1, \"mode\": \"Audit\" }")]
    [InlineData("{ \"mode\": \"Audit\" }")]
    [InlineData("[1,2]")]
    [InlineData("{ \"effectivePolicyFormat\": 2, \"policy\": ")]
    public void Other_formats_and_garbage_are_refused_with_a_reason_never_an_exception(string text)
    {
        Assert.Null(EffectivePolicy.Read(text, out string? error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Malformed_entries_are_skipped_and_unknown_members_ignored()
    {
        string text = "{ \"effectivePolicyFormat\": 2, \"future\": { \"x\": 1 }, \"mode\": \"Relaxed\", \"policy\": { \"present\": true }," +
            " \"packages\": { \"approved\": [ { \"versions\": \"1.0\" }, 3, { \"id\": \"OpenAI\", \"line\": \"x\" } ] }, \"waivers\": [ { \"id\": \"W\", \"rule\": \"GRD201\", \"subject\": \"x\", \"expires\": \"soon\" } ] }";
        EffectivePolicy read = EffectivePolicy.Read(text, out _)!;
        Assert.Equal("Enforce", read.Mode);
        Assert.True(read.HasPolicy);
        Assert.Equal(("OpenAI", 0), (Assert.Single(read.ApprovedPackages).Id, read.ApprovedPackages[0].Line));
        Assert.Empty(read.Waivers);
    }
}
