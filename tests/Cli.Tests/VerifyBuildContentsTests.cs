using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using Guardrails.Cli.Verify;
using Guardrails.Tests.Shared;

namespace Guardrails.Cli.Tests;

/// <summary>
/// guardrails verify-build looks inside what bin/ ships (issue 12 after adversary round 3 #7): zips (any name, .nupkg
/// included) and the manifest resources of the assemblies it vouches for, judged as files of bin/ are: an assembly
/// inside must be verified or a restored package's file (GRDCL30), text inside is read for keys (GRDCL31); past a limit,
/// or unreadable, the file is GRDCL30.
/// </summary>
public class VerifyBuildContentsTests
{
    private const string Bin = "src/App/bin/Debug/net8.0/";

    private static readonly string Key = FakeKeys.OpenAiProject("GateInsideZipFakeKeyNotReal");

    /// <summary>An unapproved "SDK": any managed assembly no record or package vouches for.</summary>
    private static readonly byte[] Sdk = File.ReadAllBytes(typeof(FactAttribute).Assembly.Location);

    private static string Sha(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    /// <summary>A minimal managed assembly with embedded manifest resources; with <paramref name="code"/> false it defines no type (resource-only, a satellite).</summary>
    internal static byte[] Assembly(string name, bool code, params (string Name, byte[] Bytes)[] resources)
    {
        var metadata = new MetadataBuilder();
        metadata.AddModule(0, metadata.GetOrAddString(name + ".dll"), metadata.GetOrAddGuid(Guid.NewGuid()), default, default);
        metadata.AddAssembly(metadata.GetOrAddString(name), new Version(1, 0, 0, 0), default, default, 0, AssemblyHashAlgorithm.None);
        metadata.AddTypeDefinition(default, default, metadata.GetOrAddString("<Module>"), default, MetadataTokens.FieldDefinitionHandle(1), MetadataTokens.MethodDefinitionHandle(1));
        if (code)
        {
            metadata.AddTypeDefinition(TypeAttributes.Public, metadata.GetOrAddString("App"), metadata.GetOrAddString("Program"), default, MetadataTokens.FieldDefinitionHandle(1), MetadataTokens.MethodDefinitionHandle(1));
        }

        var managed = new BlobBuilder();
        foreach ((string resourceName, byte[] bytes) in resources)
        {
            metadata.AddManifestResource(ManifestResourceAttributes.Public, metadata.GetOrAddString(resourceName), default, (uint)managed.Count);
            managed.WriteInt32(bytes.Length);
            managed.WriteBytes(bytes);
            managed.Align(8);
        }

        var pe = new ManagedPEBuilder(PEHeaderBuilder.CreateLibraryHeader(), new MetadataRootBuilder(metadata), new BlobBuilder(), managedResources: managed);
        var blob = new BlobBuilder();
        pe.Serialize(blob);
        return blob.ToArray();
    }

    private static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, byte[] bytes) in entries)
            {
                using Stream stream = zip.CreateEntry(name).Open();
                stream.Write(bytes);
            }
        }

        return memory.ToArray();
    }

    private static byte[] CompiledResources(Action<System.Resources.ResourceWriter> add)
    {
        using var memory = new MemoryStream();
        using (var writer = new System.Resources.ResourceWriter(memory))
        {
            add(writer);
        }

        return memory.ToArray();
    }

    /// <summary>A repository whose App.dll (<paramref name="app"/>) is verified and shipped in bin/.</summary>
    private static TempRepo Repo(byte[] app)
    {
        var repo = new TempRepo();
        string project = repo.Write("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Write(repo, "src/App/obj/Debug/net8.0/App.dll", app);
        repo.Write("src/App/obj/Debug/net8.0/guardrails/guardrails.audit.json",
            "{ \"auditFormat\": \"1.2\", \"project\": { \"path\": \"" + project.Replace("\\", "\\\\") + "\" }, \"compile\": { \"assembly\": { \"file\": \"App.dll\", \"sha256\": \"" + Sha(app) +
            "\" }, \"checkRan\": true, \"analyzersRan\": true, \"severities\": \"error, not configurable\", \"verified\": true, \"findings\": [] } }");
        Write(repo, Bin + "App.dll", app);
        return repo;
    }

    private static void Write(TempRepo repo, string relative, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(repo.PathOf(relative))!);
        File.WriteAllBytes(repo.PathOf(relative), content);
    }

    private static CliRun Gate(TempRepo repo) => CliRun.Of("verify-build", repo.Root);

    [Fact]
    public void A_key_as_the_name_of_a_file_or_folder_of_bin_fails_the_gate_with_GRDCL31_and_is_never_printed_whole()
    {
        // Adversary round 5 #12 ('fname3'): keys/<whole key>.txt copied to bin/, content harmless.
        byte[] app = Assembly("App", code: true);
        using TempRepo repo = Repo(app);
        Write(repo, Bin + "keys/" + Key + ".txt", Encoding.UTF8.GetBytes("openai\n"));
        Write(repo, Bin + Key + "/readme.txt", Encoding.UTF8.GetBytes("nothing here\n"));
        using TempRepo clean = Repo(app);
        Write(clean, Bin + "keys/openai.txt", Encoding.UTF8.GetBytes("openai\n"));

        CliRun run = Gate(repo);

        Assert.Equal(1, run.ExitCode);
        string[] named = run.Out.Split('\n').Where(l => l.StartsWith("FAIL  GRDCL31 ", StringComparison.Ordinal) && l.Contains("the name of this file", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, named.Length);
        Assert.Contains(named, l => l.Contains("keys/sk-proj-", StringComparison.Ordinal) && l.Contains("OpenAI", StringComparison.Ordinal));
        Assert.DoesNotContain(Key, run.All);
        Assert.Equal(0, Gate(clean).ExitCode);
    }

    /// <summary>
    /// Adversary round 6 E2E-1: a committed data.zip holding one entry keys/&lt;whole key&gt;.txt (content harmless), copied to
    /// bin/: the gate read entry contents for keys, never entry names. Names are read the same way in every container the gate
    /// opens: zip entries (folders and empty entries too), tar entries and link targets, manifest resources, .resources keys.
    /// </summary>
    [Fact]
    public void A_key_as_the_name_of_an_entry_inside_a_zip_tar_or_resource_of_bin_fails_the_gate_with_GRDCL31()
    {
        byte[] app = Assembly("App", code: true, ("App." + Key + ".txt", Encoding.UTF8.GetBytes("harmless\n")), ("App.Strings.resources", CompiledResources(w => w.AddResource(Key, "harmless"))));
        using TempRepo repo = Repo(app);
        File.Delete(repo.PathOf(Bin + "App.dll"));
        using TempRepo clean = Repo(Assembly("App", code: true));
        Write(clean, Bin + "data.zip", Zip(("keys/openai.txt", Encoding.UTF8.GetBytes("openai\n"))));
        Write(clean, Bin + "data.tar", Tar(("keys/openai.txt", Encoding.UTF8.GetBytes("openai\n"))));
        CliRun ok = Gate(clean);
        Assert.True(ok.ExitCode == 0, ok.Out + ok.Err);

        Write(repo, Bin + "data.zip", Zip(("keys/" + Key + ".txt", Encoding.UTF8.GetBytes("openai\n"))));
        Write(repo, Bin + "empty.zip", Zip((Key + "/", Array.Empty<byte>())));
        Write(repo, Bin + "data.tar", Tar(("k/" + Key, Encoding.UTF8.GetBytes("openai\n"))));
        Write(repo, Bin + "App.dll", app);
        CliRun run = Gate(repo);

        Assert.Equal(1, run.ExitCode);
        string[] named = run.Out.Split('\n').Where(l => l.StartsWith("FAIL  GRDCL31 ", StringComparison.Ordinal) && l.Contains("the name of this entry", StringComparison.Ordinal)).ToArray();
        foreach (string where in new[] { "data.zip!keys/sk-proj-", "empty.zip!sk-proj-", "data.tar!k/sk-proj-", "App.dll!App.Strings.resources!sk-proj-", "App.dll!App.sk-proj-" })
        {
            Assert.True(named.Any(l => l.Contains(repo.PathOf(Bin + where), StringComparison.Ordinal)), where + "\n" + run.Out);
        }

        Assert.Equal(5, named.Length);
        Assert.DoesNotContain(Key, run.All);
    }

    /// <summary>
    /// Adversary round 6 #7 ('zdir'): a zip whose entries are named like folders ('a/', 'b/') but hold the SDK's bytes (every
    /// zip reader returns them), with the key as the archive's comment; a gzip whose header comment field holds the key.
    /// The gate skipped folder-named entries and read nothing of an archive but its entries' data.
    /// </summary>
    [Fact]
    public void An_sdk_in_a_folder_named_zip_entry_and_a_key_in_an_archive_comment_fail_the_gate()
    {
        byte[] app = Assembly("App", code: true);
        using TempRepo repo = Repo(app);
        byte[] assets;
        using (var memory = new MemoryStream())
        {
            using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            {
                using (Stream a = zip.CreateEntry("a/").Open())
                {
                    a.Write(Sdk);
                }

                zip.CreateEntry("empty/").Open().Dispose();
                zip.Comment = "OPENAI_API_KEY=" + Key;
            }

            assets = memory.ToArray();
        }

        Write(repo, Bin + "assets.zip", assets);
        byte[] gzip = Gzip(Encoding.UTF8.GetBytes("harmless\n"));
        byte[] comment = Encoding.ASCII.GetBytes("OPENAI_API_KEY=" + Key + "\0");
        byte[] commented = gzip.Take(10).Concat(comment).Concat(gzip.Skip(10)).ToArray();
        commented[3] |= 0x10; // FCOMMENT
        Write(repo, Bin + "notes.gz", commented);
        CliRun run = Gate(repo);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL  GRDCL30 " + repo.PathOf(Bin + "assets.zip") + "!a/", run.Out);
        Assert.Contains("FAIL  GRDCL31 " + repo.PathOf(Bin + "assets.zip") + ":", run.Out);
        Assert.Contains("FAIL  GRDCL31 " + repo.PathOf(Bin + "notes.gz") + ":", run.Out);
        Assert.DoesNotContain("empty/", run.Out);
        Assert.DoesNotContain(Key, run.All);
    }

    [Fact]
    public void An_assembly_or_a_key_inside_a_zip_of_bin_fails_the_gate_and_what_is_vouched_for_passes()
    {
        byte[] app = Assembly("App", code: true);
        using TempRepo repo = Repo(app);
        // What a team legitimately zips: its own verified assembly, notes, a nested zip of the same.
        Write(repo, Bin + "bundle.zip", Zip(("App.dll", app), ("readme.txt", Encoding.UTF8.GetBytes("nothing secret\n")), ("inner.zip", Zip(("App.dll", app)))));
        CliRun clean = Gate(repo);
        Assert.True(clean.ExitCode == 0, clean.Out + clean.Err);

        // Adversary round 3 #7 ('sdkhide'): the SDK zipped by a target after the build and loaded from bytes at run time.
        Write(repo, Bin + "plugins.zip", Zip(("OpenAI.dll", Sdk)));
        // A key in a text entry, and an SDK in a zip inside a .nupkg (a zip under another name).
        Write(repo, Bin + "deploy.zip", Zip(("config/prod.txt", Encoding.UTF8.GetBytes("OPENAI_API_KEY=" + Key + "\n"))));
        Write(repo, Bin + "App.1.0.0.nupkg", Zip(("lib/net8.0/App.dll", app), ("tools/more.zip", Zip(("x.dll", Sdk)))));
        CliRun run = Gate(repo);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL  GRDCL30 " + repo.PathOf(Bin + "plugins.zip") + "!OpenAI.dll", run.Out);
        Assert.Contains("FAIL  GRDCL31 " + repo.PathOf(Bin + "deploy.zip") + "!config/prod.txt", run.Out);
        Assert.Contains("at line 1, column 16", run.Out);
        Assert.Contains("FAIL  GRDCL30 " + repo.PathOf(Bin + "App.1.0.0.nupkg") + "!tools/more.zip!x.dll", run.Out);
        Assert.DoesNotContain(repo.PathOf(Bin + "bundle.zip"), run.Out);
        Assert.DoesNotContain("lib/net8.0/App.dll", run.Out);
        Assert.DoesNotContain(Key, run.Out + run.Err);
    }

    [Fact]
    public void An_assembly_or_a_key_embedded_as_a_resource_of_a_verified_or_a_resource_only_assembly_fails_the_gate()
    {
        byte[] resources = CompiledResources(w =>
        {
            w.AddResource("Greeting", "hello");
            w.AddResource("Settings", "OPENAI_API_KEY=" + Key);
            w.AddResource("Blob", Sdk);
        });
        // Adversary round 3 #7 ('embdll'): the SDK's bytes as an EmbeddedResource with a logical name, inside the verified App.dll.
        byte[] app = Assembly("App", code: true, ("p1", Sdk), ("App.keys.txt", Encoding.UTF8.GetBytes("key: " + Key + "\n")), ("App.Strings.resources", resources), ("App.logo.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0 }));
        using TempRepo repo = Repo(app);
        // A resource-only assembly (a satellite) carrying the SDK.
        Write(repo, Bin + "fr/App.resources.dll", Assembly("App.resources", code: false, ("App.Strings.fr.resources", CompiledResources(w => w.AddResource("x", Sdk)))));

        CliRun run = Gate(repo);

        string dll = repo.PathOf(Bin + "App.dll");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL  GRDCL30 " + dll + "!p1", run.Out);
        Assert.Contains("FAIL  GRDCL31 " + dll + "!App.keys.txt", run.Out);
        Assert.Contains("FAIL  GRDCL31 " + dll + "!App.Strings.resources!Settings", run.Out);
        Assert.Contains("FAIL  GRDCL30 " + dll + "!App.Strings.resources!Blob", run.Out);
        Assert.Contains("FAIL  GRDCL30 " + repo.PathOf(Bin + "fr/App.resources.dll") + "!App.Strings.fr.resources!x", run.Out);
        Assert.DoesNotContain("!Greeting", run.Out);
        Assert.DoesNotContain("App.logo.png", run.Out);
        Assert.DoesNotContain(Key, run.Out + run.Err);

        // The same App with harmless resources only passes.
        using TempRepo plain = Repo(Assembly("App", code: true, ("App.Strings.resources", CompiledResources(w => w.AddResource("Greeting", "hello")))));
        CliRun ok = Gate(plain);
        Assert.True(ok.ExitCode == 0, ok.Out + ok.Err);
    }

    [Fact]
    public void A_zip_the_gate_cannot_look_into_completely_is_GRDCL30_naming_the_limit()
    {
        byte[] app = Assembly("App", code: true);
        using TempRepo repo = Repo(app);
        byte[] deep = Zip(("App.dll", app));
        for (int i = 0; i < ShippedContents.MaxDepth; i++)
        {
            deep = Zip(("level" + i + ".zip", deep));
        }

        Write(repo, Bin + "deep.zip", deep);
        var many = Enumerable.Range(0, ShippedContents.MaxEntries + 1).Select(i => ("e" + i + ".txt", new byte[] { (byte)'x' })).ToArray();
        Write(repo, Bin + "many.zip", Zip(many));
        byte[] damaged = Zip(("a.txt", Encoding.UTF8.GetBytes(new string('a', 4096))));
        Array.Clear(damaged, damaged.Length - 40, 40);
        Write(repo, Bin + "damaged.zip", damaged);

        CliRun run = Gate(repo);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL  GRDCL30 " + repo.PathOf(Bin + "deep.zip") + ": the gate could not look into this file", run.Out);
        Assert.Contains("nested more than " + ShippedContents.MaxDepth + " levels deep", run.Out);
        Assert.Contains("over the limit of " + ShippedContents.MaxEntries, run.Out);
        Assert.Contains(repo.PathOf(Bin + "damaged.zip"), run.Out);
        Assert.Contains("could not be read as one", run.Out);
    }

    [Fact]
    public void A_key_in_a_file_of_bin_whose_name_or_content_says_binary_fails_the_gate_at_its_byte_offset()
    {
        byte[] app = Assembly("App", code: true);
        using TempRepo repo = Repo(app);
        // Adversary round 4 #5 ('dat2', 'nul2'): plain text behind a binary extension, and one NUL byte before the key.
        Write(repo, Bin + "ship.png", Encoding.UTF8.GetBytes("OPENAI_API_KEY=" + Key + "\n"));
        Write(repo, Bin + "ship.pfx", Encoding.UTF8.GetBytes("OPENAI_API_KEY=" + Key + "\n"));
        Write(repo, Bin + "ship.dat", Encoding.UTF8.GetBytes("\0\nOPENAI_API_KEY=" + Key + "\n"));
        // A key as UTF-16LE inside binary data (a .NET string heap, a Windows tool's record), at an odd offset, past 1 MiB.
        byte[] blob = new byte[(1 << 20) + 17];
        new Random(7).NextBytes(blob);
        byte[] wide = Encoding.Unicode.GetBytes(Key);
        byte[] big = blob.Concat(wide).Concat(new byte[] { 0, 0, 1, 2 }).ToArray();
        Write(repo, Bin + "data.bin", big);
        // A key inside an embedded resource that is binary (a serialized object's bytes in a .resources blob).
        byte[] withBinary = Assembly("App", code: true, ("App.blob.bin", Encoding.UTF8.GetBytes("\u0001\0" + Key)));
        using TempRepo embedded = Repo(withBinary);

        CliRun run = Gate(repo);
        CliRun inResource = Gate(embedded);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL  GRDCL31 " + repo.PathOf(Bin + "ship.png") + ": this file in an output folder holds a key", run.Out);
        Assert.Contains("FAIL  GRDCL31 " + repo.PathOf(Bin + "ship.pfx"), run.Out);
        Assert.Contains("FAIL  GRDCL31 " + repo.PathOf(Bin + "ship.dat"), run.Out);
        Assert.Contains("at byte offset 17 (in content that is not text)", run.Out);
        Assert.Contains("FAIL  GRDCL31 " + repo.PathOf(Bin + "data.bin"), run.Out);
        Assert.Contains("at byte offset " + blob.Length, run.Out);
        Assert.Equal(1, inResource.ExitCode);
        Assert.Contains("FAIL  GRDCL31 " + embedded.PathOf(Bin + "App.dll") + "!App.blob.bin", inResource.Out);
        Assert.DoesNotContain(Key, run.Out + run.Err + inResource.Out + inResource.Err);

        // Binary files with no key (random bytes, a real PNG header) and the same random bytes pass.
        using TempRepo clean = Repo(app);
        Write(clean, Bin + "data.bin", blob);
        Write(clean, Bin + "logo.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 });
        CliRun ok = Gate(clean);
        Assert.True(ok.ExitCode == 0, ok.Out + ok.Err);
    }

    private static byte[] Tar(params (string Name, byte[] Bytes)[] entries)
    {
        using var memory = new MemoryStream();
        using (var tar = new System.Formats.Tar.TarWriter(memory, System.Formats.Tar.TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach ((string name, byte[] bytes) in entries)
            {
                tar.WriteEntry(new System.Formats.Tar.PaxTarEntry(System.Formats.Tar.TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) });
            }
        }

        return memory.ToArray();
    }

    private static byte[] Compress(byte[] bytes, Func<Stream, Stream> compressor)
    {
        using var memory = new MemoryStream();
        using (Stream c = compressor(memory))
        {
            c.Write(bytes);
        }

        return memory.ToArray();
    }

    private static byte[] Gzip(byte[] bytes) => Compress(bytes, s => new GZipStream(s, CompressionLevel.Optimal, leaveOpen: true));

    private static byte[] Brotli(byte[] bytes) => Compress(bytes, s => new BrotliStream(s, CompressionLevel.Optimal, leaveOpen: true));

    private static byte[] Deflate(byte[] bytes) => Compress(bytes, s => new DeflateStream(s, CompressionLevel.Optimal, leaveOpen: true));

    /// <summary>
    /// Issue 12 (gate5 #3): the gate opened zips only. A tar, a gzip (a .tar.gz/.tgz), a brotli stream and a raw deflate
    /// stream in bin/ are opened by their bytes whatever their names; a 7z (no reader in .NET) is GRDCL30, not vouched for.
    /// </summary>
    [Fact]
    public void An_assembly_or_a_key_inside_a_tar_gzip_brotli_or_deflate_stream_of_bin_fails_the_gate_and_a_7z_is_not_vouched_for()
    {
        byte[] app = Assembly("App", code: true);
        using TempRepo repo = Repo(app);
        byte[] keyText = Encoding.UTF8.GetBytes("OPENAI_API_KEY=" + Key + "\n");
        // What a team legitimately packs: its own verified assembly and notes, as a .tar.gz.
        Write(repo, Bin + "bundle.tar.gz", Gzip(Tar(("App.dll", app), ("readme.txt", Encoding.UTF8.GetBytes("nothing secret\n")))));
        CliRun clean = Gate(repo);
        Assert.True(clean.ExitCode == 0, clean.Out + clean.Err);

        Write(repo, Bin + "plugins.tar", Tar(("lib/OpenAI.dll", Sdk)));
        Write(repo, Bin + "deploy.tgz", Gzip(Tar(("config/prod.txt", keyText))));
        Write(repo, Bin + "plugin.dat", Brotli(Sdk)); // no magic bytes: opened because it decodes to its end
        Write(repo, Bin + "settings.bin", Gzip(keyText)); // not named .gz
        Write(repo, Bin + "blob.cache", Deflate(Sdk));
        byte[] sevenZip = new byte[64];
        new byte[] { 0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0, 4 }.CopyTo(sevenZip, 0);
        Write(repo, Bin + "more.7z", sevenZip);
        CliRun run = Gate(repo);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL  GRDCL30 " + repo.PathOf(Bin + "plugins.tar") + "!lib/OpenAI.dll", run.Out);
        Assert.Contains("FAIL  GRDCL31 " + repo.PathOf(Bin + "deploy.tgz") + "!(gzip)!config/prod.txt", run.Out);
        Assert.Contains("FAIL  GRDCL30 " + repo.PathOf(Bin + "plugin.dat") + "!(brotli)", run.Out);
        Assert.Contains("FAIL  GRDCL31 " + repo.PathOf(Bin + "settings.bin") + "!(gzip)", run.Out);
        Assert.Contains("FAIL  GRDCL30 " + repo.PathOf(Bin + "blob.cache") + "!(deflate)", run.Out);
        Assert.Contains("FAIL  GRDCL30 " + repo.PathOf(Bin + "more.7z") + ": the gate could not look into this file", run.Out);
        Assert.Contains("7z", run.Out);
        Assert.DoesNotContain(repo.PathOf(Bin + "bundle.tar.gz"), run.Out);
        Assert.DoesNotContain(Key, run.Out + run.Err);
    }

    [Fact]
    public void A_gzip_bomb_or_a_tar_of_too_many_entries_is_GRDCL30_naming_the_limit()
    {
        byte[] app = Assembly("App", code: true);
        using TempRepo repo = Repo(app);
        var many = Enumerable.Range(0, ShippedContents.MaxEntries + 1).Select(i => ("e" + i + ".txt", new byte[] { (byte)'x' })).ToArray();
        Write(repo, Bin + "many.tar", Tar(many));
        // 300 MiB of zeros in a few hundred KiB: past the per-entry limit.
        using (var file = File.Create(repo.PathOf(Bin + "bomb.gz")))
        using (var gz = new GZipStream(file, CompressionLevel.Optimal))
        {
            var zeros = new byte[1 << 20];
            for (int i = 0; i < 300; i++)
            {
                gz.Write(zeros);
            }
        }

        CliRun run = Gate(repo);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL  GRDCL30 " + repo.PathOf(Bin + "many.tar") + ": the gate could not look into this file", run.Out);
        Assert.Contains("over the limit of " + ShippedContents.MaxEntries, run.Out);
        Assert.Contains("FAIL  GRDCL30 " + repo.PathOf(Bin + "bomb.gz") + ": the gate could not look into this file", run.Out);
    }

    /// <summary>
    /// Issue 12 (gate5 #5): Costura (Fody) embeds each dependency in the verified App.dll as a resource
    /// <c>costura.&lt;name&gt;.dll.compressed</c>, a raw deflate stream, and loads it from there at run time. The gate
    /// inflates it: an unapproved SDK inside is GRDCL30, never passed silently.
    /// </summary>
    [Fact]
    public void An_SDK_embedded_by_Costura_as_a_deflate_resource_of_the_verified_assembly_fails_the_gate()
    {
        byte[] app = Assembly("App", code: true, ("costura.openai.dll.compressed", Deflate(Sdk)), ("costura.app.pdb.compressed", Deflate(Encoding.UTF8.GetBytes("nothing\n"))));
        using TempRepo repo = Repo(app);

        CliRun run = Gate(repo);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL  GRDCL30 " + repo.PathOf(Bin + "App.dll") + "!costura.openai.dll.compressed!(deflate)", run.Out);
        Assert.DoesNotContain("costura.app.pdb", run.Out);
    }

    /// <summary>
    /// Adversary round 5 #7: a zip behind a PNG signature (zip readers find an archive by its end record, whatever precedes
    /// it) was judged by its first bytes only, so the SDK inside shipped and loaded. Found by its end record; a file whose
    /// last bytes merely contain PK\5\6 and that .NET cannot open as a zip is read as a file.
    /// </summary>
    [Fact]
    public void A_zip_behind_another_files_header_is_opened()
    {
        byte[] app = Assembly("App", code: true);
        using TempRepo repo = Repo(app);
        byte[] png = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0, 0, 0, 0, 0 };
        // As python's zipfile in append mode writes it (adv5 'zipx'): offsets counted from the file's start, as .NET reads them.
        using (var memory = new MemoryStream())
        {
            memory.Write(png);
            using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            {
                using Stream entry = zip.CreateEntry("OpenAI.dll").Open();
                entry.Write(Sdk);
            }

            Write(repo, Bin + "logo.png", memory.ToArray());
        }

        Write(repo, Bin + "notes.bin", png.Concat(Encoding.ASCII.GetBytes("PK\u0005\u0006 not a zip, and OPENAI_API_KEY=" + Key + "\n")).ToArray());

        CliRun run = Gate(repo);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL  GRDCL30 " + repo.PathOf(Bin + "logo.png") + "!OpenAI.dll", run.Out);
        Assert.Contains("FAIL  GRDCL31 " + repo.PathOf(Bin + "notes.bin") + ": this file in an output folder holds a key", run.Out);
        Assert.DoesNotContain("FAIL  GRDCL30 " + repo.PathOf(Bin + "notes.bin"), run.Out);
        Assert.DoesNotContain(Key, run.Out + run.Err);
    }

    /// <summary>Adversary round 5 #4: a key as UTF-32 text behind four NUL bytes (either byte order) was read by nothing: one printable byte in four.</summary>
    [Fact]
    public void A_key_as_UTF32_text_in_a_binary_file_of_bin_fails_the_gate()
    {
        byte[] app = Assembly("App", code: true);
        using TempRepo repo = Repo(app);
        Write(repo, Bin + "ship2.dat", new byte[4].Concat(new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetBytes("OPENAI_API_KEY=" + Key + "\n")).ToArray());
        Write(repo, Bin + "ship4.dat", new byte[4].Concat(new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes("OPENAI_API_KEY=" + Key + "\n")).ToArray());
        Write(repo, Bin + "ship5.dat", new byte[] { 1, 0 }.Concat(Encoding.BigEndianUnicode.GetBytes("OPENAI_API_KEY=" + Key + "\n")).ToArray());

        CliRun run = Gate(repo);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL  GRDCL31 " + repo.PathOf(Bin + "ship2.dat") + ": this file in an output folder holds a key", run.Out);
        Assert.Contains("FAIL  GRDCL31 " + repo.PathOf(Bin + "ship4.dat") + ": this file in an output folder holds a key", run.Out);
        Assert.Contains("FAIL  GRDCL31 " + repo.PathOf(Bin + "ship5.dat") + ": this file in an output folder holds a key", run.Out);
        Assert.DoesNotContain(Key, run.Out + run.Err);
    }

    /// <summary>
    /// Issue 12 (gate5 #5): a step after the compiler (Fody/Costura weaving in AfterCompile) rewrites obj/App.dll, so the
    /// record's hash no longer matches. The gate fails it (it vouches only for the bytes the analyzers judged) and says
    /// that a rewrite after the compiler is one cause; the woven copy in bin/ is not vouched for either.
    /// </summary>
    [Fact]
    public void An_assembly_rewritten_after_the_compiler_fails_the_gate_naming_the_rewrite()
    {
        byte[] app = Assembly("App", code: true);
        using TempRepo repo = Repo(app);
        byte[] woven = Assembly("App", code: true, ("costura.openai.dll.compressed", Deflate(Sdk)));
        Write(repo, "src/App/obj/Debug/net8.0/App.dll", woven);
        Write(repo, Bin + "App.dll", woven);

        CliRun run = Gate(repo);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("FAIL  GRDCL24 " + repo.PathOf("src/App/obj/Debug/net8.0"), run.Out);
        Assert.Contains("a step after the compiler rewrote it (an IL weaver such as Fody or Costura", run.Out);
        Assert.Contains("FAIL  GRDCL30 " + repo.PathOf(Bin + "App.dll"), run.Out);
    }

    /// <summary>
    /// Adversary round 5 #5: the SDK shipped as a base64 text file in bin/ and loaded with Assembly.Load(Convert.FromBase64String(...)).
    /// Long base64 runs are decoded and judged; a long base64 image in a stylesheet passes.
    /// </summary>
    [Fact]
    public void An_assembly_or_a_key_shipped_as_base64_text_fails_the_gate()
    {
        byte[] app = Assembly("App", code: true);
        using TempRepo repo = Repo(app);
        byte[] image = new byte[8192];
        new Random(5).NextBytes(image);
        Write(repo, Bin + "wwwroot/site.css", Encoding.ASCII.GetBytes(".logo { background: url(data:image/png;base64," + Convert.ToBase64String(image) + "); }\n"));
        CliRun clean = Gate(repo);
        Assert.True(clean.ExitCode == 0, clean.Out + clean.Err);

        Write(repo, Bin + "plugins/p1.txt", Encoding.ASCII.GetBytes(Convert.ToBase64String(Sdk)));
        Write(repo, Bin + "plugins/p2.txt", Encoding.ASCII.GetBytes("# plugin\n" + Convert.ToBase64String(Sdk, Base64FormattingOptions.InsertLineBreaks) + "\n"));
        byte[] padded = Encoding.UTF8.GetBytes("OPENAI_API_KEY=" + Key + "\n" + new string('#', 6000) + "\n");
        Write(repo, Bin + "settings.b64", Encoding.ASCII.GetBytes(Convert.ToBase64String(padded)));

        CliRun run = Gate(repo);

        Assert.Equal(1, run.ExitCode);
        Assert.True(run.Out.Contains("FAIL  GRDCL30 " + repo.PathOf(Bin + "plugins/p1.txt") + "!(base64@0)", StringComparison.Ordinal), run.Out);
        Assert.True(run.Out.Contains("FAIL  GRDCL30 " + repo.PathOf(Bin + "plugins/p2.txt") + "!(base64@9)", StringComparison.Ordinal), run.Out);
        Assert.True(run.Out.Contains("FAIL  GRDCL31 " + repo.PathOf(Bin + "settings.b64") + "!(base64@0)", StringComparison.Ordinal), run.Out);
        Assert.DoesNotContain("site.css", run.Out);
        Assert.DoesNotContain(Key, run.Out + run.Err);
    }
}
