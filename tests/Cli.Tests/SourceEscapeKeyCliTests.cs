using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Guardrails.Tests.Shared;

namespace Guardrails.Cli.Tests;

/// <summary>
/// Adversary round 13 routes 1, 5 and 11 through the CLI: a key percent-encoded in a URL (<c>?api-key=sk%2Dproj-…</c>), in
/// the file language's own escape (<c>sk\x2dproj-…</c> in Python and Go, <c>sk\u002dproj-…</c> in TypeScript and Java,
/// <c>&amp;#45;</c> in README.md) and split inside a notebook output's <c>text</c> list: `guardrails scan` found none of
/// them (repro-1/5/11's content). The gate read bin/appsettings.json, bin/wwwroot/app.js and App.dll's strings without
/// decoding them. Each is a finding now, at its file and line, and no output holds the key.
/// </summary>
public sealed class SourceEscapeKeyCliTests
{
    private const string Bin = "src/App/bin/Debug/net8.0/";

    private static readonly string Key = FakeKeys.OpenAiProject("CliEscapeFakeKeyNotReal");

    private static string Escaped(string escape) => "sk" + escape + Key.Substring(3);

    [Fact]
    public void Percent_and_language_escaped_keys_and_a_key_split_in_a_notebook_output_are_GRD002_in_the_scan()
    {
        using var repo = new TempRepo();
        repo.Write("call.sh", "#!/bin/sh\ncurl -s \"https://ai-gateway.contoso.example/v1/models?api-key=" + Escaped("%2D") + "\"\n");
        repo.Write("src/App/appsettings.json", "{ \"Llm\": { \"Url\": \"https://ai-gateway.contoso.example/v1/chat?api-key=" + Escaped("%2D") + "\" } }\n");
        repo.Write("tools/summarise.py", "from openai import OpenAI\n\nclient = OpenAI(api_key=\"" + Escaped("\\x2d") + "\")\n");
        repo.Write("go/key.go", "package main\n\nconst key = \"" + Escaped("\\x2d") + "\"\n");
        repo.Write("web/client.ts", "export const key = \"" + Escaped("\\u002d") + "\";\n");
        repo.Write("java/Llm.java", "class Llm {\n  static final String K = \"" + Escaped("\\u002d") + "\";\n}\n");
        repo.Write("README.md", "# App\n\nKey: `" + Escaped("&#45;") + "`\n");
        repo.Write("notebooks/explore.ipynb", "{\n \"cells\": [\n  {\n   \"cell_type\": \"code\",\n   \"metadata\": {},\n   \"source\": [\"print(cfg)\\n\"],\n   \"outputs\": [\n    {\n" +
            "     \"output_type\": \"stream\",\n     \"name\": \"stdout\",\n     \"text\": [\n      \"{'key': '" + Key.Substring(0, 50) + "\",\n      \"" + Key.Substring(50) + "'}\\n\"\n     ]\n    }\n   ]\n  }\n ],\n" +
            " \"metadata\": {},\n \"nbformat\": 4,\n \"nbformat_minor\": 5\n}\n");

        CliRun run = CliRun.Of("scan", repo.Root, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using JsonDocument doc = JsonDocument.Parse(run.Out);
        var found = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == "GRD002")
            .Select(f => (f.GetProperty("file").GetString(), f.GetProperty("line").GetInt32()))
            .OrderBy(f => f.Item1, StringComparer.Ordinal).ToArray();
        Assert.Equal(new (string?, int)[]
        {
            ("README.md", 3), ("call.sh", 2), ("go/key.go", 3), ("java/Llm.java", 2), ("notebooks/explore.ipynb", 12),
            ("src/App/appsettings.json", 1), ("tools/summarise.py", 3), ("web/client.ts", 1),
        }, found);
        Assert.DoesNotContain(Key, run.Out + run.Err);
        Assert.DoesNotContain(Key.Substring(10), run.Out + run.Err);
    }

    /// <summary>An assembly whose #US heap holds <paramref name="userString"/> (a C# string constant compiled in).</summary>
    private static byte[] Assembly(string userString)
    {
        var metadata = new MetadataBuilder();
        metadata.AddModule(0, metadata.GetOrAddString("App.dll"), metadata.GetOrAddGuid(Guid.NewGuid()), default, default);
        metadata.AddAssembly(metadata.GetOrAddString("App"), new Version(1, 0, 0, 0), default, default, 0, AssemblyHashAlgorithm.None);
        metadata.AddTypeDefinition(default, default, metadata.GetOrAddString("<Module>"), default, MetadataTokens.FieldDefinitionHandle(1), MetadataTokens.MethodDefinitionHandle(1));
        metadata.AddTypeDefinition(TypeAttributes.Public, metadata.GetOrAddString("App"), metadata.GetOrAddString("Gateway"), default, MetadataTokens.FieldDefinitionHandle(1), MetadataTokens.MethodDefinitionHandle(1));
        metadata.GetOrAddUserString(userString);
        var pe = new ManagedPEBuilder(PEHeaderBuilder.CreateLibraryHeader(), new MetadataRootBuilder(metadata), new BlobBuilder());
        var blob = new BlobBuilder();
        pe.Serialize(blob);
        return blob.ToArray();
    }

    private static TempRepo Repo(byte[] app)
    {
        var repo = new TempRepo();
        string project = repo.Write("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\" />");
        Write(repo, "src/App/obj/Debug/net8.0/App.dll", app);
        repo.Write("src/App/obj/Debug/net8.0/guardrails/guardrails.audit.json",
            "{ \"auditFormat\": \"1.2\", \"project\": { \"path\": \"" + project.Replace("\\", "\\\\") + "\" }, \"compile\": { \"assembly\": { \"file\": \"App.dll\", \"sha256\": \"" +
            Convert.ToHexString(SHA256.HashData(app)).ToLowerInvariant() + "\" }, \"checkRan\": true, \"analyzersRan\": true, \"severities\": \"error, not configurable\", \"verified\": true, \"findings\": [] } }");
        Write(repo, Bin + "App.dll", app);
        return repo;
    }

    private static void Write(TempRepo repo, string relative, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(repo.PathOf(relative))!);
        File.WriteAllBytes(repo.PathOf(relative), content);
    }

    [Fact]
    public void The_gate_decodes_percent_escapes_in_bin_text_and_assembly_strings_and_a_scripts_own_escapes_GRDCL31()
    {
        string url = "https://ai-gateway.contoso.example/v1/models?api-key=" + Escaped("%2D");
        using TempRepo clean = Repo(Assembly("https://ai-gateway.contoso.example/v1/models"));
        Write(clean, Bin + "appsettings.json", Encoding.UTF8.GetBytes("{ \"Llm\": { \"Url\": \"https://ai-gateway.contoso.example/v1/chat\" } }\n"));
        CliRun ok = CliRun.Of("verify-build", clean.Root);
        Assert.True(ok.ExitCode == 0, ok.Out + ok.Err);

        using TempRepo repo = Repo(Assembly(url));
        Write(repo, Bin + "appsettings.json", Encoding.UTF8.GetBytes("{ \"Llm\": { \"Url\": \"" + url.Replace("models", "chat") + "\" } }\n"));
        Write(repo, Bin + "wwwroot/app.js", Encoding.UTF8.GetBytes("const key = \"" + Escaped("\\u002d") + "\";\n"));
        CliRun run = CliRun.Of("verify-build", repo.Root);

        Assert.Equal(1, run.ExitCode);
        string[] keys = run.Out.Split('\n').Where(l => l.StartsWith("FAIL  GRDCL31 ", StringComparison.Ordinal)).ToArray();
        Assert.Contains(keys, l => l.Contains("App.dll", StringComparison.Ordinal));
        Assert.Contains(keys, l => l.Contains("appsettings.json", StringComparison.Ordinal));
        Assert.Contains(keys, l => l.Contains("app.js", StringComparison.Ordinal));
        Assert.DoesNotContain(Key.Substring(10), run.All);
    }
}
