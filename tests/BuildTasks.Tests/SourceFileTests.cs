using System.Security.Cryptography;
using System.Text;
using Guardrails.BuildTasks.Engine;
using Guardrails.BuildTasks.Foundation;
using Guardrails.BuildTasks.Results;
using Guardrails.BuildTasks.Tests.Policy;
using Guardrails.Core.Rules;

namespace Guardrails.BuildTasks.Tests;

/// <summary>The one loader (Foundation/SourceFile): bytes read once, hashed and decoded from those bytes; failures are values.</summary>
public class SourceFileTests
{
    private static string Hex(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();

    [Fact]
    public void The_hash_is_of_the_bytes_read_and_the_text_is_decoded_from_them()
    {
        using var dir = new TempDir();
        byte[] bytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes("{ \"a\": \"é\" }")).ToArray();
        string path = dir.WriteBytes("utf16.json", bytes);

        LoadedFile file = Assert.IsType<LoadedFile>(SourceFile.TryLoad(path, 1024, out LoadFailure failure, out _));

        Assert.Equal(LoadFailure.None, failure);
        Assert.Equal(bytes, file.Bytes);
        Assert.Equal(Hex(bytes), file.Sha256);
        Assert.NotEqual(Hex(Encoding.UTF8.GetBytes("{ \"a\": \"é\" }")), file.Sha256);
        Assert.Equal("{ \"a\": \"é\" }", SourceFile.TryDecode(file, "The file", out Finding? problem));
        Assert.Null(problem);
    }

    [Fact]
    public void Missing_directory_and_oversized_files_are_failures_not_exceptions()
    {
        using var dir = new TempDir();
        string big = dir.Write("big.json", new string(' ', 11));

        Assert.Null(SourceFile.TryLoad(Path.Combine(dir.Path, "none.json"), 1024, out LoadFailure missing, out _));
        Assert.Equal(LoadFailure.NotFound, missing);
        Assert.Null(SourceFile.TryLoad(dir.Path, 1024, out LoadFailure directory, out _));
        Assert.Equal(LoadFailure.Directory, directory);
        Assert.Null(SourceFile.TryLoad(big, 10, out LoadFailure tooLarge, out string size));
        Assert.Equal(LoadFailure.TooLarge, tooLarge);
        Assert.Equal("11", size);
        Assert.NotNull(SourceFile.TryLoad(big, 11, out _, out _));

        Assert.Null(SourceFile.TryLoad(big, RuleCatalog.PolicyUnavailable, "The policy", out Finding? finding, maxBytes: 10));
        Assert.Equal(RuleIds.PolicyUnavailable, finding!.Rule.Id);
        Assert.Equal((1, 1), (finding.Line, finding.Column));
        Assert.Contains("11 bytes; the limit is 10 bytes", finding.Message);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_located_at_line_and_column()
    {
        using var dir = new TempDir();
        byte[] bytes = Encoding.UTF8.GetBytes("{\n  \"a\": \"x").Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes("y\"\n}")).ToArray();
        LoadedFile file = SourceFile.TryLoad(dir.WriteBytes("bad.json", bytes), 1024, out _, out _)!;

        Assert.Null(SourceFile.TryDecode(file, out int line, out int column));
        Assert.Equal((2, 10), (line, column));
        Assert.Null(SourceFile.TryDecode(file, "The manifest", out Finding? problem));
        Assert.Equal((RuleIds.MalformedJson, 2, 10), (problem!.Rule.Id, problem.Line, problem.Column));
    }

    [Fact]
    public void The_assets_file_is_read_by_the_loader_invalid_utf8_is_GRD204_at_the_bad_byte()
    {
        using var dir = new TempDir();
        string policy = dir.Write("guardrails.policy.json", PolicyHarness.BasePolicy);
        string manifest = dir.Write("ai-assistants.json", PolicyHarness.BaseManifest);
        string text = Assets.Build(new[] { "Anthropic" }, ("Anthropic", "1.0.0", Array.Empty<string>()));
        int at = text.IndexOf("Anthropic/1.0.0", StringComparison.Ordinal);
        byte[] bytes = Encoding.UTF8.GetBytes(text.Substring(0, at)).Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes(text.Substring(at))).ToArray();
        string assets = dir.WriteBytes("obj/project.assets.json", bytes);

        CheckResult result = GuardrailsChecker.Run(new CheckRequest
        {
            ProjectPath = Path.Combine(dir.Path, "App.csproj"),
            PolicyPath = policy,
            ManifestPath = manifest,
            ProjectAssetsFile = assets,
            Now = PolicyHarness.Now,
        });

        Finding f = Assert.Single(result.Findings, f => f.Rule.Id == "GRD204");
        (int line, int column) = PolicyHarness.PositionOf(text, "Anthropic/1.0.0");
        Assert.Equal((line, column), (f.Line, f.Column));
        Assert.Contains("not valid UTF-8", f.Message);
    }

    [Fact]
    public void The_pin_and_the_audit_hashes_are_of_the_bytes_that_were_parsed()
    {
        using var dir = new TempDir();
        byte[] policyBytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(PolicyHarness.BasePolicy)).ToArray();
        byte[] manifestBytes = new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(PolicyHarness.BaseManifest)).ToArray();
        string policy = dir.WriteBytes("guardrails.policy.json", policyBytes);
        string manifest = dir.WriteBytes("ai-assistants.json", manifestBytes);

        CheckResult result = GuardrailsChecker.Run(new CheckRequest
        {
            ProjectPath = Path.Combine(dir.Path, "App.csproj"),
            PolicyPath = policy,
            PolicySha256 = Hex(policyBytes),
            ManifestPath = manifest,
            Now = PolicyHarness.Now,
        });

        Assert.Empty(result.Findings.Where(f => f.IsError(result.Enforce)));
        Assert.NotNull(result.Policy);
        Assert.NotNull(result.Manifest);
        Assert.True(result.Integrity.PinMatched);
        Assert.Equal(Hex(policyBytes), result.Integrity.PolicySha256);
        Assert.Equal(Hex(manifestBytes), result.ManifestSha256);
    }

    [Fact]
    public void A_policy_that_is_not_utf8_still_has_its_hash_in_the_audit_facts()
    {
        using var dir = new TempDir();
        byte[] bytes = Encoding.UTF8.GetBytes("{ \"policyFormat\": \"1.0\", \"x\": \"").Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes("\" }")).ToArray();
        string policy = dir.WriteBytes("guardrails.policy.json", bytes);

        CheckResult result = GuardrailsChecker.Run(new CheckRequest { ProjectPath = Path.Combine(dir.Path, "App.csproj"), PolicyPath = policy, Now = PolicyHarness.Now });

        Assert.Contains(result.Findings, f => f.Rule.Id == RuleIds.MalformedJson && f.Line == 1 && f.Column == 32);
        Assert.Equal(Hex(bytes), result.Integrity.PolicySha256);
        Assert.Null(result.Policy);
    }
}
