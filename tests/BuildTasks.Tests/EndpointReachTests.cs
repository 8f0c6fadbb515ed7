using System.Text.Json;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Reports;
using Guardrails.Core.Json;
using Guardrails.Core.Policy;

namespace Guardrails.BuildTasks.Tests;

/// <summary>The record's "endpoints": each host once, lower case, its files counted, its status from the one evaluator.</summary>
public class EndpointReachTests
{
    private static JsonElement Section(string policyLines, string? incomplete, params (string Host, string File)[] uses)
    {
        EffectivePolicy policy = EffectivePolicy.Read(Guardrails.Tests.Shared.EffectivePolicyText.Json(policyLines), out _)!;
        object section = EndpointReach.Section(uses.Select(u => new EndpointUse(u.Host, u.File)), PolicyVerdicts.From(policy), incomplete, "test");
        return JsonDocument.Parse(JsonWriter.Write(section)).RootElement.Clone();
    }

    [Fact]
    public void Hosts_are_counted_by_distinct_file_and_judged_approved_not_approved_or_denied()
    {
        JsonElement s = Section(
            "policy=true\nowner.contact=ai@contoso.example\nendpoint.approved=*.openai.azure.com\nendpoint.denied=api.deepseek.com\npackage.approved=Anthropic\n",
            null,
            ("contoso.openai.azure.com", "/a.cs"), ("Contoso.OpenAI.Azure.com", "/b.cs"), ("contoso.openai.azure.com", "/b.cs"),
            ("api.groq.com", "/a.cs"), ("api.deepseek.com", "/c.cs"), ("api.anthropic.com", "/appsettings.json"));

        Assert.True(s.GetProperty("complete").GetBoolean());
        var hosts = s.GetProperty("hosts").EnumerateArray().ToDictionary(h => h.GetProperty("host").GetString()!);
        Assert.Equal(new[] { "api.anthropic.com", "api.deepseek.com", "api.groq.com", "contoso.openai.azure.com" }, hosts.Keys);
        Assert.Equal(2, hosts["contoso.openai.azure.com"].GetProperty("files").GetInt32());
        Assert.Equal("approved", hosts["contoso.openai.azure.com"].GetProperty("status").GetString());
        Assert.Contains("endpoints.approved '*.openai.azure.com'", hosts["contoso.openai.azure.com"].GetProperty("decidedBy").GetString());
        Assert.Equal("approved", hosts["api.anthropic.com"].GetProperty("status").GetString());
        Assert.Equal("notApproved", hosts["api.groq.com"].GetProperty("status").GetString());
        Assert.Equal("Groq", hosts["api.groq.com"].GetProperty("provider").GetString());
        Assert.Equal("denied", hosts["api.deepseek.com"].GetProperty("status").GetString());
    }

    [Fact]
    public void The_section_says_what_complete_covers_and_what_it_does_not()
    {
        // Adversary round 9 route 2: the record said complete with no word on what was judged.
        JsonElement s = Section("policy=true\n", null, ("api.openai.com", "/Program.cs"));
        Assert.True(s.GetProperty("complete").GetBoolean());
        string covers = s.GetProperty("covers").GetString()!;
        Assert.Contains("every string constant of the C# code as the compiler folds it", covers);
        Assert.Contains("not an address the program computes at run time", covers);
    }

    [Fact]
    public void Without_a_policy_every_status_is_unknown_and_an_incomplete_list_says_why()
    {
        object section = EndpointReach.Section(new[] { new EndpointUse("api.openai.com", "/a.cs") }, null, "GRD008 was disabled", "test");
        JsonElement s = JsonDocument.Parse(JsonWriter.Write(section)).RootElement;
        Assert.False(s.GetProperty("complete").GetBoolean());
        Assert.Equal("GRD008 was disabled", s.GetProperty("incompleteBecause").GetString());
        Assert.Equal("unknown", s.GetProperty("hosts")[0].GetProperty("status").GetString());
    }
}
