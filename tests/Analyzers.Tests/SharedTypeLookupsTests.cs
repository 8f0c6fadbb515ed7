using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Tests;

/// <summary>
/// The per-compilation cache of type names GRD003 and GRD004 bind: a name is bound once for every file where C# name
/// lookup sees the same thing, and never shared into a file where it means something else. Trees are bound one after
/// the other, in both orders, so what the first one cached is what the second one gets.
/// </summary>
public class SharedTypeLookupsTests
{
    private static async Task<CSharpCompilation> CompileAsync(params string[] sources)
    {
        var references = (await Microsoft.CodeAnalysis.Testing.ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, default)).AddRange(await SdkStubs.AllAsync());
        return CSharpCompilation.Create("App", sources.Select(s => CSharpSyntaxTree.ParseText(s)), references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    /// <summary>Binds, in each tree in order, the last identifier written as <paramref name="name"/>, all through one shared cache.</summary>
    private static string?[] BindInOrder(CSharpCompilation compilation, string name, params int[] order)
    {
        var shared = new SharedTypeLookups(compilation);
        var result = new string?[order.Length];
        foreach (int i in order)
        {
            SyntaxTree tree = compilation.SyntaxTrees.ElementAt(i);
            SemanticModel model = compilation.GetSemanticModel(tree);
            IdentifierNameSyntax written = tree.GetRoot().DescendantNodes().OfType<IdentifierNameSyntax>().Last(n => n.Identifier.ValueText == name);
            result[i] = new SyntacticTypes(model, CancellationToken.None, shared).BindTypeName(written)?.ToDisplayString();
        }

        return result;
    }

    [Fact]
    public async Task The_same_text_under_different_aliases_is_bound_in_each_file_in_either_order()
    {
        CSharpCompilation compilation = await CompileAsync(
            "using System.Text;\nusing Chat = OpenAI.Chat.ChatClient;\nnamespace App { class A { Chat _c; } }",
            "using System.Text;\nusing Chat = System.Text.StringBuilder;\nnamespace App { class B { Chat _c; } }");
        string?[] expected = { "OpenAI.Chat.ChatClient", "System.Text.StringBuilder" };
        Assert.Equal(expected, BindInOrder(compilation, "Chat", 0, 1));
        Assert.Equal(expected, BindInOrder(compilation, "Chat", 1, 0));
    }

    [Fact]
    public async Task A_file_alias_is_its_target_only_where_nothing_closer_has_its_name()
    {
        // The alias is bound through its target once per compilation only where C# lookup can find nothing before it:
        // a type of the enclosing namespace, or one imported by a namespace-level using, comes first.
        // (Uri: a type of namespace System, from metadata, so no source type of that name keeps the name to its file anyway.)
        CSharpCompilation compilation = await CompileAsync(
            "using Uri = OpenAI.Chat.ChatCompletion;\nnamespace System.App { class A { Uri _c; } }",
            "using Uri = OpenAI.Chat.ChatCompletion;\nnamespace Lib { using System; class B { Uri _c; } }",
            "using Uri = OpenAI.Chat.ChatCompletion;\nnamespace Clean.Inner { class C { Uri _c; } }");
        string?[] expected = { "System.Uri", "System.Uri", "OpenAI.Chat.ChatCompletion" };
        Assert.Equal(expected, BindInOrder(compilation, "Uri", 2, 0, 1));
        Assert.Equal(expected, BindInOrder(compilation, "Uri", 0, 1, 2));
    }

    [Fact]
    public async Task A_nested_type_a_type_parameter_or_other_usings_keep_a_name_to_its_file()
    {
        CSharpCompilation compilation = await CompileAsync(
            "using OpenAI.Chat;\nnamespace App { class A { ChatClient _c; } }",
            "using OpenAI.Chat;\nnamespace App { class B : Base { ChatClient _c; } }",
            "using OpenAI.Chat;\nnamespace App { class C<ChatClient> { ChatClient _c; } }",
            "namespace App { class D { ChatClient _c; } }",
            "namespace App { class Base { public class ChatClient { } } }");
        string?[] expected = { "OpenAI.Chat.ChatClient", "App.Base.ChatClient", "ChatClient", null, null };
        string?[] forward = BindInOrder(compilation, "ChatClient", 0, 1, 2, 3);
        string?[] backward = BindInOrder(compilation, "ChatClient", 3, 2, 1, 0);
        Assert.Equal(expected.Take(4), forward.Take(4));
        Assert.Equal(expected.Take(4), backward.Take(4));
    }

    [Fact]
    public async Task Keys_are_shared_only_for_plain_names_under_the_same_imports()
    {
        CSharpCompilation compilation = await CompileAsync(
            "using System.Text;\nusing Alias1 = System.Uri;\nnamespace App.Area1 { class A { OpenAI.Chat.ChatClient _c; System.Collections.Generic.List<int> _l; } }",
            "using System.Text;\nusing Alias2 = System.Uri;\nnamespace App.Area1 { class B { OpenAI.Chat.ChatClient _c; } }",
            "using System.Text;\nnamespace App.Area2 { class C { OpenAI.Chat.ChatClient _c; } }",
            "namespace App.Area1 { class OpenAI { } }");
        var shared = new SharedTypeLookups(compilation);
        SharedName? Key(int tree, string text)
        {
            SyntaxTree t = compilation.SyntaxTrees.ElementAt(tree);
            SemanticModel model = compilation.GetSemanticModel(t);
            TypeSyntax written = t.GetRoot().DescendantNodes().OfType<FieldDeclarationSyntax>().Select(f => f.Declaration.Type).First(ty => ty.ToString() == text);
            return shared.TypeNameKey(written, text, d => model.GetDeclaredSymbol(d));
        }

        // The project declares a type named OpenAI (a namespace App.Area1.OpenAI shadows nothing elsewhere, but is not worth the risk).
        Assert.Null(Key(0, "OpenAI.Chat.ChatClient"));
        Assert.NotNull(Key(0, "System.Collections.Generic.List<int>")); // System and int: nothing in the project

        CSharpCompilation plain = compilation.RemoveSyntaxTrees(compilation.SyntaxTrees.Last());
        shared = new SharedTypeLookups(plain);
        compilation = plain;
        Assert.NotNull(Key(0, "OpenAI.Chat.ChatClient"));
        Assert.Equal(Key(0, "OpenAI.Chat.ChatClient"), Key(1, "OpenAI.Chat.ChatClient"));

        // No enclosing namespace has a member named OpenAI: the same imports mean the same, whatever the namespace.
        Assert.Equal(Key(0, "OpenAI.Chat.ChatClient"), Key(2, "OpenAI.Chat.ChatClient"));
    }

    /// <summary>Binds, in each tree in order, the declared type of its only field, all through one shared cache.</summary>
    private static string?[] BindFieldTypes(CSharpCompilation compilation, params int[] order)
    {
        var shared = new SharedTypeLookups(compilation);
        var result = new string?[compilation.SyntaxTrees.Count()];
        foreach (int i in order)
        {
            SyntaxTree tree = compilation.SyntaxTrees.ElementAt(i);
            SemanticModel model = compilation.GetSemanticModel(tree);
            TypeSyntax written = tree.GetRoot().DescendantNodes().OfType<FieldDeclarationSyntax>().Single().Declaration.Type;
            result[i] = new SyntacticTypes(model, CancellationToken.None, shared).BindTypeName(written)?.ToDisplayString();
        }

        return result;
    }

    [Fact]
    public async Task A_generic_name_is_shared_but_an_alias_or_a_project_type_in_its_arguments_keeps_it_to_its_file()
    {
        CSharpCompilation compilation = await CompileAsync(
            "using OpenAI.Chat;\nnamespace App.One { class A { System.Collections.Generic.List<ChatClient> _c; } }",
            "using OpenAI.Chat;\nnamespace App.Two { class B { System.Collections.Generic.List<ChatClient> _c; } }",
            "using ChatClient = System.Text.StringBuilder;\nnamespace App.One { class C { System.Collections.Generic.List<ChatClient> _c; } }",
            "namespace App.Two { class D<ChatClient> { System.Collections.Generic.List<ChatClient> _c; } }");
        string?[] expected =
        {
            "System.Collections.Generic.List<OpenAI.Chat.ChatClient>", "System.Collections.Generic.List<OpenAI.Chat.ChatClient>",
            "System.Collections.Generic.List<System.Text.StringBuilder>", "System.Collections.Generic.List<ChatClient>",
        };
        Assert.Equal(expected, BindFieldTypes(compilation, 0, 1, 2, 3));
        Assert.Equal(expected, BindFieldTypes(compilation, 3, 2, 1, 0));
        Assert.Equal(expected, BindFieldTypes(compilation, 2, 3, 0, 1));
    }

    [Fact]
    public async Task Different_imports_keep_a_name_apart()
    {
        CSharpCompilation compilation = await CompileAsync(
            "using OpenAI.Chat;\nnamespace App.Area1 { class A { ChatClient _c; } }",
            "using System.Text;\nnamespace App.Area1 { class B { ChatClient _c; } }");
        Assert.Equal(new[] { "OpenAI.Chat.ChatClient", null }, BindInOrder(compilation, "ChatClient", 0, 1));
        Assert.Equal(new[] { "OpenAI.Chat.ChatClient", null }, BindInOrder(compilation, "ChatClient", 1, 0));
    }

    [Fact]
    public async Task A_namespace_member_named_like_the_name_keeps_it_to_that_namespace_in_either_order()
    {
        // App.Area2 has a namespace OpenAI (no type of that name anywhere): there OpenAI.Chat.ChatClient is the project's.
        CSharpCompilation compilation = await CompileAsync(
            "namespace App.Area1 { class A { OpenAI.Chat.ChatClient _c; } }",
            "namespace App.Area2 { class B { OpenAI.Chat.ChatClient _c; } }",
            "namespace App.Area2.OpenAI.Chat { class ChatClient { } }",
            "namespace App.Area3 { class C { OpenAI.Chat.ChatClient _c; } }");
        string?[] expected = { "OpenAI.Chat.ChatClient", "App.Area2.OpenAI.Chat.ChatClient", null, "OpenAI.Chat.ChatClient" };

        // The project declares a ChatClient, but what decides the sharing is the leftmost part, OpenAI.
        Assert.Equal(expected, BindFieldTypes(compilation, 0, 1, 3));
        Assert.Equal(expected, BindFieldTypes(compilation, 3, 1, 0));
        Assert.Equal(expected, BindFieldTypes(compilation, 1, 0, 3));
    }
}
