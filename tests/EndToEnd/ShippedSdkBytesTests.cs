namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 3, route #7 (adapted from branch adv3, AdversaryRound3Tests): the unapproved OpenAI SDK (the real
/// package from nuget.org, fetched with PackageDownload so project.assets.json never lists it) shipped where no file name
/// says so, and loaded from bytes at run time: embedded in the app's own assembly under logical names, or inside a zip
/// the build copies to its output. The verification after the compiler names each such assembly by its own metadata
/// and judges it with the same catalog and evaluator as a copied OpenAI.dll: GRD201, the build fails.
/// </summary>
[Collection(PackageCollection.Name)]
public class ShippedSdkBytesTests
{
    private const string Download = """
          <PropertyGroup><_Pkgs>$([MSBuild]::EnsureTrailingSlash($(NuGetPackageRoot)))</_Pkgs></PropertyGroup>
          <ItemGroup>
            <PackageDownload Include="OpenAI" Version="[2.1.0]" />
            <PackageDownload Include="System.ClientModel" Version="[1.2.1]" />
          </ItemGroup>
        """;

    private readonly PackageFixture _fixture;

    public ShippedSdkBytesTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void An_unapproved_sdk_embedded_in_the_assembly_from_a_PackageDownload_fails_the_build_with_GRD201()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv3-embedded-sdk", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        repo.UseNuGetOrg();
        repo.AddToProject(Download + """
              <ItemGroup>
                <EmbeddedResource Include="$(_Pkgs)openai/2.1.0/lib/net6.0/OpenAI.dll" LogicalName="p1" Visible="false" />
                <EmbeddedResource Include="$(_Pkgs)system.clientmodel/1.2.1/lib/net6.0/System.ClientModel.dll" LogicalName="p2" Visible="false" />
              </ItemGroup>
            """);
        repo.Write("Program.cs", """
            using System.Reflection;
            var loaded = new Dictionary<string, Assembly>();
            foreach (var name in new[] { "p2", "p1" })
            {
                using var stream = typeof(Program).Assembly.GetManifestResourceStream(name)!;
                using var bytes = new MemoryStream();
                stream.CopyTo(bytes);
                var assembly = Assembly.Load(bytes.ToArray());
                loaded[assembly.GetName().Name!] = assembly;
            }
            AppDomain.CurrentDomain.AssemblyResolve += (_, e) => loaded.GetValueOrDefault(new AssemblyName(e.Name).Name!);
            // The type name comes at run time (a constant name is GRD003 at the call, and the compiler then fails before the embedding is judged).
            var type = loaded[string.Concat("Open", "AI")].GetType(args.Length > 0 ? args[0] : "none")!;
            object client = Activator.CreateInstance(type, "gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "missing")!;
            Console.WriteLine(client.GetType().FullName);
            """);

        DotNet.Result build = repo.Build();

        Assert.True(build.ExitCode != 0, "App.dll carries the unapproved OpenAI SDK as a resource and the build is green:\n" + build);
        Assert.Matches(@"error GRD201: The build embeds [^\n]*openai/2\.1\.0/lib/net6\.0/OpenAI\.dll in the assembly as a resource, and it is \(or holds\) the assembly OpenAI of the AI SDK", build.Output);
        // System.ClientModel is no AI SDK: one finding.
        Assert.DoesNotMatch(@"error GRD201: [^\n]*System\.ClientModel\.dll in the assembly", build.Output);
    }

    /// <summary>
    /// Adversary round 4 #4 ('resx2'): the SDK's bytes as a .bin file a .resx pulls in with a ResXFileRef (System.Byte[]);
    /// GenerateResource compiles them into App.Blobs.resources inside App.dll. The verification after the compiler opens
    /// the compiled .resources and names each byte-array entry that is an assembly: GRD201 at file!entry.
    /// </summary>
    [Fact]
    public void An_unapproved_sdk_pulled_into_the_assembly_by_a_resx_file_reference_fails_the_build_with_GRD201()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv4-resx-sdk", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        repo.UseNuGetOrg();
        repo.AddToProject(Download + """
              <Target Name="StageBlob" BeforeTargets="PrepareForBuild">
                <Copy SourceFiles="$(_Pkgs)openai/2.1.0/lib/net6.0/OpenAI.dll" DestinationFiles="$(MSBuildProjectDirectory)/lib/p1.bin" />
              </Target>
            """);
        repo.Write("Blobs.resx", """
            <?xml version="1.0" encoding="utf-8"?>
            <root>
              <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
              <resheader name="version"><value>2.0</value></resheader>
              <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
              <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
              <data name="p1" type="System.Resources.ResXFileRef, System.Windows.Forms"><value>lib/p1.bin;System.Byte[], mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></data>
            </root>
            """);
        repo.Write("Program.cs", "Console.WriteLine(((byte[])new System.Resources.ResourceManager(\"App.Blobs\", typeof(Program).Assembly).GetObject(\"p1\")!).Length);\n");

        DotNet.Result build = repo.Build();

        Assert.True(build.ExitCode != 0, "App.dll carries the unapproved OpenAI SDK through a resx file reference and the build is green:\n" + build);
        Assert.Matches(@"error GRD201: The build embeds [^\n]*Blobs\.resources!p1 in the assembly as a resource, and it is \(or holds\) the assembly OpenAI of the AI SDK", build.Output);
    }

    [Fact]
    public void An_unapproved_sdk_inside_a_zip_the_build_copies_to_its_output_fails_the_build_with_GRD201()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv3-zipped-sdk", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        repo.UseNuGetOrg();
        repo.AddToProject(Download + """
              <ItemGroup>
                <None Include="$(BaseIntermediateOutputPath)plugins.zip" CopyToOutputDirectory="PreserveNewest" Visible="false" />
              </ItemGroup>
              <Target Name="PackPlugins" BeforeTargets="BeforeBuild">
                <Copy SourceFiles="$(_Pkgs)openai/2.1.0/lib/net6.0/OpenAI.dll;$(_Pkgs)system.clientmodel/1.2.1/lib/net6.0/System.ClientModel.dll" DestinationFolder="$(BaseIntermediateOutputPath)stage/" />
                <ZipDirectory SourceDirectory="$(BaseIntermediateOutputPath)stage/" DestinationFile="$(BaseIntermediateOutputPath)plugins.zip" Overwrite="true" />
              </Target>
            """);
        repo.Write("Program.cs", """
            using System.IO.Compression;
            using System.Reflection;
            using var zip = ZipFile.OpenRead(Path.Combine(AppContext.BaseDirectory, "plugins.zip"));
            Console.WriteLine(zip.Entries.Count + " " + typeof(Assembly).Name);
            """);

        DotNet.Result build = repo.Build();

        Assert.True(build.ExitCode != 0, "plugins.zip carries the unapproved OpenAI SDK to bin/ and the build is green:\n" + build);
        Assert.Matches(@"error GRD201: The build copies [^\n]*plugins\.zip!OpenAI\.dll to its output folder, and it is \(or holds\) the assembly OpenAI", build.Output);
    }

    /// <summary>
    /// The same zip written into bin/ by a target after the build (adversary round 3 'sdkhide'): no item names it, so no
    /// check inside the build sees it; the CI gate opens every zip in bin/ and judges the assemblies inside (GRDCL30).
    /// </summary>
    [Fact]
    public void An_unapproved_sdk_zipped_into_bin_after_the_build_fails_the_gate_with_GRDCL30_at_the_entry()
    {
        TestProject repo = _fixture.NewPinnedProject(E2eDocuments.Policy("e2e-adv3-late-zip", 2), E2eDocuments.MinimalManifest, ("GuardrailsMode", "Enforce"));
        repo.UseNuGetOrg();
        repo.AddToProject(Download + """
              <Target Name="PackPlugins" AfterTargets="Build">
                <Copy SourceFiles="$(_Pkgs)openai/2.1.0/lib/net6.0/OpenAI.dll;$(_Pkgs)system.clientmodel/1.2.1/lib/net6.0/System.ClientModel.dll" DestinationFolder="$(BaseIntermediateOutputPath)stage/" />
                <ZipDirectory SourceDirectory="$(BaseIntermediateOutputPath)stage/" DestinationFile="$(OutDir)plugins.zip" Overwrite="true" />
              </Target>
            """);
        DotNet.Result build = repo.Build();
        Assert.True(File.Exists(Path.Combine(repo.Directory, "bin", "Debug", "net10.0", "plugins.zip")), "the route's zip was written:\n" + build);

        DotNet.Result gate = GuardrailsTool.VerifyBuild(repo.Directory);

        Assert.True(gate.ExitCode != 0, "the gate passed an unapproved SDK zipped into bin/:\n" + gate);
        Assert.Contains("FAIL  GRDCL30 " + Path.Combine(repo.Directory, "bin", "Debug", "net10.0", "plugins.zip") + "!OpenAI.dll", gate.Output);
        Assert.Contains("FAIL  GRDCL30 " + Path.Combine(repo.Directory, "bin", "Debug", "net10.0", "plugins.zip") + "!System.ClientModel.dll", gate.Output);
    }
}
