using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using V = Guardrails.Analyzers.Tests.SdkVerify<Guardrails.Analyzers.UnapprovedAiSdkAnalyzer>;

namespace Guardrails.Analyzers.Tests;

/// <summary>
/// GRD003 for an AI SDK reached by reflection (adversary round 2 #3: the SDK copied to the output with no compile-time
/// reference and loaded by name). Constant arguments only, folded like the key rule's; decided by the one evaluator.
/// </summary>
public class ReflectionSdkLoadTests
{
    private static readonly string NothingApproved = V.Policy();

    private const string Anthropic = "Anthropic C# SDK (official)";

    private static DiagnosticResult At(int location, string shown, string loader, string sdk = "OpenAI .NET SDK", string package = "OpenAI") =>
        V.Diagnostic("GRD003").WithLocation(location).WithSeverity(DiagnosticSeverity.Error).WithArguments(
            "'" + shown + "', loaded by reflection (" + loader + "),", sdk, package, V.OwnerContact, string.Empty, "add { \"id\": \"" + package + "\" } to packages.approved");

    [Fact]
    public async Task Every_loader_given_a_constant_naming_an_unapproved_sdk_is_GRD003_on_the_argument()
    {
        const string source = """
            using System;
            using System.IO;
            using System.Reflection;
            using System.Runtime.Loader;
            class C
            {
                const string Asm = "Open" + "AI";
                void M(string dir)
                {
                    Type.GetType({|#0:"OpenAI.Chat.ChatClient, OpenAI"|});
                    Assembly.Load({|#1:"OpenAI, Version=2.1.0.0, Culture=neutral, PublicKeyToken=null"|});
                    Assembly.LoadFrom({|#2:"OpenAI.dll"|});
                    Assembly.LoadFile({|#3:Path.Combine(dir, "lib", "OpenAI.dll")|});
                    Activator.CreateInstance({|#4:Asm|}, "OpenAI.OpenAIClient");
                    AssemblyLoadContext.Default.LoadFromAssemblyPath({|#5:dir + "/OpenAI.dll"|});
                    AssemblyLoadContext.Default.LoadFromAssemblyName({|#6:new AssemblyName("Anthropic")|});
                    Type.GetType({|#7:"OpenAI.Chat.ChatClient, OpenAI, Version=2.1.0.0"|}, throwOnError: true);
                    typeof(C).Assembly.CreateInstance({|#8:"OpenAI.Chat.ChatClient, OpenAI"|}); // adversary round 6 #5
                }
            }
            """;
        await V.RunAsync(source, NothingApproved,
            At(0, "OpenAI.Chat.ChatClient, OpenAI", "Type.GetType"),
            At(1, "OpenAI, Version=2.1.0.0, Culture=neutral, PublicKeyToken=null", "Assembly.Load"),
            At(2, "OpenAI.dll", "Assembly.LoadFrom"),
            At(3, "OpenAI.dll", "Assembly.LoadFile"),
            At(4, "OpenAI", "Activator.CreateInstance"),
            At(5, "/OpenAI.dll", "AssemblyLoadContext.LoadFromAssemblyPath"),
            At(6, "Anthropic", "AssemblyLoadContext.LoadFromAssemblyName", Anthropic, "Anthropic"),
            At(7, "OpenAI.Chat.ChatClient, OpenAI, Version=2.1.0.0", "Type.GetType"),
            At(8, "OpenAI.Chat.ChatClient, OpenAI", "Assembly.CreateInstance"));
    }

    [Fact]
    public async Task The_message_names_the_string_the_loader_and_the_sdk()
    {
        const string source = """
            class C
            {
                object M() => System.Type.GetType({|#0:"OpenAI.Chat.ChatClient, OpenAI"|});
            }
            """;
        await V.RunAsync(source, NothingApproved, V.Diagnostic("GRD003").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithMessage(
            "'OpenAI.Chat.ChatClient, OpenAI', loaded by reflection (Type.GetType), is part of OpenAI .NET SDK (NuGet package OpenAI), which the AI policy does not approve: " +
            "ask " + V.OwnerContact + " to add { \"id\": \"OpenAI\" } to packages.approved, or remove this use"));
    }

    [Fact]
    public async Task Approved_sdks_run_time_values_and_other_assemblies_are_left_alone()
    {
        const string source = """
            using System;
            using System.Reflection;
            class C
            {
                void M(string name)
                {
                    Type.GetType("OpenAI.Chat.ChatClient, OpenAI");
                    Assembly.Load(name);
                    Assembly.LoadFrom(name + ".dll");
                    Assembly.Load("Newtonsoft.Json");
                    Type.GetType("System.String");
                    "OpenAI".GetType();
                    Load("OpenAI");
                }
                static void Load(string s) { }
            }
            """;
        await V.RunAsync(source, V.Policy("OpenAI"));
    }

    [Fact]
    public async Task A_type_name_without_an_assembly_is_reported_only_when_every_sdk_of_its_namespace_is_unapproved()
    {
        const string source = """
            class C
            {
                void M()
                {
                    System.Type.GetType({|#0:"Anthropic.AnthropicClient"|});
                    System.Type.GetType("Nobody.Knows.This");
                }
            }
            """;
        await V.RunAsync(source, NothingApproved, At(0, "Anthropic.AnthropicClient", "Type.GetType", Anthropic, "Anthropic"));
        await V.RunAsync(source, V.Policy("Anthropic"));
    }

    [Fact]
    public async Task No_effective_policy_means_no_report()
    {
        const string source = """
            class C { object M() => System.Type.GetType("OpenAI.Chat.ChatClient, OpenAI"); }
            """;
        await V.RunAsync(source, null);
    }
}
