using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests;

/// <summary>
/// The one list of file kinds the key scan reads (the build's selection of None/Content items and `guardrails scan`'s
/// walk both ask <see cref="ScanFileKinds.IsScanned"/>). Adversary round 6 #2: .vb, .fs, .fsx, .tt, .patch/.diff and
/// .netrc were read by neither.
/// </summary>
public class ScanFileKindsTests
{
    [Theory]
    // Round 6 #2.
    [InlineData("Module1.vb")]
    [InlineData("Program.fs")]
    [InlineData("tool.fsx")]
    [InlineData("Sig.fsi")]
    [InlineData("Settings.tt")]
    [InlineData("Common.ttinclude")]
    [InlineData("add-key.patch")]
    [InlineData("fix.diff")]
    [InlineData(".netrc")]
    [InlineData("_netrc")]
    // What a .NET repository commits beside its code (the brief's list and its neighbours).
    [InlineData("build.ps1")]
    [InlineData("Module.psm1")]
    [InlineData("run.sh")]
    [InlineData("run.bash")]
    [InlineData("build.bat")]
    [InlineData("build.cmd")]
    [InlineData("tool.py")]
    [InlineData("app.ts")]
    [InlineData("app.js")]
    [InlineData("seed.sql")]
    [InlineData("Index.cshtml")]
    [InlineData("App.razor")]
    [InlineData("web.config")]
    [InlineData("Directory.Build.props")]
    [InlineData("Custom.targets")]
    [InlineData("Prod.pubxml")]
    [InlineData(".env.production")]
    [InlineData(".npmrc")]
    [InlineData("App.xaml")]
    [InlineData("Package.nuspec")]
    [InlineData("session.har")]
    [InlineData("Default.aspx")]
    // Round 7 route 4.
    [InlineData("Acme.code-workspace")]
    [InlineData(".gitmodules")]
    [InlineData("chat.bru")]
    [InlineData("key.h")]
    [InlineData("native.cpp")]
    [InlineData("setup.rst")]
    [InlineData("setup.mdx")]
    [InlineData("env.list")]
    [InlineData("openai.secret")]
    [InlineData("Dockerfile-dev")]
    [InlineData("credentials")]
    public void Committed_text_kinds_are_read(string name) => Assert.True(ScanFileKinds.IsScanned(name), name);

    [Theory]
    [InlineData("logo.png")]
    [InlineData("App.dll")]
    [InlineData("Program.cs")] // C# is the compiler's and the analyzers' (GRD001), not the file scan's
    public void Binaries_and_csharp_are_not_the_file_scan_s(string name) => Assert.False(ScanFileKinds.IsScanned(name), name);
}
