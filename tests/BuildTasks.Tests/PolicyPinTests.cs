using System.Security.Cryptography;
using System.Text;

namespace Guardrails.BuildTasks.Tests;

/// <summary>GRD301 (pin mismatch) and GRD302 (malformed pin).</summary>
public class PolicyPinTests
{
    [Fact]
    public void A_matching_pin_passes_in_any_case_and_with_a_sha256_prefix()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        string hash = CheckRunner.Sha256Of(runner.Task.PolicyPath!);
        runner.Task.PolicySha256 = " sha256:" + hash.ToUpperInvariant() + " ";

        Assert.True(runner.Run().Passed, string.Join(", ", runner.ErrorCodes));
        Assert.Empty(runner.Engine.Errors);
    }

    public static IEnumerable<object[]> Encodings() => new[]
    {
        new object[] { "utf-8" }, new object[] { "utf-8 with BOM" }, new object[] { "utf-8, CRLF" }, new object[] { "utf-16 LE with BOM" },
        new object[] { "utf-16 BE with BOM" }, new object[] { "utf-32 LE with BOM" },
    };

    /// <summary>
    /// The pin is over the bytes on disk, the very bytes the policy is parsed from: the same policy text in another
    /// encoding, with a byte-order mark or with CRLF line ends parses to the same policy but is another file, so only
    /// the hash of its own bytes passes (the owner pins what `sha256sum` prints), and a pin of the plain UTF-8 text
    /// does not pass a re-encoded copy.
    /// </summary>
    [Theory]
    [MemberData(nameof(Encodings))]
    public void The_pin_is_over_the_bytes_on_disk_whatever_their_encoding(string encoding)
    {
        string text = CheckRunner.Policy.Replace(", \"owner\"", ",\n  \"owner\"", StringComparison.Ordinal) + "\n";
        byte[] bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(text),
            "utf-8 with BOM" => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray(),
            "utf-8, CRLF" => Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal)),
            "utf-16 LE with BOM" => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray(),
            "utf-16 BE with BOM" => Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray(),
            "utf-32 LE with BOM" => Encoding.UTF32.GetPreamble().Concat(Encoding.UTF32.GetBytes(text)).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        };
        string ofBytes = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
        string ofPlainText = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        dir.WriteBytes(Path.GetRelativePath(dir.Path, runner.Task.PolicyPath!), bytes);
        Assert.Equal(ofBytes, CheckRunner.Sha256Of(runner.Task.PolicyPath!));

        runner.Task.PolicySha256 = ofBytes;
        Assert.True(runner.Run().Passed, encoding + ": " + string.Join(", ", runner.ErrorCodes));

        var other = new CheckRunner(dir);
        dir.WriteBytes(Path.GetRelativePath(dir.Path, other.Task.PolicyPath!), bytes);
        other.Task.PolicySha256 = ofPlainText;
        bool plain = encoding == "utf-8";
        Assert.Equal(plain, other.Run().Passed);
        if (!plain)
        {
            Assert.Contains(ofBytes, other.Error("GRD301").Message);
        }
    }

    [Fact]
    public void A_tampered_policy_fails_with_GRD301_naming_both_hashes()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        string pinned = CheckRunner.Sha256Of(runner.Task.PolicyPath!);
        runner.Task.PolicySha256 = pinned;
        File.WriteAllText(runner.Task.PolicyPath!, CheckRunner.Policy.Replace("\"revision\": 3", "\"revision\": 3, \"defaults\": { \"unknownAssistant\": \"allow\" }"));
        string actual = CheckRunner.Sha256Of(runner.Task.PolicyPath!);

        Assert.False(runner.Run().Passed);
        var error = runner.Error("GRD301");
        Assert.Equal(runner.Task.PolicyPath, error.File);
        Assert.Contains(pinned, error.Message);
        Assert.Contains(actual, error.Message);
        Assert.Contains("docs/rules/GRD301.md", error.Message);
    }

    [Fact]
    public void Several_pins_accept_either_file_during_a_rollout()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        string hash = CheckRunner.Sha256Of(runner.Task.PolicyPath!);
        runner.Task.PolicySha256 = new string('a', 64) + ";" + hash;
        Assert.True(runner.Run().Passed);
    }

    [Fact]
    public void Audit_mode_reports_a_mismatch_as_a_warning()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.PolicySha256 = new string('0', 64);
        runner.Task.Mode = "Audit";
        Assert.True(runner.Run().Passed);
        Assert.Contains("GRD301", runner.WarningCodes);
    }

    [Fact]
    public void A_pin_with_the_policy_path_cleared_is_GRD301_on_the_project()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir, policy: null);
        runner.Task.PolicySha256 = new string('b', 64);

        Assert.False(runner.Run().Passed);
        var error = runner.Error("GRD301");
        Assert.Equal(runner.Task.ProjectPath, error.File);
        Assert.Contains("GuardrailsPolicyPath is empty", error.Message);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz")]
    [InlineData("sha1:0123456789012345678901234567890123456789")]
    public void A_malformed_pin_is_GRD302_and_never_silently_accepted(string pin)
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.PolicySha256 = pin;

        Assert.False(runner.Run().Passed);
        var error = runner.Error("GRD302");
        Assert.Equal(runner.Task.ProjectPath, error.File);
        Assert.Contains("64 hexadecimal digits", error.Message);
        Assert.DoesNotContain("GRD301", runner.ErrorCodes);
    }

    [Fact]
    public void A_hostile_pin_is_shortened_and_control_characters_are_not_echoed()
    {
        using var dir = new TempDir();
        var runner = new CheckRunner(dir);
        runner.Task.PolicySha256 = "\u001b[31m" + new string('x', 500);
        runner.Run();
        string message = runner.Error("GRD302").Message!;
        Assert.False(message.Contains('\u001b'), message);
        Assert.DoesNotContain(new string('x', 100), message);
    }
}
