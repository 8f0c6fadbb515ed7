using Guardrails.Tests.Shared;

namespace Guardrails.EndToEnd.Tests;

/// <summary>
/// Adversary round 11 route 10 in a real build of the packed package (Enforce): an OpenAI project key joined by MSBuild
/// evaluation into the values the SDK writes into the container image it publishes (<c>dotnet publish
/// -t:PublishContainer</c>, no Dockerfile), a door other than <c>bin/</c>. The repro: <c>Directory.Build.targets</c> holds
/// <c>&lt;LlmSetting&gt;sk-…$(Nothing)…&lt;/LlmSetting&gt;</c> and <c>ContainerEnvironmentVariable Value="$(LlmSetting)"</c>;
/// the build was green (the raw text holds no key). Now GRD002 at the property in <c>Directory.Build.targets</c> (the raw
/// scan reads an undefined property as nothing). A key joined from two properties (<c>$(KeyHead)tail</c>) into a
/// <c>ContainerLabel</c>, which no raw reading joins, is GRD002 in the listing of evaluated values the build writes
/// (<c>guardrails.runtimeconfig-options.txt</c>, which already held the runtimeconfig.json values).
/// </summary>
[Collection(PackageCollection.Name)]
public class AdversaryRound11ContainerTests
{
    private readonly PackageFixture _fixture;

    public AdversaryRound11ContainerTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Route10_a_key_joined_by_MSBuild_evaluation_into_container_items_fails_the_enforce_build()
    {
        TestProject project = _fixture.NewProject();
        string key = FakeKeys.OpenAiProject("E2eRound11ContainerNotRealKey");
        string other = FakeKeys.OpenAiProject("E2eRound11LabelJoinNotRealKey");
        project.Write("Program.cs", "System.Console.WriteLine(1);\n");
        project.Write("Directory.Build.targets",
            "<Project>\n  <PropertyGroup><LlmSetting>" + key.Substring(0, 60) + "$(Nothing)" + key.Substring(60) + "</LlmSetting></PropertyGroup>\n" +
            "  <ItemGroup><ContainerEnvironmentVariable Include=\"OPENAI_API_KEY\" Value=\"$(LlmSetting)\" /></ItemGroup>\n</Project>\n");
        project.AddToProject(
            "  <PropertyGroup><LabelHead>" + other.Substring(0, 12) + "</LabelHead></PropertyGroup>\n" +
            "  <ItemGroup><ContainerLabel Include=\"org.example.build\" Value=\"$(LabelHead)" + other.Substring(12) + "\" /></ItemGroup>");
        project.Write(".gitignore", "bin/\nobj/\n");
        Git.CommitAll(project.Directory);

        DotNet.Result result = project.Build("-p:GuardrailsMode=Enforce");

        Assert.True(result.ExitCode != 0, result.ToString());
        Assert.Matches(@"Directory\.Build\.targets\(2,\d+\): [^\n]*error GRD002:[^\n]*OpenAI project API key", result.Output);
        Assert.Matches(@"guardrails\.runtimeconfig-options\.txt\(\d+,\d+\): [^\n]*error GRD002:[^\n]*OpenAI project API key", result.Output);
        Assert.DoesNotContain(key.Substring(8, 30), result.Output);
        Assert.DoesNotContain(other.Substring(14, 30), result.Output);
        Assert.DoesNotContain("AD0001", result.Output);
    }
}
