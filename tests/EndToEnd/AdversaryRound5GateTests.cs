using System.IO.Compression;
using System.Text;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// The CI gate's routes of the fifth outside review (adversary round 5 #2, #4, #7; adv5's tests, branch adv5 52591bf,
/// cherry-picked by gate5; #1 and #6 are AdversaryRound5BuildTests). Routes of the fifth outside review: each turned an Enforce build
/// with a key, an opt-out, an undeclared assistant or an unapproved use of an AI SDK green, with an audit record that
/// says clean and the documented CI gate (guardrails verify-build with the pin, --min-revision and --rescan-with-policy)
/// green as well. Each test asserts what must happen instead: the build fails with a GRD code, or the gate fails with a
/// GRDCL code. They fail on main 84b9afe (branch adv5), each at the assertion named in its summary.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound5GateTests
{
    private readonly PackageFixture _fixture;

    public AdversaryRound5GateTests(PackageFixture fixture) => _fixture = fixture;

    /// <summary>
    /// Finding 2: a package the team packs itself (committed in a repository feed) whose lib/ assembly, compiled outside
    /// Guardrails, returns the key and carries a managed assembly (the unapproved SDK, in the finding) as a manifest
    /// resource. The package check judges the package by its id; the gate neither reads "a restored package's file" for
    /// keys nor opens "the resources of a restored package's assemblies", because "the package was judged by the build" —
    /// which never looked at its bytes. Fails today at the last Assert.True (build exit 0, gate exit 0).
    /// </summary>
    [Fact]
    public void A_key_and_an_assembly_inside_a_team_packages_lib_assembly_fail_the_build_or_the_gate()
    {
        string key = FakeKeys.OpenAiProject("E2eAdv5TeamLibFakeKeyNotReal");
        string library = Path.Combine(_fixture.Root, "adv5-teamlib-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        Directory.CreateDirectory(library);
        File.WriteAllText(Path.Combine(library, "nuget.config"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <packageSources>\n    <clear />\n    <add key=\"test-feed\" value=\"" + _fixture.Feed + "\" />\n  </packageSources>\n</configuration>\n");
        File.Copy(typeof(Assert).Assembly.Location, Path.Combine(library, "p1.bin")); // any managed assembly no record describes
        File.WriteAllText(Path.Combine(library, "E2eAdv5.Blobs.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><EmbeddedResource Include="p1.bin" LogicalName="p1" /></ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(library, "Settings.cs"), "namespace E2eAdv5.Blobs;\npublic static class Settings\n{\n    public static string OpenAiKey() => \"" + key + "\";\n"
            + "    public static Stream Part(string name) => typeof(Settings).Assembly.GetManifestResourceStream(name)!;\n}\n");
        DotNet.Result compile = DotNet.Run(library, new Dictionary<string, string> { ["NUGET_PACKAGES"] = _fixture.PackagesFolder }, "build", Path.Combine(library, "E2eAdv5.Blobs.csproj"), "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.True(compile.ExitCode == 0, compile.ToString());

        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv5-team-lib", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        Git.Run(repo.Directory, "init", "-q"); // adapted: a CI checkout is a git repository, the feed is inside it
        string feed = repo.PathOf("eng/feed");
        TestPackages.Write(feed, "E2eAdv5.Blobs", "1.0.0", new[] { ("lib/net10.0/E2eAdv5.Blobs.dll", File.ReadAllBytes(Path.Combine(library, "bin", "Release", "net10.0", "E2eAdv5.Blobs.dll"))) });

        repo.UseLocalFeed(("repository-feed", feed));
        repo.AddToProject("  <ItemGroup>\n    <PackageReference Include=\"E2eAdv5.Blobs\" Version=\"1.0.0\" />\n  </ItemGroup>");
        repo.Write("Program.cs", "using E2eAdv5.Blobs;\nConsole.WriteLine(Settings.OpenAiKey().Length + \" \" + Settings.Part(\"p1\").Length);\n");

        repo.AssertBuildOrGateFails(
            key,
            () => File.Exists(repo.PathOf("bin/Debug/net10.0/E2eAdv5.Blobs.dll")),
            "bin/E2eAdv5.Blobs.dll (a team package's assembly) holds a key and an unjudged assembly,",
            "GRDCL31",
            "GRDCL30");
    }

    /// <summary>
    /// Finding 4: the key as UTF-32 text behind four NUL bytes, in a .dat copied to bin/ as an ordinary None item. The build
    /// judges it binary and leaves it out quietly; the gate reads binary content in printable ASCII and UTF-16LE runs, and
    /// UTF-32 has one printable byte in four. The app reads it back with Encoding.UTF32. Fails today at the last Assert.True.
    /// </summary>
    [Fact]
    public void A_key_as_utf32_text_in_a_binary_file_copied_to_bin_fails_the_build_or_the_gate()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv5-utf32", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string key = FakeKeys.OpenAiProject("E2eAdv5Utf32FakeKeyNotReal");
        File.WriteAllBytes(repo.PathOf("ship.dat"), new byte[4].Concat(new UTF32Encoding(false, false).GetBytes("OPENAI_API_KEY=" + key + "\n")).ToArray());
        repo.AddToProject("  <ItemGroup><None Update=\"ship.dat\" CopyToOutputDirectory=\"PreserveNewest\" /></ItemGroup>");

        repo.AssertBuildOrGateFails(key, () => File.Exists(repo.PathOf("bin/Debug/net10.0/ship.dat")), "bin/ship.dat holds a key as UTF-32 text", "GRDCL31");
    }

    /// <summary>
    /// Finding 7: a zip holding a managed assembly, behind a PNG signature (logo.png), copied to bin/ as a None item. The
    /// gate opens "every file that starts as a zip"; zip readers (.NET's ZipArchive included) find the archive from its end,
    /// so the app opens it and loads the assembly from bytes. Round 3 #7 is closed only for a zip that starts as one.
    /// Fails today at the last Assert.True (build exit 0, gate exit 0).
    /// </summary>
    [Fact]
    public void A_managed_assembly_in_a_zip_behind_an_image_header_in_bin_fails_the_build_or_the_gate()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv5-prefixed-zip", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        string logo = repo.PathOf("logo.png");
        using (var stream = new FileStream(logo, FileMode.Create))
        {
            stream.Write(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });
            stream.Write(new byte[24]);
            using var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            archive.CreateEntryFromFile(typeof(Assert).Assembly.Location, "plugin.dll"); // any managed assembly no record describes
        }

        using (ZipArchive check = ZipFile.OpenRead(logo))
        {
            Assert.Single(check.Entries); // a zip to every zip reader, though it does not start as one
        }

        repo.AddToProject("  <ItemGroup><None Update=\"logo.png\" CopyToOutputDirectory=\"PreserveNewest\" /></ItemGroup>");

        repo.AssertBuildOrGateFails(null, () => File.Exists(repo.PathOf("bin/Debug/net10.0/logo.png")), "bin/logo.png is a zip holding a managed assembly", "GRDCL30");
    }
}
