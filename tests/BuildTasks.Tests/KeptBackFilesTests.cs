using System.Text;
using Guardrails.Core.Files;
using Guardrails.Tests.Shared;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Guardrails.BuildTasks.Tests;

/// <summary>
/// Files the scan selection kept back from the compiler: the check scans the large text ones itself (GRD002 at file,
/// line, column) and reports the ones nothing can scan (GRD312, an opt-out the policy may allow).
/// </summary>
public class KeptBackFilesTests
{
    private static string Padded(string key) =>
        "{\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\n  \"Padding\": \"" + new string('p', TextFileSecrets.MaxLength) +
        "\",\n  \"OpenAI\": {\n    \"ApiKey\": \"" + key + "\"\n  }\n}\n";

    /// <summary>Runs the selection (as the build does) over the files, then the check with the selection's list.</summary>
    private static CheckRunner Check(TempDir dir, string? policy, params string[] files)
    {
        var select = new GuardrailsSelectScanFiles
        {
            BuildEngine = new FakeBuildEngine(),
            Candidates = files.Select(f => (ITaskItem)new TaskItem(f)).ToArray(),
            ProjectDirectory = dir.Path,
            SkippedListFile = Path.Combine(dir.Path, "obj", "guardrails", SkippedList.FileName),
            IncludeRepositoryFiles = false,
        };
        Assert.True(select.Execute());
        Assert.Equal(files.Length, select.KeptBack.Length);
        var runner = policy == null ? new CheckRunner(dir, policy: null, manifest: null) : new CheckRunner(dir, policy);
        runner.Task.KeptBackList = select.SkippedListFile;
        return runner.Run();
    }

    [Fact]
    public void A_key_in_a_file_padded_past_the_compilers_limit_fails_Enforce_at_its_line_without_a_policy_too()
    {
        using var dir = new TempDir();
        string key = FakeKeys.OpenAiProject("PaddedSettingsFakeKeyNotReal");
        string settings = dir.Write("appsettings.json", Padded(key));

        foreach (string? policy in new[] { CheckRunner.Policy, null })
        {
            CheckRunner run = Check(dir, policy, settings);
            Assert.False(run.Passed);
            BuildErrorEventArgs error = run.Error("GRD002");
            Assert.Equal(settings, error.File);
            Assert.Equal((5, 16), (error.LineNumber, error.ColumnNumber));
            Assert.Contains("OpenAI project API key is in this file (sk-proj-", error.Message);
            Assert.DoesNotContain("GRD312", run.ErrorCodes);
            Assert.DoesNotContain(key, run.AllLogged);
            Assert.DoesNotContain(key, File.ReadAllText(run.Task.AuditFile!));
        }
    }

    [Fact]
    public void A_padded_file_without_a_key_passes()
    {
        using var dir = new TempDir();
        string settings = dir.Write("appsettings.json", Padded("read-it-from-the-environment"));
        CheckRunner run = Check(dir, CheckRunner.Policy, settings);
        Assert.True(run.Passed, string.Join("\n", run.Engine.Errors.Select(e => e.Code + " " + e.Message)));
    }

    [Fact]
    public void Binary_bytes_behind_a_text_name_are_GRD312_naming_the_file_unless_the_policy_allows_opt_outs()
    {
        using var dir = new TempDir();
        string settings = dir.WriteBytes("appsettings.Production.json", Encoding.UTF8.GetBytes("{ \"OpenAI\": { \"Endpoint\": \"https://api.openai.com/v1\" } }\0\0"));
        string image = dir.WriteBytes("docs/logo.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0 });

        CheckRunner governed = Check(dir, CheckRunner.Policy, settings, image);
        Assert.False(governed.Passed);
        BuildErrorEventArgs error = governed.Error("GRD312");
        Assert.Equal(settings, error.File);
        Assert.Contains("appsettings.Production.json: its content is binary", error.Message);

        CheckRunner allowed = Check(dir, CheckRunner.PolicyAllowing("[\"optOut\"]"), settings, image);
        Assert.True(allowed.Passed, string.Join("\n", allowed.Engine.Errors.Select(e => e.Code + " " + e.Message)));

        CheckRunner ungoverned = Check(dir, null, settings, image);
        Assert.True(ungoverned.Passed); // no policy, no governance: GRD007 (analyzer) names the file
    }

    /// <summary>
    /// Adversary round 6 #9: one NUL byte in a config file made it "binary": GRD312 (which a policy allowing opt-outs lets
    /// pass, and which is no finding without a policy) and the key in it never reported. The check reads the file's text
    /// (NULs as spaces): the key is GRD002 at its line and column, whatever the policy allows, and with no policy too.
    /// </summary>
    [Fact]
    public void A_key_in_a_text_file_with_a_stray_NUL_byte_is_GRD002_at_its_line_whatever_the_policy_allows()
    {
        using var dir = new TempDir();
        string key = FakeKeys.OpenAiProject("NulHiddenFakeKeyNotReal");
        string settings = dir.WriteBytes("appsettings.Production.json", Encoding.UTF8.GetBytes("{\0\n  \"OpenAI\": { \"ApiKey\": \"" + key + "\" }\n}\n"));
        string mistral = FakeKeys.Mistral("MistralFakeKeyForNulFileTests77");
        string env = dir.WriteBytes("deploy/.env", Encoding.UTF8.GetBytes("\0\0LOG=info\nMISTRAL_API_KEY=" + mistral + "\n"));

        foreach (string? policy in new[] { CheckRunner.Policy, CheckRunner.PolicyAllowing("[\"optOut\"]"), null })
        {
            CheckRunner run = Check(dir, policy, settings, env);
            Assert.False(run.Passed);
            var errors = run.Engine.Errors.Where(e => e.Code == "GRD002").OrderBy(e => e.File, StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { (settings, 2, 26), (env, 2, 17) }.OrderBy(e => e.Item1, StringComparer.Ordinal), errors.Select(e => (e.File, e.LineNumber, e.ColumnNumber)));
            Assert.All(errors, e => Assert.Contains("the file holds a NUL byte", e.Message));
            Assert.DoesNotContain(key, run.AllLogged);
            Assert.DoesNotContain(mistral, run.AllLogged);
        }
    }

    /// <summary>
    /// Adversary round 6 #16: a file whose name is not valid UTF-8 is listed (by MSBuild's globbing, by .NET) with U+FFFD in
    /// place of its bytes and cannot be opened by that name: the selection dropped it as missing and nothing said so. It is
    /// kept back and the check reports it (GRD312, an error in Enforce, not an opt-out a policy may allow).
    /// </summary>
    [Fact]
    public void A_file_whose_name_is_not_UTF8_is_GRD312_naming_it()
    {
        using var dir = new TempDir();
        string listed = Path.Combine(dir.Path, "settings\uFFFD.json");

        foreach (string policy in new[] { CheckRunner.Policy, CheckRunner.PolicyAllowing("[\"optOut\"]") })
        {
            CheckRunner run = Check(dir, policy, listed);
            Assert.False(run.Passed);
            BuildErrorEventArgs error = run.Error("GRD312");
            Assert.Equal(listed, error.File);
            Assert.Contains("not valid UTF-8", error.Message);
        }
    }

    [Fact]
    public void A_key_in_UTF16_without_a_byte_order_mark_or_in_UTF32_is_GRD002_at_its_line()
    {
        // Adversary round 3 #14: the compiler cannot decode these, so the check does.
        using var dir = new TempDir();
        string key = FakeKeys.OpenAiProject("Utf16NoBomFakeKeyNotReal");
        string k16 = dir.WriteBytes("k16.txt", new UnicodeEncoding(false, false).GetBytes("# deploy\nOPENAI_API_KEY=" + key + "\n"));
        string k32 = dir.WriteBytes("settings32.json",
            new UTF32Encoding(false, true).GetPreamble().Concat(new UTF32Encoding(false, false).GetBytes("{\n  \"OpenAI\": { \"ApiKey\": \"" + key + "\" }\n}\n")).ToArray());

        CheckRunner run = Check(dir, CheckRunner.Policy, k16, k32);
        Assert.False(run.Passed);
        var errors = run.Engine.Errors.Where(e => e.Code == "GRD002").OrderBy(e => e.File, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { (k16, 2, 16), (k32, 2, 26) }.OrderBy(e => e.Item1, StringComparer.Ordinal), errors.Select(e => (e.File, e.LineNumber, e.ColumnNumber)));
        Assert.All(errors, e => Assert.Contains("UTF-32 or UTF-16 without a byte-order mark", e.Message));
        Assert.DoesNotContain("GRD312", run.ErrorCodes);
        Assert.DoesNotContain(key, run.AllLogged);
    }

    [Fact]
    public void A_file_over_the_streaming_limit_is_GRD312_without_being_read()
    {
        using var dir = new TempDir();
        string huge = Path.Combine(dir.Path, "seed.json");
        using (var stream = File.Create(huge))
        {
            stream.SetLength(TextFileSecrets.StreamMaxBytes + 1); // sparse
        }

        CheckRunner run = Check(dir, CheckRunner.Policy, huge);
        Assert.False(run.Passed);
        Assert.Contains("seed.json: its size (67,108,865 bytes) is over the 67,108,864-byte limit", run.Error("GRD312").Message);
    }
}

/// <summary>A file whose name the compiler's command line cannot carry (CS2001) is scanned by the check instead.</summary>
public class KeptBackNameTests
{
    [Fact]
    public void A_line_break_in_a_file_name_keeps_it_from_the_compiler_and_the_check_scans_it()
    {
        using var dir = new TempDir();
        string key = FakeKeys.OpenAiProject("NewlineNameFakeKeyNotReal");
        string odd = dir.Write("app\nsettings%1.json", "{ \"OpenAI\": { \"ApiKey\": \"" + key + "\" } }\n");
        var select = new GuardrailsSelectScanFiles
        {
            BuildEngine = new FakeBuildEngine(),
            Candidates = new ITaskItem[] { new TaskItem(odd) },
            ProjectDirectory = dir.Path,
            SkippedListFile = Path.Combine(dir.Path, "obj", SkippedList.FileName),
            IncludeRepositoryFiles = false,
        };
        Assert.True(select.Execute());

        Assert.DoesNotContain(select.Files, f => f.ItemSpec == odd);
        string list = File.ReadAllText(select.SkippedListFile);
        Assert.Equal(2, list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // header + one entry on one line
        Assert.Equal((SkippedList.Name, odd), SkippedList.Parse(list).Select(e => (e.Reason, e.Path)).Single());

        var run = new CheckRunner(dir);
        run.Task.KeptBackList = select.SkippedListFile;
        run.Run();
        Assert.False(run.Passed);
        var error = run.Error("GRD002");
        Assert.Equal(odd, error.File);
        Assert.Contains("line break or control character", error.Message);
        Assert.DoesNotContain(key, run.AllLogged);
    }
}

/// <summary>A file whose name holds a key (adversary round 5 #12: keys/&lt;whole key&gt;.txt copied to bin/): the name is text too.</summary>
public class KeyInFileNameTests
{
    [Fact]
    public void A_key_as_a_file_or_folder_name_of_the_scan_fails_Enforce_with_GRD002_at_the_path_redacted()
    {
        using var dir = new TempDir();
        string key = FakeKeys.OpenAiProject("KeyAsFileNameFakeKeyNotReal");
        string named = dir.Write("keys/" + key + ".txt", "openai\n");
        string image = dir.Write("keys/" + key + "/logo.png", "png");
        string plain = dir.Write("keys/openai.txt", "openai\n");
        var select = new GuardrailsSelectScanFiles
        {
            BuildEngine = new FakeBuildEngine(),
            // Shipped items (None with CopyToOutputDirectory) of any kind, as the package's targets pass them.
            Candidates = new[] { named, image, plain }.Select(f => (ITaskItem)new TaskItem(f, new Dictionary<string, string> { [Guardrails.BuildTasks.Foundation.ScanFileKinds.ShippedMetadata] = "true" })).ToArray(),
            ProjectDirectory = dir.Path,
            SkippedListFile = Path.Combine(dir.Path, "obj", SkippedList.FileName),
            IncludeRepositoryFiles = false,
        };
        Assert.True(select.Execute());
        Assert.DoesNotContain(select.Files, f => f.ItemSpec == named);
        Assert.Contains(select.Files, f => f.ItemSpec == plain);

        var run = new CheckRunner(dir);
        run.Task.KeptBackList = select.SkippedListFile;
        run.Run();

        Assert.False(run.Passed);
        BuildErrorEventArgs[] errors = run.Engine.Errors.Where(e => e.Code == "GRD002").ToArray();
        Assert.Equal(2, errors.Length);
        Assert.All(errors, e => Assert.Contains("The name of this file", e.Message));
        Assert.Contains(errors, e => e.File.Contains("keys/sk-proj-", StringComparison.Ordinal) && e.File.EndsWith(".txt", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.DoesNotContain(key, e.File));
        Assert.DoesNotContain("GRD312", run.ErrorCodes);
        Assert.DoesNotContain(key, run.AllLogged);
        Assert.DoesNotContain(key, File.ReadAllText(run.Task.AuditFile!));
    }
}

/// <summary>A committed symbolic link that points nowhere: git commits its target text, which the check scans.</summary>
public class DanglingLinkTests
{
    [Fact]
    public void A_key_as_the_target_text_of_a_dangling_symbolic_link_fails_Enforce_with_GRD002_at_the_link()
    {
        // Adversary round 5 ('fname', 'fname2'): deploy/openai.env -> "OPENAI_API_KEY=<key>" (git mode 120000).
        using var dir = new TempDir();
        string key = FakeKeys.OpenAiProject("DanglingLinkCheckFakeKeyNotReal");
        Directory.CreateDirectory(Path.Combine(dir.Path, "deploy"));
        string link = Path.Combine(dir.Path, "deploy", "openai.env");
        File.CreateSymbolicLink(link, "OPENAI_API_KEY=" + key);
        string harmless = Path.Combine(dir.Path, "deploy", "other.env");
        File.CreateSymbolicLink(harmless, "nowhere.env");
        var select = new GuardrailsSelectScanFiles
        {
            BuildEngine = new FakeBuildEngine(),
            Candidates = new ITaskItem[] { new TaskItem(link), new TaskItem(harmless) },
            ProjectDirectory = dir.Path,
            SkippedListFile = Path.Combine(dir.Path, "obj", SkippedList.FileName),
            IncludeRepositoryFiles = false,
        };
        Assert.True(select.Execute());
        Assert.DoesNotContain(select.Files, f => f.ItemSpec == link || f.ItemSpec == harmless);

        var run = new CheckRunner(dir);
        run.Task.KeptBackList = select.SkippedListFile;
        run.Run();

        Assert.False(run.Passed);
        BuildErrorEventArgs error = run.Error("GRD002");
        Assert.Equal(link, error.File);
        Assert.Contains("target of a symbolic link", error.Message);
        Assert.DoesNotContain("GRD312", run.ErrorCodes);
        Assert.DoesNotContain(key, run.AllLogged);
    }
}
