using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using V = Guardrails.Analyzers.Tests.SdkVerify<Guardrails.Analyzers.UnapprovedAiSdkAnalyzer>;

namespace Guardrails.Analyzers.Tests;

/// <summary>
/// Adversary round 10 route 2: the OpenAI SDK (MIT) republished under another package id and assembly name (Acme.Http),
/// namespaces and types untouched. GRD003 decides by what the assembly declares (a catalog signature type such as
/// OpenAI.OpenAIClient), not by its name alone; a look-alike namespace or the project's own types are no SDK.
/// </summary>
public class CarriedSdkAnalyzerTests
{
    private const string Use = """
        using OpenAI.Chat;
        class C
        {
            object M() => {|#0:new ChatClient("gpt-4o", "")|};
        }
        """;

    private static async Task<MetadataReference[]> WithAssembly(string assemblyName, string source)
    {
        var framework = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return new[] { SdkStubs.Compile(assemblyName, source, framework) };
    }

    private static DiagnosticResult Carried(int location, string symbol, string assembly, string signature) =>
        V.Diagnostic("GRD003").WithLocation(location).WithSeverity(DiagnosticSeverity.Error).WithArguments(
            symbol, "OpenAI .NET SDK", assembly, V.OwnerContact,
            " ('" + assembly + "' carries the OpenAI .NET SDK under another package id and assembly name (assembly " + assembly + " declares " + signature + "); an approval of 'OpenAI' does not cover it)",
            "add { \"id\": \"" + assembly + "\" } to packages.approved");

    [Fact]
    public async Task The_openai_sdk_under_another_assembly_name_is_that_sdk_and_the_approval_of_openai_does_not_cover_it()
    {
        await V.RunWithReferencesAsync(Use, await WithAssembly("Acme.Http", SdkStubs.OpenAI), V.Policy("OpenAI"),
            Carried(0, "ChatClient", "Acme.Http", "OpenAI.OpenAIClient"));
    }

    [Fact]
    public async Task The_renamed_sdk_is_reported_under_a_policy_that_approves_nothing()
    {
        await V.RunWithReferencesAsync(Use, await WithAssembly("Acme.Http", SdkStubs.OpenAI), V.Policy(),
            Carried(0, "ChatClient", "Acme.Http", "OpenAI.OpenAIClient"));
    }

    private static DiagnosticResult CarriedUnderApprovedId(int location, string symbol, string assembly, string signature) =>
        V.Diagnostic("GRD003").WithLocation(location).WithSeverity(DiagnosticSeverity.Error).WithArguments(
            symbol, "OpenAI .NET SDK", assembly, V.OwnerContact,
            " ('" + assembly + "' carries the OpenAI .NET SDK (assembly " + assembly + " declares " + signature + "); the approval of '" + assembly + "' does not cover the SDK it carries)",
            "add { \"id\": \"OpenAI\" } to packages.approved, or name '" + assembly + "' in a route's packages");

    // Adversary round 12 route 1: an approved id (a catalog SDK's own package id, or the policy's own gateway SDK)
    // whose assembly declares the OpenAI SDK's signature types carries OpenAI; the approval of the id does not cover it.

    [Fact]
    public async Task An_approved_azure_openai_id_whose_assembly_declares_openais_types_is_grd003_naming_openai()
    {
        await V.RunWithReferencesAsync(Use, await WithAssembly("Azure.AI.OpenAI", SdkStubs.OpenAI), V.Policy("Azure.AI.OpenAI"),
            CarriedUnderApprovedId(0, "ChatClient", "Azure.AI.OpenAI", "OpenAI.OpenAIClient"));
    }

    [Fact]
    public async Task The_policys_own_gateway_id_whose_assembly_declares_openais_types_is_grd003_naming_openai()
    {
        const string custom = "sdk.custom=contoso-ai-gateway|Contoso AI Gateway|Contoso.AiGateway.Client|Contoso.AiGateway.Client|Contoso.AiGateway|ai-gateway.contoso.example\n";
        await V.RunWithReferencesAsync(Use, await WithAssembly("Contoso.AiGateway.Client", SdkStubs.OpenAI), V.Policy("Contoso.AiGateway.Client") + custom,
            CarriedUnderApprovedId(0, "ChatClient", "Contoso.AiGateway.Client", "OpenAI.OpenAIClient"));
    }

    [Fact]
    public async Task The_carrier_approved_by_its_own_id_alone_is_reported_as_carrying_openai()
    {
        await V.RunWithReferencesAsync(Use, await WithAssembly("Acme.Http", SdkStubs.OpenAI), V.Policy("Acme.Http"),
            CarriedUnderApprovedId(0, "ChatClient", "Acme.Http", "OpenAI.OpenAIClient"));
    }

    [Fact]
    public async Task A_policy_that_approves_the_carrier_by_its_own_id_and_the_sdk_it_carries_approves_it()
    {
        const string source = """
            using OpenAI.Chat;
            class C
            {
                object M() => new ChatClient("gpt-4o", "");
            }
            """;
        await V.RunWithReferencesAsync(source, await WithAssembly("Acme.Http", SdkStubs.OpenAI), V.Policy("Acme.Http", "OpenAI"));
    }

    [Fact]
    public async Task A_library_with_its_own_types_in_an_openai_namespace_is_no_sdk_nor_is_the_projects_own_chat_client()
    {
        const string library = """
            namespace OpenAI.Helpers { public class PromptTemplate { public string Render() => ""; } }
            namespace OpenAI.Chat { public class ChatTranscript { public string Text = ""; } internal class ChatClient { } }
            """;
        const string source = """
            using OpenAI.Helpers;
            using OpenAI.Chat;
            namespace OpenAI { public class OpenAIClientOptions2 { } }
            namespace Mine.OpenAI.Chat { public class ChatClient { public ChatClient(string m, string k) { } } }
            class C
            {
                object M() => new PromptTemplate().Render() + new ChatTranscript().Text + new Mine.OpenAI.Chat.ChatClient("gpt-4o", "");
            }
            """;
        await V.RunWithReferencesAsync(source, await WithAssembly("Acme.Helpers", library), V.Policy());
    }
}
