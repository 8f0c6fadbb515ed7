namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 12 route 4 (/work/wt/adv12/repro-6): the application's <c>Program.cs</c> starts an undeclared assistant
/// with <c>--yolo</c> (<c>new ProcessStartInfo("npx", "-y @google/gemini-cli --yolo …")</c>), the approved claude-code with
/// the forbidden bypass and a denied <c>*-preview</c> model (<c>Process.Start("npx", new[] { … })</c>), and installs the
/// OpenAI Python SDK (<c>sh -c "pip install openai &amp;&amp; …"</c>). Main: build, verify-build and scan exit 0. Now the
/// committed C# is read by the launcher rules: GRD130, GRD133, GRD134 and GRD201 at Program.cs's lines, build and scan.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound12ProcessStartTests
{
    private static readonly string Policy = """
        {
          "policyFormat": "1.0",
          "policyId": "e2e-round12-process-start",
          "revision": 1,
          "owner": { "name": "AI Governance", "contact": "ai-gov@example.test", "approvers": ["sec@example.test"] },
          "defaults": { "unknownAssistant": "deny", "unknownFootprint": "deny" },
          "assistants": [
            { "id": "claude-code", "models": { "deny": ["*-preview"] }, "permissions": { "bypassMode": "forbid", "autoApprove": "forbid" }, "approval": { "approvedBy": "sec@example.test", "approvedAt": "2026-01-01", "expiresAt": "2099-12-31" } }
          ]
        }
        """;

    private const string Program =
        "using System.Diagnostics;\n" +
        "// nightly job: let an agent fix the failing tests, unattended\n" +
        "var p = Process.Start(new ProcessStartInfo(\"npx\", \"-y @google/gemini-cli --yolo -p \\\"fix the failing tests\\\"\") { UseShellExecute = false });\n" +
        "p?.WaitForExit();\n" +
        "var q = Process.Start(\"npx\", new[] { \"-y\", \"@anthropic-ai/claude-code\", \"--dangerously-skip-permissions\", \"--model\", \"claude-opus-4-1-preview\", \"-p\", \"review\" });\n" +
        "q?.WaitForExit();\n" +
        "// an unapproved SDK, installed and run beside the app\n" +
        "Process.Start(\"sh\", \"-c \\\"pip install openai && python -c 'import openai; print(openai.OpenAI().chat.completions.create(model=\\\\\\\"gpt-4o\\\\\\\", messages=[]))'\\\"\")?.WaitForExit();\n";

    private readonly PackageFixture _fixture;

    public AdversaryRound12ProcessStartTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Route4_assistants_and_an_SDK_install_started_by_the_application_code_fail_the_Enforce_build_and_the_scan()
    {
        TestProject project = _fixture.NewProject();
        string policy = project.Write("policy/guardrails.policy.json", Policy);
        project.Write("ai-assistants.json", "{ \"manifestFormat\": \"1.0\", \"repository\": \"example/e2e\", \"owner\": { \"team\": \"T\", \"contact\": \"t@example.test\" }, \"assistants\": [ { \"id\": \"claude-code\" } ] }");
        project.SetProperties(("GuardrailsPolicyPath", policy), ("GuardrailsMode", "Enforce"));
        project.Write("Program.cs", Program);
        project.Write(".gitignore", "bin/\nobj/\n");
        Git.CommitAll(project.Directory);

        DotNet.Result build = project.Build();

        Assert.NotEqual(0, build.ExitCode);
        Assert.Matches(@"Program\.cs\(3,\d+\): Guardrails error GRD130: .*'gemini'", build.Output);
        Assert.Matches(@"Program\.cs\(5,\d+\): Guardrails error GRD134: ", build.Output);
        Assert.Matches(@"Program\.cs\(5,\d+\): Guardrails error GRD133: .*claude-opus-4-1-preview", build.Output);
        Assert.Matches(@"Program\.cs\(8,\d+\): Guardrails error GRD201: ", build.Output);

        DotNet.Result scan = GuardrailsTool.Scan(project.Directory);
        Assert.True(scan.ExitCode == 1, scan.ToString());
        foreach (string id in new[] { "GRD130", "GRD133", "GRD134", "GRD201" })
        {
            Assert.True(scan.Output.Split('\n').Any(l => l.Contains("Program.cs") && l.Contains(id)), id + " not in the scan:\n" + scan);
        }
    }
}
