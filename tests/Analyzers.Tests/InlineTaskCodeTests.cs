using Guardrails.Core.Secrets;
using Guardrails.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using E = Guardrails.Analyzers.Tests.SdkVerify<Guardrails.Analyzers.UnapprovedAiEndpointAnalyzer>;
using K = Guardrails.Analyzers.Tests.Verify<Guardrails.Analyzers.HardcodedKeyInFileAnalyzer>;

namespace Guardrails.Analyzers.Tests;

/// <summary>
/// Adversary round 12 route 10: the C# of an inline MSBuild task (<c>RoslynCodeTaskFactory</c>/<c>CodeTaskFactory</c>
/// <c>&lt;Code&gt;</c>, Fragment, Method or Class) is compiled and run by MSBuild during the build, so the strings it joins
/// from literal pieces (<c>+</c>, <c>const</c> pieces, <c>string.Concat</c>, interpolation of constants) are folded as the
/// analyzers fold C#: GRD004 for a provider host, GRD002 for a key, at the MSBuild file and the line of the code.
/// </summary>
public class InlineTaskCodeTests
{
    private const string OpenAi = "api.openai.com";

    private static readonly string Denied = E.Policy() + "endpoint.denied=api.openai.com\n";

    private static string Task(string type, string code, string language = "cs") =>
        "<Project>\n" +
        "  <UsingTask TaskName=\"AiReview\" TaskFactory=\"RoslynCodeTaskFactory\" AssemblyFile=\"$(MSBuildToolsPath)/Microsoft.Build.Tasks.Core.dll\">\n" +
        "    <Task>\n" +
        "      <Using Namespace=\"System.Net.Http\" />\n" +
        "      <Code Type=\"" + type + "\" Language=\"" + language + "\"><![CDATA[\n" +
        code +
        "      ]]></Code>\n" +
        "    </Task>\n" +
        "  </UsingTask>\n" +
        "  <Target Name=\"AiReview\" BeforeTargets=\"CoreCompile\"><AiReview /></Target>\n" +
        "</Project>\n";

    private static DiagnosticResult Host(string path, string text, string needle)
    {
        int at = text.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(at >= 0, needle + " not in " + path);
        (int line, int column) = LineColumn(text, at);
        (int endLine, int endColumn) = LineColumn(text, at + needle.Length);
        return E.Diagnostic("GRD004").WithSpan(path, line, column, endLine, endColumn).WithSeverity(DiagnosticSeverity.Error)
            .WithArguments(OpenAi, "OpenAI", E.OwnerContact, "lift that deny", " (endpoints.denied 'api.openai.com' (the policy))");
    }

    private static (int Line, int Column) LineColumn(string text, int offset)
    {
        int line = 1, column = 1;
        for (int i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }

    [Fact]
    public async Task A_host_split_by_plus_in_a_fragment_is_GRD004_at_the_line_of_the_code()
    {
        // The repro of route 10, as adv12 wrote it.
        string expression = "\"https://api.open\" + \"ai.com/v1/\"";
        string targets = Task("Fragment", "        var http = new HttpClient { BaseAddress = new Uri(" + expression + ") };\n        Log.LogMessage(\"x\");\n");
        await E.RunAsync(new[] { "class C { }" }, new[] { ("/repo/Directory.Build.targets", targets) }, Denied, Host("/repo/Directory.Build.targets", targets, expression));
    }

    [Fact]
    public async Task Const_pieces_in_a_class_and_string_Concat_in_a_method_and_constant_interpolation_are_folded()
    {
        string classCode =
            "using System;\nusing Microsoft.Build.Utilities;\n" +
            "public class AiReview : Task\n{\n" +
            "    private const string Head = \"api.open\";\n" +
            "    private const string Tail = \"ai.com\";\n" +
            "    public override bool Execute() { var u = new Uri(\"https://\" + Head + Tail); return true; }\n}\n";
        string classTargets = Task("Class", classCode);
        string concat = "string.Concat(\"https://api.open\", \"ai.com/v1\")";
        string methodTargets = Task("Method", "        public override bool Execute() { var u = " + concat + "; return true; }\n");
        string interpolation = "$\"https://{Head}ai.com/v1\"";
        string fragmentTargets = Task("Fragment", "        const string Head = \"api.open\";\n        var u = " + interpolation + ";\n");
        await E.RunAsync(
            new[] { "class C { }" },
            new[] { ("/repo/a.targets", classTargets), ("/repo/b.props", methodTargets), ("/repo/tools/c.proj", fragmentTargets) },
            Denied,
            Host("/repo/a.targets", classTargets, "\"https://\" + Head + Tail"),
            Host("/repo/b.props", methodTargets, concat),
            Host("/repo/tools/c.proj", fragmentTargets, interpolation));
    }

    [Fact]
    public async Task A_whole_host_is_reported_once_and_code_of_other_languages_or_outside_Code_is_not_folded_as_CSharp()
    {
        // The whole literal is the raw text reader's (one report); VB code and an MSBuild property are not C#.
        string literal = "\"https://api.openai.com/v1/\"";
        string whole = Task("Fragment", "        var u = new Uri(" + literal + ");\n");
        string vb = Task("Fragment", "        Dim u = \"https://api.open\" + \"ai.com/v1\"\n", language: "vb");
        string property = "<Project><PropertyGroup><A>\"https://api.open\" + \"ai.com\"</A></PropertyGroup></Project>\n";
        await E.RunAsync(
            new[] { "class C { }" },
            new[] { ("/repo/whole.targets", whole), ("/repo/vb.targets", vb), ("/repo/property.props", property) },
            Denied,
            Host("/repo/whole.targets", whole, "https://api.openai.com/v1/"));
    }

    [Fact]
    public async Task A_key_split_by_plus_in_inline_task_code_is_GRD002_at_the_line_of_the_code()
    {
        string key = FakeKeys.OpenAiProject();
        string expression = "\"" + key.Substring(0, 40) + "\" + \"" + key.Substring(40) + "\"";
        string targets = Task("Fragment", "        var k = " + expression + ";\n        Log.LogMessage(\"Warmup: \" + k.Length);\n");
        var matches = new List<SecretMatch>();
        SecretScanner.Scan(key, matches);
        SecretMatch m = Assert.Single(matches);
        int at = targets.IndexOf(expression, StringComparison.Ordinal);
        (int line, int column) = LineColumn(targets, at);
        (int endLine, int endColumn) = LineColumn(targets, at + expression.Length);
        await K.AnalyzerAsync(
            test =>
            {
                test.TestCode = "class C { }";
                test.TestState.AdditionalFiles.Add(("/repo/Directory.Build.targets", targets));
            },
            K.Diagnostic("GRD002").WithSeverity(DiagnosticSeverity.Error).WithSpan("/repo/Directory.Build.targets", line, column, endLine, endColumn)
                .WithArguments(m.Format.Provider, m.Format.TokenKind, m.Redacted, m.Format.EnvironmentVariable, m.Format.RotateUrl));
    }
}
