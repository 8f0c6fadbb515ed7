using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests.Footprints;

/// <summary>
/// Adversary round 12 route 4 (/work/wt/adv12/repro-6): the application's own C# starts assistant CLIs
/// (<c>Process.Start(new ProcessStartInfo("npx", "-y @google/gemini-cli --yolo …"))</c>, <c>Process.Start("npx", new[] { …
/// claude-code … --dangerously-skip-permissions --model …-preview })</c>) and installs a PyPI SDK (<c>sh -c "pip install openai
/// &amp;&amp; …"</c>): the same command lines in a script are GRD130/GRD133/GRD134/GRD201; in a committed .cs file they were not read.
/// </summary>
public sealed class CodeLaunchersTests
{
    private const string Repro6 =
        "using System.Diagnostics;\n" +
        "// nightly job: let an agent fix the failing tests, unattended\n" +
        "var p = Process.Start(new ProcessStartInfo(\"npx\", \"-y @google/gemini-cli --yolo -p \\\"fix the failing tests\\\"\") { UseShellExecute = false });\n" +
        "p?.WaitForExit();\n" +
        "var q = Process.Start(\"npx\", new[] { \"-y\", \"@anthropic-ai/claude-code\", \"--dangerously-skip-permissions\", \"--model\", \"claude-opus-4-1-preview\", \"-p\", \"review\" });\n" +
        "q?.WaitForExit();\n" +
        "// an unapproved SDK, installed and run beside the app\n" +
        "Process.Start(\"sh\", \"-c \\\"pip install openai && python -c 'import openai; print(openai.OpenAI().chat.completions.create(model=\\\\\\\"gpt-4o\\\\\\\", messages=[]))'\\\"\")?.WaitForExit();\n";

    private static FootprintHarness.Run Check(params (string Path, string Text)[] files)
    {
        using var repo = new FootprintRepo();
        GitIndexTests.Git(repo.Root, "init", "-q");
        foreach ((string path, string text) in files)
        {
            repo.Write(path, text);
        }

        GitIndexTests.Git(repo.Root, "add", "-A");
        return FootprintHarness.Check(repo, FootprintHarness.Policy, FootprintHarness.Manifest("[ { \"id\": \"claude-code\" } ]"));
    }

    [Fact]
    public void Route4_the_repro_assistants_and_the_pip_install_started_by_Process_Start_are_judged_at_their_lines()
    {
        FootprintHarness.Run run = Check(("src/App/Program.cs", Repro6));

        Finding gemini = Assert.Single(run.Of("GRD130"), f => f.Message.Contains("'gemini'"));
        Assert.Equal(("Program.cs", 3), (Path.GetFileName(gemini.File), gemini.Line));
        Assert.True(run.IsError(gemini), run.ToString());
        Assert.Contains(run.Of("GRD134"), f => Path.GetFileName(f.File) == "Program.cs" && f.Line == 5 && f.Message.Contains("--dangerously-skip-permissions") && run.IsError(f));
        Assert.Contains(run.Of("GRD133"), f => Path.GetFileName(f.File) == "Program.cs" && f.Line == 5 && f.Message.Contains("'claude-opus-4-1-preview'") && run.IsError(f));
        Finding openai = Assert.Single(run.Of("GRD201"), f => f.Subject == "pkg:pypi/openai");
        Assert.Equal(("Program.cs", 8), (Path.GetFileName(openai.File), openai.Line));
    }

    [Fact]
    public void Route4_the_verdict_does_not_depend_on_style_const_var_named_arguments_using_static_ArgumentList()
    {
        const string tools =
            "using System.Diagnostics;\n" +
            "using static System.Diagnostics.Process;\n" +
            "static class Tools\n" +
            "{\n" +
            "    const string Npx = \"npx\";\n" +
            "    static readonly string Args = \"-y @anthropic-ai/claude-code \" + \"--dangerously-skip-permissions -p go\";\n" +
            "    public static void A()\n" +
            "    {\n" +
            "        Start(arguments: Args, fileName: Npx);\n" +
            "        var psi = new ProcessStartInfo { FileName = \"claude\" };\n" +
            "        psi.ArgumentList.Add(\"--model\");\n" +
            "        psi.ArgumentList.Add(\"claude-opus-4-1-preview\");\n" +
            "        Process.Start(psi);\n" +
            "        ProcessStartInfo g = new(Npx) { ArgumentList = { \"-y\", \"@google/gemini-cli\", \"--yolo\" } };\n" +
            "        var cmd = string.Concat(\"pip inst\", \"all openai\");\n" +
            "        System.Diagnostics.Process.Start(\"bash\", new string[] { \"-c\", cmd });\n" +
            "    }\n" +
            "}\n";
        FootprintHarness.Run run = Check(("src/App/Tools.cs", tools));

        Assert.Contains(run.Of("GRD134"), f => f.Line == 9 && f.Message.Contains("--dangerously-skip-permissions"));
        Assert.Contains(run.Of("GRD133"), f => f.Line == 10 && f.Message.Contains("'claude-opus-4-1-preview'"));
        Assert.Contains(run.Of("GRD130"), f => f.Line == 14 && f.Message.Contains("'gemini'"));
        Assert.Contains(run.Of("GRD201"), f => f.Line == 16 && f.Subject == "pkg:pypi/openai");
    }

    [Fact]
    public void Only_the_CSharp_files_that_start_a_command_are_inputs_of_the_check()
    {
        using var repo = new FootprintRepo();
        GitIndexTests.Git(repo.Root, "init", "-q");
        string starts = repo.Write("src/App/Program.cs", Repro6);
        string plain = repo.Write("src/App/Other.cs", "class Other { }\n");
        GitIndexTests.Git(repo.Root, "add", "-A");

        List<string> inputs = Guardrails.BuildTasks.Footprints.Launchers.InputFiles(new[] { repo.ProjectDir, repo.Root }, repo.Root);

        Assert.Contains(starts, inputs);
        Assert.DoesNotContain(plain, inputs);
    }

    [Fact]
    public void Ordinary_processes_commented_code_and_run_time_commands_are_not_findings()
    {
        const string code =
            "using System.Diagnostics;\n" +
            "// Process.Start(\"npx\", \"-y @google/gemini-cli --yolo\");\n" +
            "/* Process.Start(\"claude\", \"--dangerously-skip-permissions\"); */\n" +
            "Process.Start(\"git\", \"status --short\");\n" +
            "Process.Start(new ProcessStartInfo(\"dotnet\") { ArgumentList = { \"build\", \"-c\", \"Release\" } });\n" +
            "Process.Start(args[0], args[1]);\n" +
            "var text = \"Process.Start(\\\"claude\\\")\";\n";
        FootprintHarness.Run run = Check(("src/App/Program.cs", code));

        Assert.Empty(run.Of("GRD130"));
        Assert.Empty(run.Of("GRD133"));
        Assert.Empty(run.Of("GRD134"));
        Assert.Empty(run.Of("GRD201"));
    }
}
