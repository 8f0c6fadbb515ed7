using System.Collections.Immutable;
using System.Text.Json;
using Guardrails.Analyzers;
using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Results;
using Guardrails.Cli.Scan;
using Guardrails.Core.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Cli.Tests;

/// <summary>
/// GRD004 (endpoints, in C# and in configuration files) and GRD005 (local suppressions) in `guardrails scan`, held
/// against the compiler's own analyzer driver on the same sources with a full set of framework references and the
/// effective policy the check writes: the same ids, places and messages.
/// </summary>
public sealed class ScanCodeRulesTests
{
    private const string Client = """
        using System;
        using System.Net.Http;

        class Client
        {
            const string Gemini = "https://generativelanguage.googleapis.com/v1beta/models";

            static readonly Uri Gateway = new Uri("https://ai-gateway.contoso.example/v1");

            void Call()
            {
                var http = new HttpClient { BaseAddress = new Uri("https://api.openai.com/v1/") };
                http.GetAsync(new Uri(Gemini));
                _ = new HttpRequestMessage(HttpMethod.Post, "https://api.mistral.ai/v1/chat/completions");
            }

        #pragma warning disable GRD001
            const string Nothing = "";
        #pragma warning restore GRD001

            [System.Diagnostics.CodeAnalysis.SuppressMessage("Guardrails", "GRD004")]
            void Quiet() { }
        }
        """;

    private const string Settings = "{\n  \"OpenAI\": { \"Endpoint\": \"https://api.openai.com/v1\" },\n  \"Gateway\": { \"Url\": \"https://ai-gateway.contoso.example\" }\n}\n";

    private const string Manifest = """
        { "manifestFormat": "1.0", "repository": "github.com/contoso/scan-demo", "tier": "standard", "dataClass": "internal",
          "owner": { "team": "t", "contact": "t@contoso.example" }, "assistants": [] }
        """;

    [Fact]
    public void Scan_reports_GRD004_and_GRD005_as_the_compiler_reports_them()
    {
        using var repo = new TempRepo();
        string policy = repo.Write("policy/guardrails.policy.json", File.ReadAllText(Path.Combine(Guardrails.Tests.Shared.RepoPaths.Root, "samples", "policy", "guardrails.policy.json")));
        string manifest = repo.Write("ai-assistants.json", Manifest);
        string project = repo.Write("app/App.csproj", Documents.Project);
        string source = repo.Write("app/Client.cs", Client);
        string settings = repo.Write("app/appsettings.json", Settings);

        CliRun run = CliRun.Of("scan", repo.Root, "--policy", policy, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        var scanned = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() is "GRD003" or "GRD004" or "GRD005")
            .Select(f => f.GetProperty("rule").GetString() + " " + f.GetProperty("file").GetString() + "(" + f.GetProperty("line").GetInt32() + "," + f.GetProperty("column").GetInt32() + "): " + f.GetProperty("message").GetString())
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

        // The compiler's way: the analyzers through CompilationWithAnalyzers, every framework assembly referenced.
        CheckResult check = GuardrailsChecker.Run(new CheckRequest { ProjectPath = project, PolicyPath = policy, ManifestPath = manifest, Mode = "Enforce", CheckFootprints = false });
        Assert.True(check.Effective.HasPolicy);
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        CSharpCompilation compilation = CSharpCompilation.Create("App", new[] { CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(source)), path: source) }, references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var additional = ImmutableArray.Create<AdditionalText>(new SourceAnalysis.InMemoryText(Path.Combine(repo.Root, "obj", EffectivePolicy.FileName), check.Effective.Write()), new SourceAnalysis.InMemoryText(settings, Settings));
        ImmutableArray<Diagnostic> diagnostics = compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UnapprovedAiEndpointAnalyzer(), new ForbiddenLocalSuppressionAnalyzer(), new UnapprovedAiSdkAnalyzer()), new AnalyzerOptions(additional))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var compiled = diagnostics
            .Where(d => d.Id != "GRD008")
            .Select(d =>
            {
                FileLinePositionSpan span = d.Location.GetLineSpan();
                string file = Path.GetRelativePath(repo.Root, span.Path).Replace('\\', '/');
                return d.Id + " " + file + "(" + (span.StartLinePosition.Line + 1) + "," + (span.StartLinePosition.Character + 1) + "): " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
            })
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(compiled, scanned);

        // What the code reaches (GRD008, a record and not a finding): the scan's "endpoints" hold exactly the compiler's
        // GRD008 results, each host once with its files counted, judged by the policy (the approved gateway included).
        var compiledReach = diagnostics.Where(d => d.Id == "GRD008")
            .GroupBy(d => d.Properties["host"]!.ToLowerInvariant())
            .Select(g => g.Key + " " + g.Select(d => d.Location.GetLineSpan().Path).Distinct().Count())
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        JsonElement endpoints = doc.RootElement.GetProperty("endpoints");
        Assert.True(endpoints.GetProperty("complete").GetBoolean());
        var scannedReach = endpoints.GetProperty("hosts").EnumerateArray()
            .Select(h => h.GetProperty("host").GetString() + " " + h.GetProperty("files").GetInt32())
            .ToList();
        Assert.Equal(compiledReach, scannedReach);
        Assert.Contains("ai-gateway.contoso.example 2", scannedReach);
        Assert.Equal("approved", endpoints.GetProperty("hosts").EnumerateArray().Single(h => h.GetProperty("host").GetString() == "ai-gateway.contoso.example").GetProperty("status").GetString());
        Assert.Equal("notApproved", endpoints.GetProperty("hosts").EnumerateArray().Single(h => h.GetProperty("host").GetString() == "api.mistral.ai").GetProperty("status").GetString());

        // And they are the findings this source holds: three unapproved endpoints in C# (the approved gateway is not
        // one), one in the settings, and the two local suppressions the sample policy does not allow.
        Assert.Equal(3, scanned.Count(s => s.StartsWith("GRD004 app/Client.cs", StringComparison.Ordinal)));
        Assert.Contains(scanned, s => s.StartsWith("GRD004 app/Client.cs(12,", StringComparison.Ordinal) && s.Contains("api.openai.com", StringComparison.Ordinal));
        // The constant is reported where it is declared, not where it is named alone (`new Uri(Gemini)`, line 13).
        Assert.Contains(scanned, s => s.StartsWith("GRD004 app/Client.cs(6,", StringComparison.Ordinal) && s.Contains("generativelanguage.googleapis.com", StringComparison.Ordinal));
        Assert.Contains(scanned, s => s.StartsWith("GRD004 app/Client.cs(14,", StringComparison.Ordinal) && s.Contains("api.mistral.ai", StringComparison.Ordinal));
        Assert.Single(scanned, s => s.StartsWith("GRD004 app/appsettings.json(2,", StringComparison.Ordinal));
        Assert.DoesNotContain(scanned, s => s.Contains("ai-gateway.contoso.example", StringComparison.Ordinal));
        Assert.Equal(2, scanned.Count(s => s.StartsWith("GRD005 app/Client.cs", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Adversary round 4 #9 (note): the scan reported no GRD004 for <c>new Uri("https://api.openai.com/…")</c> in a
    /// template project: <c>Uri</c> and <c>HttpClient</c> come from the SDK's implicit global usings (the generated
    /// <c>GlobalUsings.g.cs</c> in obj/, which a scan without a build does not have), so the parameter names GRD004
    /// judges an address by were never bound.
    /// </summary>
    [Fact]
    public void Scan_judges_endpoints_in_a_project_that_relies_on_the_SDKs_implicit_usings()
    {
        using var repo = new TempRepo();
        string policy = repo.Write("policy/guardrails.policy.json", File.ReadAllText(Path.Combine(Guardrails.Tests.Shared.RepoPaths.Root, "samples", "policy", "guardrails.policy.json")));
        repo.Write("ai-assistants.json", Manifest);
        repo.Write("App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n    <TargetFramework>net8.0</TargetFramework>\n    <ImplicitUsings>enable</ImplicitUsings>\n  </PropertyGroup>\n</Project>\n");
        repo.Write("App/Program.cs", "var endpoint = new Uri(\"https://api.openai.com/v1/chat/completions\");\nvar http = new HttpClient();\nvar request = new HttpRequestMessage(HttpMethod.Post, \"https://api.mistral.ai/v1/chat/completions\");\nConsole.WriteLine(endpoint);\n");

        CliRun run = CliRun.Of("scan", repo.Root, "--policy", policy, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        var grd004 = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == "GRD004")
            .Select(f => f.GetProperty("file").GetString() + ":" + f.GetProperty("line").GetInt32() + " " + f.GetProperty("message").GetString()!.Split(' ')[0])
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
        Assert.Equal(new[] { "App/Program.cs:1 api.openai.com", "App/Program.cs:3 api.mistral.ai" }, grd004);
    }

    [Fact]
    public void Scan_help_says_when_GRD003_needs_a_restore()
    {
        CliRun run = CliRun.Of("scan", "--help");

        Assert.Contains("GRD003", run.Out);
        Assert.Contains("restored", run.Out);
        Assert.Contains("GRD004", run.Out);
        Assert.Contains("GRD005", run.Out);
    }

    [Fact]
    public void Scan_reports_GRD003_in_a_restored_project_as_the_compiler_does_and_not_in_one_never_restored()
    {
        using var repo = new TempRepo();
        using var nuget = new TempRepo();
        string policy = repo.Write("policy/guardrails.policy.json", File.ReadAllText(Path.Combine(Guardrails.Tests.Shared.RepoPaths.Root, "samples", "policy", "guardrails.policy.json")));
        string manifest = repo.Write("ai-assistants.json", Manifest);

        // The OpenAI package as restore leaves it: its compile assembly in the package folder, named by the assets file.
        string sdk = nuget.PathOf("openai/2.1.0/lib/net8.0/OpenAI.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(sdk)!);
        var stub = CSharpCompilation.Create("OpenAI", new[] { CSharpSyntaxTree.ParseText("namespace OpenAI { public class OpenAIClient { public OpenAIClient(string key) { } } }") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.True(stub.Emit(sdk).Success);
        const string Use = "class Chat\n{\n    object Make() => new OpenAI.OpenAIClient(System.Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\")!);\n}\n";
        string project = repo.Write("restored/Restored.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"OpenAI\" Version=\"2.1.0\" /></ItemGroup></Project>");
        string source = repo.Write("restored/Chat.cs", Use);
        string assets = repo.Write("restored/obj/project.assets.json", """
            { "version": 3,
              "targets": { "net8.0": { "OpenAI/2.1.0": { "type": "package", "compile": { "lib/net8.0/OpenAI.dll": {} }, "runtime": { "lib/net8.0/OpenAI.dll": {} } } } },
              "libraries": { "OpenAI/2.1.0": { "type": "package", "path": "openai/2.1.0" } },
              "packageFolders": { "FOLDER": {} },
              "project": { "frameworks": { "net8.0": { "dependencies": { "OpenAI": { "target": "Package", "version": "[2.1.0, )" } } } } } }
            """.Replace("FOLDER", nuget.Root.Replace("\\", "\\\\") + Path.DirectorySeparatorChar, StringComparison.Ordinal));
        repo.Write("unrestored/Unrestored.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"OpenAI\" Version=\"2.1.0\" /></ItemGroup></Project>");
        repo.Write("unrestored/Chat.cs", Use);

        CliRun run = CliRun.Of("scan", repo.Root, "--policy", policy, "--format", "json");

        using JsonDocument doc = JsonDocument.Parse(run.Out);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        JsonElement grd003 = Assert.Single(findings, f => f.GetProperty("rule").GetString() == "GRD003");
        Assert.Equal("restored/Chat.cs", grd003.GetProperty("file").GetString());
        Assert.Equal(3, grd003.GetProperty("line").GetInt32());
        Assert.Contains(findings, f => f.GetProperty("rule").GetString() == "GRD201" && f.GetProperty("file").GetString() == "unrestored/Unrestored.csproj");

        // The compiler on the restored project: its source, the SDK assembly, the framework, the check's effective policy.
        CheckResult check = GuardrailsChecker.Run(new CheckRequest { ProjectPath = project, PolicyPath = policy, ManifestPath = manifest, ProjectAssetsFile = assets, Mode = "Enforce", CheckFootprints = false });
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(sdk));
        CSharpCompilation compilation = CSharpCompilation.Create("Restored", new[] { CSharpSyntaxTree.ParseText(SourceText.From(Use), path: source) }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Diagnostic compiled = Assert.Single(compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new UnapprovedAiSdkAnalyzer()), new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new SourceAnalysis.InMemoryText(Path.Combine(repo.Root, "obj", EffectivePolicy.FileName), check.Effective.Write()))))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult());
        Assert.Equal(compiled.GetMessage(System.Globalization.CultureInfo.InvariantCulture), grd003.GetProperty("message").GetString());
        Assert.Equal(compiled.Location.GetLineSpan().StartLinePosition.Character + 1, grd003.GetProperty("column").GetInt32());
    }

    /// <summary>
    /// Adversary round 9 (side observation): a waiver of GRD201 for a package reaches GRD003 on that package's types in the
    /// build (the analyzer reports the use as a warning naming the waiver), but <c>guardrails scan</c> took each finding's
    /// level from the rule alone, so the same waived use failed the gate. The scan now keeps the level the analyzer gave
    /// the diagnostic: one verdict for both halves.
    /// </summary>
    [Fact]
    public void Scan_keeps_a_waived_GRD003_a_warning_as_the_build_does()
    {
        using var repo = new TempRepo();
        using var nuget = new TempRepo();
        string sample = File.ReadAllText(Path.Combine(Guardrails.Tests.Shared.RepoPaths.Root, "samples", "policy", "guardrails.policy.json"));
        string waiver = """
              "waivers": [
                { "id": "WVR-EVAL", "rule": "GRD201", "subject": "OpenAI", "scope": { "projects": ["*.Eval"] },
                  "approvedBy": "li.wei@contoso.example", "approvedAt": "2026-11-02", "expiresAt": "2030-03-31",
                  "reason": "model evaluation harnesses only", "ticket": "GOV-17" },
            """;
        string policy = repo.Write("policy/guardrails.policy.json", sample.Replace("  \"waivers\": [", waiver, StringComparison.Ordinal));
        Assert.Contains("WVR-EVAL", File.ReadAllText(policy));
        repo.Write("ai-assistants.json", Manifest.Replace("\"assistants\": []", "\"assistants\": [], \"waivers\": [\"WVR-EVAL\"]", StringComparison.Ordinal));

        string sdk = nuget.PathOf("openai/2.1.0/lib/net8.0/OpenAI.dll");
        Directory.CreateDirectory(Path.GetDirectoryName(sdk)!);
        var stub = CSharpCompilation.Create("OpenAI", new[] { CSharpSyntaxTree.ParseText("namespace OpenAI { public class OpenAIClient { public OpenAIClient(string key) { } } }") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.True(stub.Emit(sdk).Success);
        repo.Write("Llm.Eval/Llm.Eval.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup><PackageReference Include=\"OpenAI\" Version=\"2.1.0\" /></ItemGroup></Project>");
        repo.Write("Llm.Eval/Chat.cs", "class Chat\n{\n    object Make() => new OpenAI.OpenAIClient(System.Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\")!);\n}\n");
        repo.Write("Llm.Eval/obj/project.assets.json", """
            { "version": 3,
              "targets": { "net8.0": { "OpenAI/2.1.0": { "type": "package", "compile": { "lib/net8.0/OpenAI.dll": {} }, "runtime": { "lib/net8.0/OpenAI.dll": {} } } } },
              "libraries": { "OpenAI/2.1.0": { "type": "package", "path": "openai/2.1.0" } },
              "packageFolders": { "FOLDER": {} },
              "project": { "frameworks": { "net8.0": { "dependencies": { "OpenAI": { "target": "Package", "version": "[2.1.0, )" } } } } } }
            """.Replace("FOLDER", nuget.Root.Replace("\\", "\\\\") + Path.DirectorySeparatorChar, StringComparison.Ordinal));

        CliRun run = CliRun.Of("scan", repo.Root, "--policy", policy, "--format", "json");

        using JsonDocument doc = JsonDocument.Parse(run.Out);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        JsonElement grd003 = Assert.Single(findings, f => f.GetProperty("rule").GetString() == "GRD003");
        Assert.Contains("WVR-EVAL", grd003.GetProperty("message").GetString());
        Assert.Equal("warning", grd003.GetProperty("level").GetString());
        Assert.DoesNotContain(findings, f => f.GetProperty("level").GetString() == "error");
        Assert.Equal(0, run.ExitCode);
    }
}
