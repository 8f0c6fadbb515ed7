using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Guardrails.Core.Sdks;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// The catalog's signature types (a client type only that SDK declares; an assembly of another name declaring it carries
/// the SDK) checked against the real packages: the catalog SDKs the mirror serves are restored here (PackageDownload into
/// the fixture's package folder) and each of their signature types must be a public type of the SDK's own assembly.
/// </summary>
[Collection(PackageCollection.Name)]
public class SignatureTypeTests
{
    /// <summary>The real packages (id, version) whose client types the catalog lists: every catalog SDK the mirror serves.</summary>
    private static readonly (string Id, string Version)[] Served =
    {
        ("Anthropic.Aws", "1.0.2"), ("Anthropic.Vertex", "1.0.4"), ("Anthropic.GoogleCloud", "1.0.2"), ("Anthropic.Foundry", "1.0.0"),
        ("OllamaSharp", "5.5.2"), ("Betalgo.Ranul.OpenAI", "9.2.6"), ("Microsoft.Agents.AI", "1.28.0"), ("LLamaSharp", "0.30.0"),
        ("ModelContextProtocol.Core", "2.4.0"), ("Microsoft.ML.OnnxRuntimeGenAI.Managed", "0.20.0"), ("Microsoft.Extensions.AI.OpenAI", "11.0.0"),
    };

    private readonly PackageFixture _fixture;

    public SignatureTypeTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Every_signature_type_of_a_served_catalog_sdk_is_a_public_type_of_its_real_assembly()
    {
        string dir = Path.Combine(_fixture.NewProject().Directory + "-signatures");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "Download.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>\n  <ItemGroup>\n" +
            string.Concat(Served.Select(p => $"    <PackageDownload Include=\"{p.Id}\" Version=\"[{p.Version}]\" />\n")) + "  </ItemGroup>\n</Project>\n");
        DotNet.Result restore = DotNet.Run(dir, new Dictionary<string, string> { ["NUGET_PACKAGES"] = _fixture.PackagesFolder }, "restore", "-nodeReuse:false");
        Assert.True(restore.ExitCode == 0, restore.ToString());

        var checkedTypes = new List<string>();
        foreach ((string id, string version) in Served)
        {
            Assert.True(AiSdkCatalog.TryGetByPackageId(id, out AiSdk sdk), id);
            string lib = Path.Combine(_fixture.PackagesFolder, id.ToLowerInvariant(), version, "lib");
            string[] dlls = Directory.GetFiles(lib, "*.dll", SearchOption.AllDirectories)
                .Where(f => sdk.AssemblyNames.Contains(Path.GetFileNameWithoutExtension(f), StringComparer.OrdinalIgnoreCase)).ToArray();
            Assert.NotEmpty(dlls);
            HashSet<string> declared = PublicTypes(dlls);
            foreach (KeyValuePair<string, AiSdk> signature in AiSdkCatalog.SignatureTypes.Where(s => s.Value == sdk))
            {
                Assert.True(declared.Contains(signature.Key), signature.Key + " is no public type of " + id + " " + version);
                checkedTypes.Add(signature.Key);
            }
        }

        // Each served SDK has a client type listed (the list is not allowed to go quietly empty for one of them).
        Assert.Equal(Served.Length, Served.Select(p => AiSdkCatalog.TryGetByPackageId(p.Id, out AiSdk s) ? s.Id : p.Id)
            .Count(sdkId => AiSdkCatalog.SignatureTypes.Any(s => s.Value.Id == sdkId)));
        Assert.Contains("OllamaSharp.OllamaApiClient", checkedTypes);
        Assert.Contains("Betalgo.Ranul.OpenAI.Managers.OpenAIService", checkedTypes);
    }

    private static HashSet<string> PublicTypes(IEnumerable<string> dlls)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (string dll in dlls)
        {
            using FileStream stream = File.OpenRead(dll);
            using var pe = new PEReader(stream);
            MetadataReader md = pe.GetMetadataReader();
            foreach (TypeDefinitionHandle handle in md.TypeDefinitions)
            {
                TypeDefinition type = md.GetTypeDefinition(handle);
                if ((type.Attributes & System.Reflection.TypeAttributes.VisibilityMask) == System.Reflection.TypeAttributes.Public)
                {
                    names.Add(md.GetString(type.Namespace) + "." + md.GetString(type.Name));
                }
            }
        }

        return names;
    }
}
