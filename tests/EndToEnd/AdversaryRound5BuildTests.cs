using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Routes of the fifth outside review (adversary round 5, /work/wt/adversary5-findings.md): each turned an Enforce build
/// with a key, an opt-out, an undeclared assistant or an unapproved use of an AI SDK green, with an audit record that
/// says clean and the documented CI gate (guardrails verify-build with the pin, --min-revision and --rescan-with-policy)
/// green as well. Each test asserts what must happen instead: the build fails with a GRD code, or the gate fails with a
/// GRDCL code. They fail on main 84b9afe (branch adv5), each at the assertion named in its summary. The build-side routes
/// (#1, #3, #6) are here; the gate-side ones are in AdversaryRound5Tests.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound5BuildTests
{
    private const string CursorFilesystemMcp = "{ \"mcpServers\": { \"fs\": { \"command\": \"npx\", \"args\": [\"-y\", \"@modelcontextprotocol/server-filesystem\", \"/\"] } } }\n";

    private readonly PackageFixture _fixture;

    public AdversaryRound5BuildTests(PackageFixture fixture) => _fixture = fixture;

    /// <summary>
    /// Finding 1: the policy package replaced by a look-alike with the SAME id and version from a feed committed in the
    /// repository (package source mapping in the repository's own nuget.config sends the id there). It carries the published
    /// policy file byte for byte (so the pin matches and the record's policy hash is the published one, which is all
    /// GRDCL26 compares) and the published props plus three opt-outs. As "the package whose folder holds the policy file",
    /// its props are central: no GRD308, no GRD310, the undeclared .cursor/ and the key in a committed CI workflow pass, and
    /// verify-build is green. Nothing that the pin covers says the opt-outs are the organisation's; a fix has to take the
    /// opt-outs a policy package may set from the pinned policy file (or give the gate what identifies the package).
    /// Fails today at the last Assert.True (build exit 0, gate exit 0).
    /// </summary>
    [Fact]
    public void A_look_alike_policy_package_with_the_published_policy_file_cannot_switch_checks_off()
    {
        TestProject repo = _fixture.NewProject();
        string feed = repo.PathOf("eng/feed");
        string policy = E2eDocuments.Policy("e2e-adv5-look-alike", 2);
        string published = repo.Write(E2eDocuments.PolicyFile, policy); // CI's copy of the published policy, for the gate
        string pin = E2eDocuments.Sha256(published);
        TestPackages.Write(
            feed,
            "E2eAdv5.Policy",
            "1.0.0",
            TestPackages.Text(
                ("content/guardrails.policy.json", policy),
                ("buildTransitive/E2eAdv5.Policy.props", $$"""
                    <Project>
                      <PropertyGroup>
                        <GuardrailsPolicyPath>$(MSBuildThisFileDirectory)../content/guardrails.policy.json</GuardrailsPolicyPath>
                        <GuardrailsPolicySha256>{{pin}}</GuardrailsPolicySha256>
                        <GuardrailsScanFiles>false</GuardrailsScanFiles>
                        <GuardrailsCheckFootprints>false</GuardrailsCheckFootprints>
                        <GuardrailsScanRepositoryFiles>false</GuardrailsScanRepositoryFiles>
                      </PropertyGroup>
                      <Import Project="$(_GuardrailsCentralCaptureProps)" Condition="'$(_GuardrailsCentralCaptureProps)' != ''" />
                    </Project>
                    """)),
            developmentDependency: true);

        repo.UseLocalFeed(("repository-feed", feed));
        repo.Write(E2eDocuments.ManifestFile, E2eDocuments.MinimalManifest);
        repo.SetProperties(("GuardrailsMode", "Enforce"));
        // The project lives in app/; the undeclared assistant and the committed workflow key are at the repository root,
        // outside the project's folder (the gate's re-scan judges a project's own folder).
        string app = repo.MoveProjectInto("app", "  <ItemGroup>\n    <PackageReference Include=\"E2eAdv5.Policy\" Version=\"1.0.0\" PrivateAssets=\"all\" />\n  </ItemGroup>", "Console.WriteLine(1);\n");
        string key = FakeKeys.OpenAiProject("E2eAdv5LookAlikeFakeKeyNotReal");
        repo.Write(".github/workflows/ci.yml", "name: ci\non: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    env:\n      OPENAI_API_KEY: " + key + "\n    steps:\n      - run: dotnet build\n");
        repo.Write(".cursor/mcp.json", CursorFilesystemMcp);
        Directory.CreateDirectory(repo.PathOf(".git"));

        DotNet.Result build = repo.BuildProjectFile(app);
        Assert.DoesNotContain(key, build.Output);
        bool buildFailed = build.ExitCode != 0 && (build.Output.Contains("error GRD310", StringComparison.Ordinal) || build.Output.Contains("error GRD308", StringComparison.Ordinal));
        if (!buildFailed)
        {
            Assert.True(build.ExitCode == 0 && File.Exists(repo.PathOf("app/" + E2eDocuments.AuditRecordFile)), build.ToString());
        }

        DotNet.Result gate = GuardrailsTool.DocumentedGate(repo.Directory, published, 2);
        Assert.DoesNotContain(key, gate.Output);
        Assert.True(buildFailed || (gate.ExitCode != 0 && gate.Output.Contains("GRDCL", StringComparison.Ordinal)),
            "a look-alike policy package (published policy file, opt-outs in its props) switches footprints and repository files off, build and gate green:\n" + build + "\n" + gate);
    }

    /// <summary>
    /// Finding 6: a real git repository with web/.cursor/mcp.json committed, checked out sparsely in cone mode WITH a sparse
    /// index (`git sparse-checkout set --cone --sparse-index policy`, or index.sparse=true): web/ is one directory entry in
    /// .git/index, so the committed, undeclared Cursor MCP configuration is neither in the working tree nor an entry of the
    /// index. Without the sparse index the same checkout is GRD137 + GRD130 (adversary round 3 #16, closed). Fails today at
    /// Assert.True(result.ExitCode != 0, …) after the sparse checkout.
    /// </summary>
    [Fact]
    public void Assistant_files_committed_outside_a_sparse_checkout_with_a_sparse_index_fail_the_build()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv5-sparse-index", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        repo.Write("web/.cursor/mcp.json", CursorFilesystemMcp);
        repo.Write(".gitignore", "bin/\nobj/\n");
        Git.CommitAll(repo.Directory);
        DotNet.Result plain = repo.Build();
        Assert.True(plain.ExitCode != 0 && plain.Output.Contains("error GRD130: 'web/.cursor/'", StringComparison.Ordinal), plain.ToString());

        Git.Run(repo.Directory, "sparse-checkout", "set", "--cone", "--sparse-index", "policy"); // the job needs only the policy folder beside the project
        Assert.False(File.Exists(repo.PathOf("web/.cursor/mcp.json")));
        DotNet.Result result = repo.Build("--no-incremental"); // a fresh check, as on a CI agent

        Assert.True(result.ExitCode != 0, "with a sparse index the committed web/.cursor/mcp.json is not seen:\n" + result);
        Assert.True(result.Output.Contains("error GRD137", StringComparison.Ordinal) || result.Output.Contains("error GRD130", StringComparison.Ordinal), result.ToString());
    }

    /// <summary>
    /// Finding 3: under the documented "Azure OpenAI only" route (samples/policy/routes/azure-openai.policy.json), OpenAI's
    /// own OpenAIClient and ChatClient created by Activator from the BaseType of the route's own types: no type name is
    /// written, so neither the reflection rule nor the construction rule sees the base SDK's client. Fails today at
    /// Assert.True(result.ExitCode != 0, …): the build exits 0.
    /// </summary>
    [Fact]
    public void Under_the_azure_openai_route_openais_own_clients_reached_through_BaseType_fail_the_build_with_GRD003()
    {
        string policy = File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "policy", "routes", "azure-openai.policy.json"))
            .Replace("\"$schema\": \"../../../schemas/guardrails.policy.schema.json\",", string.Empty, StringComparison.Ordinal);
        TestProject project = _fixture.NewGovernedProject(policy, E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        project.UseNuGetOrg();
        project.AddToProject("  <ItemGroup>\n    <PackageReference Include=\"Azure.AI.OpenAI\" Version=\"2.1.0\" />\n  </ItemGroup>");
        project.Write("Program.cs", """
            using System.ClientModel;
            using Azure.AI.OpenAI;
            using OpenAI;
            using OpenAI.Chat;

            var key = new ApiKeyCredential(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "missing");
            var own = (OpenAIClient)Activator.CreateInstance(typeof(AzureOpenAIClient).BaseType!, key)!;
            var azure = new AzureOpenAIClient(new Uri("https://x.openai.azure.com"), key);
            var chat = (ChatClient)Activator.CreateInstance(azure.GetChatClient("gpt-4o").GetType().BaseType!, "gpt-4o", key)!;
            Console.WriteLine(own.GetType().FullName + " " + chat.GetType().FullName);

            """);

        DotNet.Result result = project.Build();

        Assert.True(result.ExitCode != 0, "OpenAI's own clients through BaseType under the Azure-only route, the build is green:\n" + result);
        Assert.Contains("Program.cs(7,", result.Output);
        Assert.Contains("Program.cs(9,", result.Output);
        Assert.Contains("error GRD003", result.Output);
    }
}
