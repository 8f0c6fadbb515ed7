using System.Text.Json;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Issue 15, "what can it reach": a real build's audit record lists the AI endpoints the code uses (the analyzers'
/// GRD008, carried by the compiler's SARIF error log), approved or not, without printing them at the default verbosity;
/// turning GRD008 off makes the record say the endpoints are unknown (and is GRD305 in Enforce).
/// </summary>
[Collection(PackageCollection.Name)]
public class EndpointRecordTests
{
    private const string Audit = E2eDocuments.AuditRecordFile;

    private readonly PackageFixture _fixture;

    public EndpointRecordTests(PackageFixture fixture) => _fixture = fixture;

    private static readonly string Policy = E2eDocuments.Policy("e2e-endpoints", 1, members: """
        "endpoints": { "approved": ["ai-gateway.contoso.example", "api.groq.com"], "denied": [] }
        """);

    private static JsonElement Endpoints(TestProject project)
    {
        using JsonDocument audit = JsonDocument.Parse(File.ReadAllText(project.PathOf(Audit)));
        Assert.Equal("1.5", audit.RootElement.GetProperty("auditFormat").GetString());
        return audit.RootElement.GetProperty("endpoints").Clone();
    }

    [Fact]
    public void The_record_lists_the_endpoints_the_code_reaches_and_says_unknown_when_GRD008_is_turned_off()
    {
        TestProject project = _fixture.NewGovernedProject(Policy, E2eDocuments.MinimalManifest, ("GuardrailsMode", "Audit"));
        project.Write("Program.cs", """
            using System;
            using System.Net.Http;
            var gateway = new Uri("https://ai-gateway.contoso.example/v1/chat");
            var groq = new HttpClient { BaseAddress = new Uri("https://api.groq.com/openai/v1/") };
            var again = new Uri("https://api.groq.com/openai/v1/models");
            Console.WriteLine(gateway.Host + groq.BaseAddress + again);
            """);
        project.Write("Other.cs", """
            static class Other
            {
                public static System.Uri Anthropic() => new System.Uri("https://api.anthropic.com/v1/messages");
            }
            """);

        DotNet.Result build = project.Build();
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains("warning GRD004", build.Output); // api.anthropic.com is not approved (Audit: a warning)
        Assert.DoesNotContain("GRD008", build.Output); // a record, not a message: nothing at the default verbosity

        JsonElement endpoints = Endpoints(project);
        Assert.True(endpoints.GetProperty("complete").GetBoolean(), endpoints.ToString());
        var hosts = endpoints.GetProperty("hosts").EnumerateArray().ToDictionary(h => h.GetProperty("host").GetString()!);
        Assert.Equal(new[] { "ai-gateway.contoso.example", "api.anthropic.com", "api.groq.com" }, hosts.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal("approved", hosts["ai-gateway.contoso.example"].GetProperty("status").GetString());
        Assert.Equal("approved", hosts["api.groq.com"].GetProperty("status").GetString());
        Assert.Equal(1, hosts["api.groq.com"].GetProperty("files").GetInt32());
        Assert.Equal("notApproved", hosts["api.anthropic.com"].GetProperty("status").GetString());
        Assert.Equal("Anthropic", hosts["api.anthropic.com"].GetProperty("provider").GetString());

        // Turned off: the build (Audit) passes, and the record no longer claims to know.
        project.Write(".editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.GRD008.severity = none\n");
        project.Write("Other.cs", File.ReadAllText(project.PathOf("Other.cs")).Replace("messages", "complete"));
        DotNet.Result off = project.Build();
        Assert.True(off.ExitCode == 0, off.ToString());
        JsonElement unknown = Endpoints(project);
        Assert.False(unknown.GetProperty("complete").GetBoolean(), unknown.ToString());
        Assert.Contains("GRD008 was disabled", unknown.GetProperty("incompleteBecause").GetString());

        // In Enforce the same setting is GRD305.
        project.SetPolicyProperties(("GuardrailsMode", "Enforce"));
        project.Write("Other.cs", "static class Other { }\n");
        DotNet.Result enforce = project.Build();
        Assert.True(enforce.ExitCode != 0, enforce.ToString());
        Assert.Contains("error GRD305", enforce.Output);
    }
}
