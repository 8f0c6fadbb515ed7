using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 11 route 1 in a real build of the packed package (Enforce): an OpenAI project key written as one word
/// the language joins, committed in <c>scripts/summarize.sh</c> (<c>export OPENAI_API_KEY=sk-…"…"</c>), a
/// <c>Dockerfile</c> (<c>ENV OPENAI_API_KEY=…\</c> + newline + the rest, the "continued lines" GRD002 promised),
/// <c>scripts/notes.ps1</c> (a backtick), <c>scripts/notes.cmd</c> (a caret) and <c>scripts/settings.py</c> (adjacent
/// literals). The build was green (GRD006 warnings for the Dockerfile and cmd halves); each file is now GRD002 at the
/// key's first piece. Route 9 rides along: <c>tools/u7.py</c> declared <c># -*- coding: utf-7 -*-</c> with
/// <c>"+AHM-k-proj-…"</c> (Python reads <c>sk-proj-…</c>) is GRD002 at its first encoded character.
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound11QuotingTests
{
    private readonly PackageFixture _fixture;

    public AdversaryRound11QuotingTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Route1_a_key_joined_by_the_script_or_container_language_fails_the_enforce_build_at_its_first_piece()
    {
        TestProject project = _fixture.NewProject();
        string key = FakeKeys.OpenAiProject("E2eRound11QuotedNotRealKey");
        string head = key.Substring(0, 60), tail = key.Substring(60);
        project.Write("Program.cs", "System.Console.WriteLine(1);\n");
        project.Write("scripts/summarize.sh", "#!/bin/sh\nexport OPENAI_API_KEY=" + head + "\"" + tail + "\"\npython3 scripts/summarize.py \"$@\"\n");
        project.Write("Dockerfile", "FROM mcr.microsoft.com/dotnet/runtime:10.0\nENV OPENAI_API_KEY=" + head + "\\\n" + tail + "\n");
        project.Write("scripts/notes.ps1", "$env:OPENAI_API_KEY = \"sk-`" + key.Substring(3) + "\"\n");
        project.Write("scripts/notes.cmd", "@echo off\r\nset OPENAI_API_KEY=sk-^" + key.Substring(3) + "\r\n");
        project.Write("scripts/settings.py", "OPENAI_API_KEY = (\"" + head + "\"\n                  \"" + tail + "\")\n");
        // Route 9: a Python file declared UTF-7 (PEP 263); "+AHM-" is "s" to Python.
        project.Write("tools/u7.py", "# -*- coding: utf-7 -*-\nimport os\nOPENAI_API_KEY = \"+AHM-" + key.Substring(1) + "\"\n");
        project.Write(".gitignore", "bin/\nobj/\n");
        Git.CommitAll(project.Directory);

        DotNet.Result result = project.Build("-p:GuardrailsMode=Enforce");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Matches(@"summarize\.sh\(2,23\): [^\n]*error GRD002:[^\n]*OpenAI project API key", result.Output);
        Assert.Matches(@"Dockerfile\(2,20\): [^\n]*error GRD002:", result.Output);
        Assert.Matches(@"notes\.ps1\(1,24\): [^\n]*error GRD002:", result.Output);
        Assert.Matches(@"notes\.cmd\(2,20\): [^\n]*error GRD002:", result.Output);
        Assert.Matches(@"settings\.py\(1,20\): [^\n]*error GRD002:", result.Output);
        Assert.Matches(@"u7\.py\(3,19\): [^\n]*error GRD002:", result.Output);
        Assert.DoesNotContain("GRD006", result.Output);
        Assert.DoesNotContain(key.Substring(8, 30), result.Output);
        Assert.DoesNotContain("AD0001", result.Output);
    }
    /// <summary>
    /// Route 1 remainders: literals the language joins by an operator or a join/concat/format call (PowerShell <c>+</c>,
    /// JavaScript <c>+</c>, C# script <c>+</c>, VB <c>&amp;</c>, Terraform <c>join()</c>, Bicep <c>concat()</c>, a GitHub
    /// expression's <c>format()</c>, Makefile <c>$(EMPTY)</c>, SQL <c>||</c>). Main: the build was green (the PowerShell
    /// head a GRD006 warning); each file is now GRD002 at the key's first piece.
    /// </summary>
    [Fact]
    public void Route1_a_key_joined_by_an_operator_or_a_function_of_literals_fails_the_enforce_build_at_its_first_piece()
    {
        TestProject project = _fixture.NewProject();
        string key = FakeKeys.OpenAiProject("E2eRound11OperatorNotRealKey");
        string head = key.Substring(0, 60), tail = key.Substring(60);
        var files = new (string Path, string Text)[]
        {
            ("scripts/notes.ps1", "$env:OPENAI_API_KEY = \"" + head + "\" + \"" + tail + "\"\n"),
            ("wwwroot/js/app.js", "const k = \"" + head + "\" +\n  \"" + tail + "\";\n"),
            ("tools/setup.csx", "var k = \"" + head + "\" + \"" + tail + "\";\n"),
            ("src/Legacy/Keys.vb", "Dim k = \"" + head + "\" & \"" + tail + "\"\n"),
            ("infra/main.tf", "locals {\n  k = join(\"\", [\"" + head + "\", \"" + tail + "\"])\n}\n"),
            ("infra/main.bicep", "var k = concat('" + head + "', '" + tail + "')\n"),
            ("Makefile", "K := " + head + "$(EMPTY)" + tail + "\nall:\n\techo ok\n"),
            ("db/seed.sql", "SELECT '" + head + "' || '" + tail + "';\n"),
        };
        project.Write("Program.cs", "System.Console.WriteLine(1);\n");
        foreach ((string path, string text) in files)
        {
            project.Write(path, text);
        }

        project.Write(".gitignore", "bin/\nobj/\n");
        Git.CommitAll(project.Directory);

        DotNet.Result result = project.Build("-p:GuardrailsMode=Enforce");

        Assert.True(result.ExitCode != 0, result.ToString());
        foreach ((string path, string text) in files)
        {
            string before = text.Substring(0, text.IndexOf(head, StringComparison.Ordinal));
            int line = before.Split('\n').Length;
            int column = before.Length - before.LastIndexOf('\n');
            string name = System.Text.RegularExpressions.Regex.Escape(System.IO.Path.GetFileName(path));
            Assert.Matches(name + @"\(" + line + "," + column + @"\): [^\n]*error GRD002:[^\n]*OpenAI project API key", result.Output);
        }

        Assert.DoesNotContain("GRD006", result.Output);
        Assert.DoesNotContain(key.Substring(8, 30), result.Output);
        Assert.DoesNotContain("AD0001", result.Output);
    }
}
