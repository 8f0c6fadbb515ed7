using System.Security.Cryptography;
using System.Text;
using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 10 (docs: /work/wt/adversary10-findings.md) routes 3 and 8, in a real build of the packed package.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound10FileRouteTests
{
    private readonly PackageFixture _fixture;

    public AdversaryRound10FileRouteTests(PackageFixture fixture) => _fixture = fixture;

    /// <summary>
    /// Route 3 (repro-3): a key in XML element text split by a comment (App.config) or a CDATA section (settings.xml copied
    /// to the output). Every XML reader returns the whole key; the build read two harmless halves and passed. Now both are
    /// GRD002 at the first piece, and the build fails in Enforce.
    /// </summary>
    [Fact]
    public void Route3_a_key_split_by_an_xml_comment_or_cdata_fails_the_build_with_GRD002_at_its_first_piece()
    {
        TestProject project = _fixture.NewProject();
        string inConfig = FakeKeys.OpenAiProject("E2eCommentSplitFakeKeyNotReal");
        string inXml = FakeKeys.OpenAiProject("E2eCdataSplitFakeKeyNotReal");
        project.Write("Program.cs", "System.Console.WriteLine(1);\n");
        project.Write("App.config", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <openai>\n    <apiKey>" + inConfig[..40] +
                                    "<!-- rotated 2026-11 -->" + inConfig[40..] + "</apiKey>\n  </openai>\n</configuration>\n");
        project.Write("settings.xml", "<settings>\n  <OpenAIKey>" + inXml[..40] + "<![CDATA[" + inXml[40..] + "]]></OpenAIKey>\n</settings>\n");
        project.AddToProject("<ItemGroup>\n  <None Update=\"settings.xml\" CopyToOutputDirectory=\"PreserveNewest\" />\n</ItemGroup>");

        DotNet.Result result = project.Build();

        Assert.True(result.ExitCode != 0, "the split keys passed the build:\n" + result);
        Assert.True(result.Output.Contains("App.config(4,13): error GRD002:", StringComparison.Ordinal), result.ToString());
        Assert.True(result.Output.Contains("settings.xml(2,14): error GRD002:", StringComparison.Ordinal), result.ToString());
        Assert.DoesNotContain("AD0001", result.Output);
        Assert.DoesNotContain(inConfig[10..50], result.Output);
        Assert.DoesNotContain(inXml[10..50], result.Output);
    }

    /// <summary>
    /// Route 8 (repro-8): appsettings.Production.json committed through Git LFS; the checkout holds the pointer. The build
    /// read the pointer and passed. Now, without the object in the clone's LFS store, the content was not scanned: GRD312,
    /// the build fails in Enforce; with the object fetched (.git/lfs/objects), the key in it is GRD002 at the file.
    /// git-lfs is not needed: the pointer and the object are written as it writes them.
    /// </summary>
    [Fact]
    public void Route8_a_file_committed_through_git_lfs_is_read_from_the_lfs_store_or_fails_the_build_as_not_scanned()
    {
        TestProject project = _fixture.NewProject();
        string key = FakeKeys.OpenAiProject("E2eLfsFakeKeyNotReal");
        string content = "{ \"OpenAI\": { \"ApiKey\": \"" + key + "\" } }\n";
        byte[] bytes = Encoding.UTF8.GetBytes(content);
        string oid = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
        project.Write("Program.cs", "System.Console.WriteLine(1);\n");
        project.Write(".gitattributes", "appsettings.Production.json filter=lfs diff=lfs merge=lfs -text\n");
        project.Write("appsettings.Production.json", "version https://git-lfs.github.com/spec/v1\noid sha256:" + oid + "\nsize " + bytes.Length + "\n");
        project.AddToProject("<ItemGroup>\n  <None Update=\"appsettings.Production.json\" CopyToOutputDirectory=\"PreserveNewest\" />\n</ItemGroup>");
        project.Write(".gitignore", "bin/\nobj/\n");
        Git.CommitAll(project.Directory);

        DotNet.Result missing = project.Build();

        Assert.True(missing.ExitCode != 0, "a Git LFS pointer whose content was never read passed the build:\n" + missing);
        Assert.True(missing.Output.Contains("appsettings.Production.json(1,1): Guardrails error GRD312:", StringComparison.Ordinal), missing.ToString());
        Assert.Contains("Git LFS pointer", missing.Output);

        project.Write(".git/lfs/objects/" + oid[..2] + "/" + oid[2..4] + "/" + oid, content);

        DotNet.Result fetched = project.Build("--no-incremental");

        Assert.True(fetched.ExitCode != 0, "the key in the Git LFS object passed the build:\n" + fetched);
        Assert.True(fetched.Output.Contains("appsettings.Production.json(1,26): Guardrails error GRD002:", StringComparison.Ordinal), fetched.ToString());
        Assert.Contains("Git LFS object", fetched.Output);
        Assert.DoesNotContain("GRD312", fetched.Output);
        Assert.DoesNotContain(key[10..50], fetched.Output);
    }
}
