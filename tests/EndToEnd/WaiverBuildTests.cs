using System.Text.Json;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Waivers in real Enforce builds with the real OpenAI 2.1.0 from nuget.org: each waived finding stays visible as a
/// warning that names the waiver and its last day, the build passes and the audit record names the waiver; expired, the
/// same findings fail the build.
/// </summary>
[Collection(PackageCollection.Name)]
public class WaiverBuildTests
{
    private const string Program = """
        using OpenAI.Chat;

        var chat = new ChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "missing");
        var endpoint = new Uri("https://api.openai.com/v1");
        Console.WriteLine(chat.GetHashCode() + endpoint.Host);
        """;

    private readonly PackageFixture _fixture;

    public WaiverBuildTests(PackageFixture fixture) => _fixture = fixture;

    /// <summary>A policy that approves no AI SDK and waives OpenAI's package (which reaches GRD003) and api.openai.com until the given days.</summary>
    private static string Policy(int revision, string packageUntil, string endpointUntil) => E2eDocuments.Policy("e2e-waivers", revision, members: $$"""
        "dataClasses": ["public", "internal"],
        "tiers": { "standard": { "maxDataClass": "internal" } },
        "waivers": [
          { "id": "W-OPENAI", "rule": "GRD201", "subject": "OpenAI", "approvedBy": "sec@example.test", "approvedAt": "2025-01-01", "expiresAt": "{{packageUntil}}", "reason": "pilot" },
          { "id": "W-ENDPOINT", "rule": "GRD004", "subject": "api.openai.com", "approvedBy": "sec@example.test", "approvedAt": "2025-01-01", "expiresAt": "{{endpointUntil}}", "reason": "direct calls in the pilot" }
        ]
        """);

    private static readonly string Manifest = E2eDocuments.Manifest("standard", "internal", "\"assistants\": [],\n\"waivers\": [\"W-OPENAI\", \"W-ENDPOINT\"]");

    private static JsonElement Record(TestProject project)
    {
        using JsonDocument audit = JsonDocument.Parse(File.ReadAllText(project.PathOf(E2eDocuments.AuditRecordFile)));
        return audit.RootElement.Clone();
    }

    [Fact]
    public void Waived_GRD003_and_GRD004_are_warnings_naming_the_waiver_and_its_last_day_and_the_build_passes_until_the_waivers_expire()
    {
        TestProject project = _fixture.NewPinnedProject(Policy(2, "2099-12-31", "2099-06-30"), Manifest, ("GuardrailsMode", "Enforce"));
        project.UseNuGetOrg();
        project.AddToProject("<ItemGroup><PackageReference Include=\"OpenAI\" Version=\"2.1.0\" /></ItemGroup>");
        project.Write("Program.cs", Program);

        DotNet.Result waived = project.Build();

        Assert.True(waived.ExitCode == 0, waived.ToString());
        Assert.DoesNotContain("error GRD", waived.Output);
        Assert.Matches(@"Program\.cs\(3,\d+\): warning GRD003: [^\n]*waived by 'W-OPENAI' \(pilot, approved by sec@example\.test\) until 2099-12-31", waived.Output);
        Assert.Matches(@"Program\.cs\(4,\d+\): warning GRD004: [^\n]*waived by 'W-ENDPOINT' \(direct calls in the pilot, approved by sec@example\.test\) until 2099-06-30", waived.Output);
        Assert.Matches(@"warning GRD201: Package 'OpenAI' 2\.1\.0[^\n]*Waived by 'W-OPENAI' \(pilot, approved by sec@example\.test\) until 2099-12-31", waived.Output);
        JsonElement record = Record(project);
        Assert.Contains(record.GetProperty("waiversApplied").EnumerateArray(), w => w.GetProperty("id").GetString() == "W-OPENAI" && w.GetProperty("expiresAt").GetString() == "2099-12-31");
        Assert.Contains(record.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "GRD201" && f.GetProperty("waivedBy").GetString() == "W-OPENAI");
        Assert.Contains(record.GetProperty("endpoints").GetProperty("hosts").EnumerateArray(), h => h.GetProperty("host").GetString() == "api.openai.com" && h.GetProperty("waiver").GetString() == "W-ENDPOINT");
        Assert.True(record.GetProperty("compile").GetProperty("verified").GetBoolean(), record.GetProperty("compile").ToString());

        // The same waivers past their last day: every finding they covered fails the build again.
        project.Write(E2eDocuments.PolicyFile, Policy(3, "2025-06-30", "2025-06-30"));
        project.PinPolicy(("GuardrailsMode", "Enforce"));
        DotNet.Result expired = project.Build();

        Assert.True(expired.ExitCode != 0, expired.ToString());
        Assert.Contains("error GRD124", expired.Output);
        Assert.Matches(@"Program\.cs\(3,\d+\): error GRD003", expired.Output);
        Assert.Matches(@"Program\.cs\(4,\d+\): error GRD004", expired.Output);
        Assert.Contains("error GRD201: Package 'OpenAI' 2.1.0", expired.Output);
        Assert.DoesNotContain("waived by", expired.Output, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The SDK reaches the compiler by a hint path (no package the check judges): the verification after the compiler
    /// finds GRD201 in the compiler's references, and the policy's waiver of OpenAI's package covers it there too.
    /// </summary>
    [Fact]
    public void A_waived_GRD201_from_the_compilers_references_is_a_warning_and_in_the_record()
    {
        TestProject project = _fixture.NewPinnedProject(Policy(2, "2099-12-31", "2099-06-30"), Manifest, ("GuardrailsMode", "Enforce"));
        project.ReferenceOpenAiByHintPath();
        project.Write("Program.cs", "Console.WriteLine(Type.GetType(\"OpenAI.OpenAIClient, OpenAI\") is null);\n");

        DotNet.Result result = project.Build();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"OpenAI\.dll : Guardrails warning GRD201: The compiler referenced OpenAI\.dll, an assembly of the AI SDK [^\n]*Waived by 'W-OPENAI' \(pilot, approved by sec@example\.test\) until 2099-12-31\.", result.Output);
        JsonElement record = Record(project);
        JsonElement compile = record.GetProperty("compile");
        Assert.True(compile.GetProperty("verified").GetBoolean(), compile.ToString());
        JsonElement finding = Assert.Single(compile.GetProperty("findings").EnumerateArray());
        Assert.Equal("W-OPENAI", finding.GetProperty("waivedBy").GetString());
        Assert.False(finding.GetProperty("error").GetBoolean());
        // The PackageDownload that brings OpenAI.dll is judged by the check itself since session 14 (GRD201, the same waiver):
        // the record lists the waiver once, applied by the check, and the verification's use of it is not repeated.
        Assert.Contains(record.GetProperty("findings").EnumerateArray(), f => f.GetProperty("rule").GetString() == "GRD201" && f.GetProperty("waivedBy").GetString() == "W-OPENAI");
        JsonElement waiver = Assert.Single(record.GetProperty("waiversApplied").EnumerateArray(), w => w.GetProperty("id").GetString() == "W-OPENAI");
        Assert.Equal("2099-12-31", waiver.GetProperty("expiresAt").GetString());
    }
}
