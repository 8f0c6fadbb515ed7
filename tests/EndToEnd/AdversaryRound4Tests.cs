using System.IO.Compression;
using System.Reflection;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Routes of the fourth outside review (adversary round 4, /work/wt/adversary4-findings.md): each turned an Enforce build
/// with a key, an opt-out, an undeclared assistant or an unapproved use of an AI SDK green, with an audit record that
/// says clean and the documented CI gate (guardrails verify-build with the pin, --min-revision and --rescan-with-policy)
/// green as well. Each test asserts what must happen instead: the build fails with a GRD code, or the gate fails with a
/// GRDCL code. They fail on main b90d186 (branch adv4), each at the assertion named in its summary. Taken here: the routes
/// closed by the gate (#5, #7, #17); #13, #1 and #6 stay on branch adv4 until their routes are closed.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound4Tests
{
    private const string ResxHeader = """
        <?xml version="1.0" encoding="utf-8"?>
        <root>
          <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
          <resheader name="version"><value>2.0</value></resheader>
          <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
          <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
        """;

    private readonly PackageFixture _fixture;

    public AdversaryRound4Tests(PackageFixture fixture) => _fixture = fixture;

    private static DotNet.Result Gate(string folder, params string[] extra)
    {
        string configuration = typeof(AdversaryRound4Tests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
        string tool = Path.Combine(RepoPaths.Root, "src", "Cli", "bin", configuration, "net8.0", "guardrails.dll");
        return DotNet.Run(folder, null, new[] { tool, "verify-build" }.Concat(extra).Append(folder).ToArray());
    }

    /// <summary>The documented gate: CI's pin, minimum revision and its own copy of the published policy for the re-scan.</summary>
    private static DotNet.Result DocumentedGate(string folder, string publishedPolicy, int minRevision) =>
        Gate(
            folder,
            "--policy-sha256", E2eDocuments.Sha256(publishedPolicy).ToLowerInvariant(),
            "--min-revision", minRevision.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--rescan-with-policy", publishedPolicy);

    private static void WriteEntry(ZipArchive archive, string name, string content)
    {
        using var writer = new StreamWriter(archive.CreateEntry(name).Open());
        writer.Write(content);
    }

    /// <summary>
    /// Finding 7: the key as plain text in a committed .bin file that a .resx pulls in with a ResXFileRef (System.String):
    /// GenerateResource puts it into the resources of the assembly itself. The build reads the .resx, not the file it
    /// references; the gate verifies the assembly by its hash. Fails today at the last Assert.True (build and gate green).
    /// </summary>
    [Fact]
    public void A_key_pulled_into_the_assembly_by_a_resx_file_reference_fails_the_build_or_the_gate()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv4-resx-ref", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string key = FakeKeys.OpenAiProject("E2eAdv4ResxRefFakeKeyNotReal");
        repo.Write("res/openai.bin", key);
        repo.Write("Strings.resx", ResxHeader + """
              <data name="OpenAiKey" type="System.Resources.ResXFileRef, System.Windows.Forms"><value>res/openai.bin;System.String, mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089;utf-8</value></data>
            </root>
            """);
        repo.Write("Program.cs", "Console.WriteLine(new System.Resources.ResourceManager(\"App.Strings\", typeof(Program).Assembly).GetString(\"OpenAiKey\")!.Length);\n");

        DotNet.Result build = repo.Build();
        Assert.DoesNotContain(key, build.Output);
        bool buildFailed = build.ExitCode != 0 && build.Output.Contains("error GRD", StringComparison.Ordinal);
        if (!buildFailed)
        {
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.Contains(key, File.ReadAllText(repo.PathOf("bin/Debug/net10.0/App.dll"), System.Text.Encoding.Latin1)); // it ships
        }

        DotNet.Result gate = DocumentedGate(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile), 2);
        Assert.DoesNotContain(key, gate.Output);
        Assert.True(buildFailed || (gate.ExitCode != 0 && gate.Output.Contains("GRDCL", StringComparison.Ordinal)),
            "the key ships inside App.dll and neither the build nor the gate objects:\n" + build + "\n" + gate);
    }

    /// <summary>
    /// Finding 5: the key as plain text (no NUL byte) in files named .png and .pfx, copied to the output as ordinary None
    /// items. Both are judged binary by their name alone: the build leaves them out quietly, the gate's bin/ text scan
    /// (GRDCL31) does not read them, and `guardrails scan` says nothing. Fails today at the last Assert.True.
    /// </summary>
    [Fact]
    public void A_key_in_a_text_file_with_an_image_or_certificate_name_copied_to_bin_fails_the_build_or_the_gate()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv4-binary-name", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string key = FakeKeys.OpenAiProject("E2eAdv4BinaryNameFakeKeyNotReal");
        repo.Write("ship.png", "OPENAI_API_KEY=" + key + "\n");
        repo.Write("ship.pfx", "OPENAI_API_KEY=" + key + "\n");
        repo.AddToProject("  <ItemGroup><None Update=\"ship.*\" CopyToOutputDirectory=\"PreserveNewest\" /></ItemGroup>");

        DotNet.Result build = repo.Build();
        Assert.DoesNotContain(key, build.Output);
        bool buildFailed = build.ExitCode != 0 && build.Output.Contains("error GRD", StringComparison.Ordinal);
        if (!buildFailed)
        {
            Assert.True(build.ExitCode == 0 && File.ReadAllText(repo.PathOf("bin/Debug/net10.0/ship.png")).Contains(key, StringComparison.Ordinal), build.ToString());
        }

        DotNet.Result gate = DocumentedGate(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile), 2);
        Assert.DoesNotContain(key, gate.Output);
        Assert.True(buildFailed || (gate.ExitCode != 0 && gate.Output.Contains("GRDCL31", StringComparison.Ordinal)),
            "bin/ship.png and bin/ship.pfx hold a key as plain text and neither the build nor the gate objects:\n" + build + "\n" + gate);
    }

    /// <summary>
    /// Finding 17: a package the team adds (from a feed committed in the repository) carries the unmodified OpenAI.dll and
    /// System.ClientModel.dll under tools/; a target copies them into bin/ and the app loads them with a type name from its
    /// configuration. The gate accepted bin/OpenAI.dll as "a file of a package a verified project restored" and the
    /// check judges packages by id only: build, record and gate green, the AI-BOM without OpenAI. Fails today at the last
    /// Assert.True (build exit 0, gate exit 0).
    /// </summary>
    [Fact]
    public void An_unapproved_sdk_vendored_in_the_tools_folder_of_a_team_package_and_copied_into_bin_fails_the_build_or_the_gate()
    {
        // The real SDK files, from nuget.org into the fixture's package folder (a folder outside the repository).
        string download = Path.Combine(_fixture.Root, "adv4-download-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(download);
        File.WriteAllText(Path.Combine(download, "nuget.config"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n    <add key=\"nuget.org\" value=\"https://api.nuget.org/v3/index.json\" protocolVersion=\"3\" />\n  </packageSources>\n</configuration>\n");
        File.WriteAllText(Path.Combine(download, "Download.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
              <ItemGroup>
                <PackageDownload Include="OpenAI" Version="[2.1.0]" />
                <PackageDownload Include="System.ClientModel" Version="[1.2.1]" />
              </ItemGroup>
            </Project>
            """);
        DotNet.Result restore = DotNet.Run(download, new Dictionary<string, string> { ["NUGET_PACKAGES"] = _fixture.PackagesFolder }, "restore", Path.Combine(download, "Download.csproj"), "-nodeReuse:false");
        Assert.True(restore.ExitCode == 0, restore.ToString());
        string openAi = Path.Combine(_fixture.PackagesFolder, "openai", "2.1.0", "lib", "net6.0", "OpenAI.dll");
        string clientModel = Path.Combine(_fixture.PackagesFolder, "system.clientmodel", "1.2.1", "lib", "net6.0", "System.ClientModel.dll");

        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv4-vendored-sdk", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string feed = repo.PathOf("eng/feed");
        Directory.CreateDirectory(feed);
        using (ZipArchive package = ZipFile.Open(Path.Combine(feed, "E2eAdv4.Tools.1.0.0.nupkg"), ZipArchiveMode.Create))
        {
            WriteEntry(package, "E2eAdv4.Tools.nuspec", """
                <?xml version="1.0"?>
                <package><metadata><id>E2eAdv4.Tools</id><version>1.0.0</version><authors>e2e</authors><description>team tools</description><developmentDependency>true</developmentDependency></metadata></package>
                """);
            package.CreateEntryFromFile(openAi, "tools/plugins/OpenAI.dll");
            package.CreateEntryFromFile(clientModel, "tools/plugins/System.ClientModel.dll");
        }

        repo.UseLocalFeed(("repository-feed", feed));
        repo.AddToProject("""
              <ItemGroup><PackageReference Include="E2eAdv4.Tools" Version="1.0.0" PrivateAssets="all" GeneratePathProperty="true" /></ItemGroup>
              <Target Name="CopyPlugins" AfterTargets="Build">
                <ItemGroup><_Plugin Include="$(PkgE2eAdv4_Tools)/tools/plugins/*.*" /></ItemGroup>
                <Copy SourceFiles="@(_Plugin)" DestinationFolder="$(OutDir)" />
              </Target>
            """);
        repo.Write("Program.cs", """
            using System.Reflection;
            var plugins = Directory.GetFiles(AppContext.BaseDirectory, "*.dll").Where(f => !f.EndsWith("App.dll")).Select(Assembly.LoadFrom).ToList();
            var type = plugins.Select(a => a.GetType(Environment.GetEnvironmentVariable("PLUGIN_TYPE") ?? "none")).FirstOrDefault(t => t != null);
            Console.WriteLine(type is null ? "no plugin" : Activator.CreateInstance(type, "gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "x")!.GetType().FullName);
            """);

        DotNet.Result build = repo.Build();
        bool buildFailed = build.ExitCode != 0 && build.Output.Contains("error GRD", StringComparison.Ordinal);
        if (!buildFailed)
        {
            Assert.True(build.ExitCode == 0 && File.Exists(repo.PathOf("bin/Debug/net10.0/OpenAI.dll")), build.ToString());
        }

        DotNet.Result gate = DocumentedGate(repo.Directory, repo.PathOf(E2eDocuments.PolicyFile), 2);
        Assert.True(buildFailed || (gate.ExitCode != 0 && gate.Output.Contains("GRDCL", StringComparison.Ordinal)),
            "bin/OpenAI.dll (unapproved, from a team package's tools/ folder) ships and neither the build nor the gate objects:\n" + build + "\n" + gate);
    }
}
