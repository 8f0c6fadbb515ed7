using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using V = Guardrails.Analyzers.Tests.SdkVerify<Guardrails.Analyzers.UnapprovedAiSdkAnalyzer>;

namespace Guardrails.Analyzers.Tests;

public class UnapprovedAiSdkAnalyzerTests
{
    private const string OpenAiSdk = "OpenAI .NET SDK";
    private static readonly string NothingApproved = V.Policy();

    private static DiagnosticResult D(int location, string symbol, string sdk = OpenAiSdk, string package = "OpenAI", DiagnosticSeverity severity = DiagnosticSeverity.Error, string? request = null) =>
        V.Diagnostic("GRD003").WithLocation(location).WithSeverity(severity).WithArguments(
            symbol, sdk, package, V.OwnerContact, request == null && Wrapped.ContainsKey(package) ? Unrestored : string.Empty, request ?? Proposal(package));

    /// <summary>
    /// These policies list no restored package (as before a first restore): the SDKs whose assemblies another referenced
    /// AI SDK's assembly references (every stub is referenced) are offered the route through that wrapper, with the
    /// remark that the chain is unknown; the others, approving the package.
    /// </summary>
    private const string Unrestored = " (judged without its restored package: what brings it in, and so whether a route carries it, is unknown until the project is restored)";

    private static readonly Dictionary<string, (string Package, string Sdk)> Wrapped = new()
    {
        ["OpenAI"] = ("Azure.AI.OpenAI", "azure-openai"),
        ["Microsoft.SemanticKernel.Abstractions"] = ("Microsoft.SemanticKernel.Connectors.OpenAI", "semantic-kernel-connectors-openai"),
    };

    private static string Proposal(string package) => Wrapped.TryGetValue(package, out var wrapper)
        ? "declare a route in 'routes' whose packages include '" + wrapper.Package + "' (such as { \"id\": \"" + wrapper.Sdk + "\", \"packages\": [ \"" + wrapper.Package + "\" ] }), so '" + package + "' is allowed only through it, or " + Approve(package)
        : Approve(package);

    /// <summary>The evaluator's proposal for a package nothing approves: the same words as the package gate's GRD201.</summary>
    private static string Approve(string package) => "add { \"id\": \"" + package + "\" } to packages.approved";

    /// <summary>For an integration (a framework connector), a route through it is the other way to approve it.</summary>
    private static string IntegrationRequest(string package) => Approve(package) + ", or declare a route in 'routes' whose packages include it";

    [Fact]
    public async Task Object_creation_with_a_qualified_name_is_one_report_naming_the_sdk_package_and_owner()
    {
        const string source = """
            class C
            {
                object M() => {|#0:new OpenAI.Chat.ChatClient("gpt", "key")|};
            }
            """;
        await V.RunAsync(source, NothingApproved, D(0, "ChatClient"));
    }

    [Fact]
    public async Task Types_in_declarations_are_reported_where_they_are_written()
    {
        const string source = """
            using OpenAI.Chat;
            class C
            {
                private {|#0:ChatClient|} _field;
                public {|#1:ChatCompletion|} Property { get; set; }
                public {|#2:ChatClient|} Make({|#3:ChatMessageRole|} role) => _field;
                public {|#4:ChatClient|}[] Array;
                public {|#5:ChatClient.Options|} Nested;
                void Local() { {|#6:ChatClient|} local = null; }
            }
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "ChatClient"), D(1, "ChatCompletion"), D(2, "ChatClient"), D(3, "ChatMessageRole"),
            D(4, "ChatClient"), D(5, "ChatClient.Options"), D(6, "ChatClient"));
    }

    [Fact]
    public async Task Invocations_member_access_and_events_on_sdk_instances_are_reported()
    {
        const string source = """
            using OpenAI.Chat;
            class C
            {
                void M({|#0:ChatClient|} c)
                {
                    c.{|#1:CompleteChat("hi")|};
                    string model = c.{|#2:Model|};
                    c.{|#3:MaxTokens|} = 5;
                    c.{|#4:Completed|} += (s, e) => { };
                    int role = (int)ChatMessageRole.{|#5:User|};
                }
            }
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "ChatClient"), D(1, "ChatClient.CompleteChat(string)"), D(2, "ChatClient.Model"),
            D(3, "ChatClient.MaxTokens"), D(4, "ChatClient.Completed"), D(5, "ChatMessageRole.User"));
    }

    [Fact]
    public async Task Uses_with_no_sdk_name_in_the_source_line_are_found_through_the_names_they_do_have()
    {
        // Indexers, conditional access, target-typed new and a primary constructor's base call: found without an
        // operation action, from the member names of the SDK and a few syntax kinds.
        const string source = """
            using OpenAI.Chat;
            class C
            {
                string M({|#0:ChatClient|} c, {|#1:ChatClient|} maybe)
                {
                    Use({|#2:new("m", "k")|});
                    return {|#3:c["temperature"]|} + maybe?.{|#4:Model|};
                }
                void Use({|#5:ChatClient|} c) { }
            }
            class Derived() : {|#7:{|#6:ChatClient|}("m", "k")|};
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "ChatClient"), D(1, "ChatClient"), D(2, "ChatClient"), D(3, "ChatClient.this[string]"), D(4, "ChatClient.Model"),
            D(5, "ChatClient"), D(6, "ChatClient"), D(7, "ChatClient.ChatClient(string, string)"));
    }

    [Fact]
    public async Task A_local_spelled_with_a_unicode_escape_hides_the_sdk_field_it_shadows()
    {
        // The receiver `_client` is looked for among the member's locals only when the member's text may declare it:
        // a declaration spelled `\u005Fclient` does not hold the text `_client`, so such a member is always walked.
        const string source = """
            using OpenAI.Chat;
            class Other { public string Model => ""; }
            class C
            {
                private {|#0:ChatClient|} _client;
                string M()
                {
                    var \u005Fclient = new Other();
                    return _client.Model + this._client.{|#1:Model|};
                }
            }
            """;
        await V.RunAsync(source, NothingApproved, D(0, "ChatClient"), D(1, "ChatClient.Model"));
    }

    [Fact]
    public async Task A_receiver_kept_per_member_still_gives_way_to_the_lambdas_locals_and_nested_types_that_hide_it()
    {
        // A name that its member declares nothing of is resolved once per (member, name) and kept; a member where a
        // lambda parameter or a block's local of that name hides the field, and a nested type's own field, are not.
        const string source = """
            using System;
            using OpenAI.Chat;
            class Other { public string Model => ""; public string CompleteChat(string s) => s; }
            class C
            {
                private {|#0:ChatClient|} _client;
                private Other _other;
                string M()
                {
                    string a = _client.{|#1:Model|} + _client.{|#2:CompleteChat("x")|};
                    Func<Other, string> f = _client => _client.Model + _client.CompleteChat("y");
                    return a + f(_other) + _client.{|#3:Model|};
                }
                string N()
                {
                    string a = _client.{|#4:Model|};
                    {
                        var _client = new Other();
                        a += _client.Model + _client.CompleteChat("z");
                    }
                    return a + _client.{|#5:CompleteChat("w")|};
                }
                string O() => _client.{|#6:Model|} + _client.{|#7:Model|};
                class Inner
                {
                    private Other _client;
                    string P() => _client.Model + _client.CompleteChat("v");
                }
            }
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "ChatClient"), D(1, "ChatClient.Model"), D(2, "ChatClient.CompleteChat(string)"), D(3, "ChatClient.Model"),
            D(4, "ChatClient.Model"), D(5, "ChatClient.CompleteChat(string)"), D(6, "ChatClient.Model"), D(7, "ChatClient.Model"));
    }

    [Fact]
    public async Task A_chain_of_sdk_members_is_one_site()
    {
        const string source = """
            class C
            {
                async System.Threading.Tasks.Task M({|#0:OpenAI.OpenAIClient|} client)
                {
                    string a = client.GetChatClient("gpt").CompleteChat("hi").{|#1:Content|};
                    string b = (await client.GetChatClient("gpt").CompleteChatAsync("hi")).{|#2:Content|};
                    string d = new OpenAI.Chat.ChatClient("m", "k").{|#3:CompleteChat("x")|}.ToString();
                }
            }
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "OpenAIClient"), D(1, "ChatCompletion.Content"), D(2, "ChatCompletion.Content"), D(3, "ChatClient.CompleteChat(string)"));
    }

    [Fact]
    public async Task Static_members_are_one_report_whether_or_not_the_type_is_qualified()
    {
        const string source = """
            using OpenAI.Chat;
            class C
            {
                object A() => ChatClient.{|#0:Create("m")|};
                object B() => OpenAI.Chat.ChatClient.{|#1:Create("m")|};
                object D() => global::OpenAI.Chat.ChatClient.{|#2:Create("m")|};
            }
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "ChatClient.Create(string)"), D(1, "ChatClient.Create(string)"), D(2, "ChatClient.Create(string)"));
    }

    [Fact]
    public async Task Inheritance_implementation_and_attributes_are_reported()
    {
        const string source = """
            using OpenAI.Chat;
            class MyClient : {|#0:ChatClient|}
            {
                public MyClient() {|#1:: base("m", "k")|} { }
            }
            class Tool : {|#2:IChatTool|} { public string Name => "t"; }
            [{|#3:ChatTool|}] class A { }
            [{|#4:OpenAI.Chat.ChatToolAttribute|}] class B { }
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "ChatClient"), D(1, "ChatClient.ChatClient(string, string)"), D(2, "IChatTool"), D(3, "ChatToolAttribute"), D(4, "ChatToolAttribute"));
    }

    [Fact]
    public async Task An_attribute_name_is_looked_up_as_csharp_does_under_the_sdk_namespace()
    {
        // [ChatTool] is X or XAttribute, whichever is an attribute type: the project's own ChatToolAttribute in the
        // enclosing namespace hides the imported SDK one (no report), a non-attribute ChatTool does not make [ChatTool]
        // mean it, and in another namespace the same text is the SDK's attribute.
        const string source = """
            using OpenAI.Chat;
            namespace Mine
            {
                public sealed class ChatToolAttribute : System.Attribute { }
                [ChatTool] class A { }
                [ChatToolAttribute] class B { }
            }
            namespace Other
            {
                public class ChatTool { }
                [{|#0:ChatTool|}] class C { }
            }
            namespace Third
            {
                [{|#1:ChatTool|}] class D { }
                [{|#2:ChatToolAttribute|}] class E { }
            }
            """;
        await V.RunAsync(source, NothingApproved, D(0, "ChatToolAttribute"), D(1, "ChatToolAttribute"), D(2, "ChatToolAttribute"));
    }

    [Fact]
    public async Task Generic_arguments_casts_typeof_patterns_and_default_are_reported()
    {
        const string source = """
            using System.Collections.Generic;
            using OpenAI.Chat;
            class C
            {
                T Get<T>() => default;
                void M(object o, {|#0:ChatClient|} c)
                {
                    List<ChatClient> list = {|#2:new List<ChatClient>()|};
                    var viaUserGeneric = Get<{|#3:ChatCompletion|}>();
                    var viaSdkGeneric = c.{|#4:Get<ChatCompletion>()|};
                    var t = typeof({|#5:ChatClient|});
                    var cast = ({|#6:ChatClient|})o;
                    bool isIt = o is {|#7:ChatClient|};
                    var asIt = o as {|#8:ChatClient|};
                    if (o is {|#9:ChatCompletion|} completion) { }
                    var d = default({|#10:ChatMessageRole|});
                    {|#11:Wrapper<ChatClient>|} w = null;
                    string n = nameof(ChatClient) + nameof(c.CompleteChat);
                }
            }
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "ChatClient"), D(2, "List<ChatClient>"), D(3, "ChatCompletion"),
            D(4, "ChatClient.Get<ChatCompletion>()"), D(5, "ChatClient"), D(6, "ChatClient"), D(7, "ChatClient"),
            D(8, "ChatClient"), D(9, "ChatCompletion"), D(10, "ChatMessageRole"), D(11, "Wrapper<ChatClient>"));
    }

    [Fact]
    public async Task Using_aliases_global_aliases_and_using_static_do_not_hide_the_sdk()
    {
        const string globals = """
            global using GlobalChat = {|#0:OpenAI.Chat.ChatClient|};
            global using OpenAI.Chat;
            """;
        const string source = """
            using Chat = {|#1:OpenAI.Chat.ChatClient|};
            using OAI = OpenAI.Chat;
            using static {|#2:OpenAI.Chat.ChatClient|};
            class C
            {
                {|#3:Chat|} a;
                {|#4:GlobalChat|} b;
                {|#5:OAI.ChatCompletion|} c;
                {|#6:ChatMessageRole|} viaGlobalUsing;
                object M() => {|#7:Create("m")|};
                object N() => {|#8:new Chat("m", "k")|};
            }
            """;
        await V.RunAsync(new[] { globals, source }, NothingApproved,
            D(0, "ChatClient"), D(1, "ChatClient"), D(2, "ChatClient"), D(3, "ChatClient"), D(4, "ChatClient"),
            D(5, "ChatCompletion"), D(6, "ChatMessageRole"), D(7, "ChatClient.Create(string)"), D(8, "ChatClient"));
    }

    [Fact]
    public async Task Var_is_reported_when_the_sdk_type_comes_from_user_code_and_not_twice_otherwise()
    {
        const string source = """
            using OpenAI.Chat;
            static class Factory { public static {|#0:ChatClient|} Make() => null; }
            class C
            {
                void M({|#1:ChatClient|} c)
                {
                    {|#2:var|} hidden = Factory.Make();
                    var created = {|#3:new ChatClient("m", "k")|};
                    var result = c.{|#4:CompleteChat("x")|};
                    foreach ({|#5:var|} item in new[] { Factory.Make() }) { }
                    {|#6:ChatClient|} implicitNew = new("m", "k");
                    Use({|#7:new("m", "k")|});
                }
                void Use({|#8:ChatClient|} c) { }
            }
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "ChatClient"), D(1, "ChatClient"), D(2, "ChatClient"), D(3, "ChatClient"), D(4, "ChatClient.CompleteChat(string)"),
            D(5, "ChatClient"), D(6, "ChatClient"), D(7, "ChatClient"), D(8, "ChatClient"));
    }

    // The same program in every style C# allows for naming, obtaining and using a type gives the same sites: the
    // declaration of the value (its type, or `var`, or the call that produces it) and each member used.
    private const string Factory = """
        static class Factory
        {
            public static {|#9:OpenAI.OpenAIClient|} Client() => null;
        }
        """;

    [Theory]
    [InlineData("explicit types", """
        using OpenAI;
        using OpenAI.Chat;
        class C
        {
            string M()
            {
                {|#0:OpenAIClient|} client = Factory.Client();
                ChatClient chat = client.{|#1:GetChatClient("gpt")|};
                ChatCompletion result = chat.{|#2:CompleteChat("hi")|};
                return result.{|#3:Content|};
            }
        }
        """)]
    [InlineData("var, no SDK name written in the file", """
        class C
        {
            string M()
            {
                {|#0:var|} client = Factory.Client();
                var chat = client.{|#1:GetChatClient("gpt")|};
                var result = chat.{|#2:CompleteChat("hi")|};
                return result.{|#3:Content|};
            }
        }
        """)]
    [InlineData("fully qualified names", """
        class C
        {
            string M()
            {
                {|#0:OpenAI.OpenAIClient|} client = Factory.Client();
                OpenAI.Chat.ChatClient chat = client.{|#1:GetChatClient("gpt")|};
                global::OpenAI.Chat.ChatCompletion result = chat.{|#2:CompleteChat("hi")|};
                return result.{|#3:Content|};
            }
        }
        """)]
    [InlineData("fields, properties and an expression body", """
        using OpenAI.Chat;
        class C
        {
            private readonly {|#0:OpenAI.OpenAIClient|} _client = Factory.Client();
            private ChatClient Chat => _client.{|#1:GetChatClient("gpt")|};
            string M() { var result = Chat.{|#2:CompleteChat("hi")|}; return result.{|#3:Content|}; }
        }
        """)]
    [InlineData("out of order, in a lambda and a local function", """
        using System;
        class C
        {
            string M()
            {
                Func<string> ask = () =>
                {
                    var result = Chat().{|#2:CompleteChat("hi")|};
                    return result.{|#3:Content|};
                };
                return ask();
                OpenAI.Chat.ChatClient Chat() => client.{|#1:GetChatClient("gpt")|};
            }
            {|#0:OpenAI.OpenAIClient|} client = Factory.Client();
        }
        """)]
    public async Task The_same_calls_give_the_same_sites_in_every_style(string style, string source)
    {
        Assert.NotEmpty(style);
        await V.RunAsync(new[] { source, Factory }, NothingApproved,
            D(0, "OpenAIClient"), D(1, "OpenAIClient.GetChatClient(string)"), D(2, "ChatClient.CompleteChat(string)"),
            D(3, "ChatCompletion.Content"), D(9, "OpenAIClient"));
    }

    [Fact]
    public async Task Using_aliases_give_the_same_sites_plus_the_directive()
    {
        const string source = """
            using Client = {|#8:OpenAI.OpenAIClient|};
            using Chat = {|#7:OpenAI.Chat.ChatClient|};
            class C
            {
                string M()
                {
                    {|#0:Client|} client = Factory.Client();
                    Chat chat = client.{|#1:GetChatClient("gpt")|};
                    var result = chat.{|#2:CompleteChat("hi")|};
                    return result.{|#3:Content|};
                }
            }
            """;
        await V.RunAsync(new[] { source, Factory }, NothingApproved,
            D(0, "OpenAIClient"), D(1, "OpenAIClient.GetChatClient(string)"), D(2, "ChatClient.CompleteChat(string)"),
            D(3, "ChatCompletion.Content"), D(7, "ChatClient"), D(8, "OpenAIClient"), D(9, "OpenAIClient"));
    }

    [Fact]
    public async Task Top_level_statements_are_looked_at_like_any_method()
    {
        const string program = """
            using OpenAI.Chat;

            var client = {|#0:new ChatClient("gpt", "key")|};
            ChatClient other = ChatClient.{|#1:Create("gpt")|};
            System.Console.WriteLine(client.{|#2:Model|} + other.GetHashCode());
            """;
        await V.RunProgramAsync(program, NothingApproved, D(0, "ChatClient"), D(1, "ChatClient.Create(string)"), D(2, "ChatClient.Model"));
    }

    [Fact]
    public async Task Every_way_to_create_an_sdk_object_is_one_site()
    {
        const string source = """
            using OpenAI.Chat;
            class C
            {
                void M()
                {
                    {|#0:ChatClient|} a = new("gpt", "key");
                    var b = {|#1:new ChatClient("gpt", "key")|};
                    ChatClient c = {|#2:new ChatClient("gpt", "key")|};
                    Use({|#3:new("gpt", "key")|});
                    var d = ChatClient.{|#4:Create("gpt")|};
                    ChatClient e = ChatClient.{|#5:Create("gpt")|};
                }
                static void Use({|#6:ChatClient|} client) { }
            }
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "ChatClient"), D(1, "ChatClient"), D(2, "ChatClient"), D(3, "ChatClient"),
            D(4, "ChatClient.Create(string)"), D(5, "ChatClient.Create(string)"), D(6, "ChatClient"));
    }

    [Fact]
    public async Task Extension_methods_are_one_site_called_either_way()
    {
        const string source = """
            using Microsoft.Extensions.AI;
            using OpenAI.Chat;
            class C
            {
                IChatClient A(ChatClient chat) => chat.{|#0:AsIChatClient()|};
                IChatClient B(ChatClient chat) => OpenAIClientExtensions.{|#1:AsIChatClient(chat)|};
            }
            """;
        await V.RunAsync(source, V.Policy("OpenAI"),
            D(0, "OpenAIClientExtensions.AsIChatClient(ChatClient)", "Microsoft.Extensions.AI.OpenAI adapter", "Microsoft.Extensions.AI.OpenAI"),
            D(1, "OpenAIClientExtensions.AsIChatClient(ChatClient)", "Microsoft.Extensions.AI.OpenAI adapter", "Microsoft.Extensions.AI.OpenAI"));
    }

    [Fact]
    public async Task Dependency_injection_registrations_and_injected_clients_are_uses()
    {
        const string source = """
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.DependencyInjection;
            using OpenAI.Chat;
            static class Startup
            {
                static void Register(IServiceCollection services)
                {
                    services.{|#0:AddOpenAIChatCompletion("gpt", "key")|};
                    services.AddChatClient(sp => {|#1:new ChatClient("gpt", "key")|}.AsIChatClient());
                    services.AddSingleton<{|#2:ChatClient|}>(sp => {|#3:new ChatClient("gpt", "key")|});
                    services.AddSingleton({|#4:new ChatClient("gpt", "key")|});
                }
            }
            class Consumer({|#5:ChatClient|} chat)
            {
                string Ask() => chat.{|#6:CompleteChat("x")|}.ToString();
            }
            """;
        // Not restored: the approved Microsoft.Extensions.AI.OpenAI references OpenAI, so its route is what is proposed.
        DiagnosticResult O(int location, string symbol) => D(location, symbol).WithArguments(symbol, OpenAiSdk, "OpenAI", V.OwnerContact, Unrestored,
            "declare a route in 'routes' whose packages include 'Microsoft.Extensions.AI.OpenAI' (such as { \"id\": \"microsoft-extensions-ai-openai\", \"packages\": [ \"Microsoft.Extensions.AI.OpenAI\" ] }), so 'OpenAI' is allowed only through it, or " + Approve("OpenAI"));
        await V.RunAsync(source, V.Policy("Microsoft.Extensions.AI", "Microsoft.Extensions.AI.OpenAI"),
            D(0, "OpenAIServiceCollectionExtensions.AddOpenAIChatCompletion(IServiceCollection, string, string)", "Semantic Kernel OpenAI connector", "Microsoft.SemanticKernel.Connectors.OpenAI", request: IntegrationRequest("Microsoft.SemanticKernel.Connectors.OpenAI")),
            O(1, "ChatClient"), O(2, "ChatClient"), O(3, "ChatClient"), O(4, "ChatClient"), O(5, "ChatClient"), O(6, "ChatClient.CompleteChat(string)"));
    }

    [Fact]
    public async Task A_multi_line_chain_is_reported_at_the_line_of_its_outermost_sdk_member()
    {
        const string source = """
            class C
            {
                string M({|#0:OpenAI.OpenAIClient|} client) =>
                    client
                        .GetChatClient("gpt")
                        .CompleteChat("hi")
                        .{|#1:Content|};
            }
            """;
        await V.RunAsync(source, NothingApproved, D(0, "OpenAIClient"), D(1, "ChatCompletion.Content"));
    }

    [Fact]
    public async Task User_members_with_sdk_member_names_are_not_uses()
    {
        // `Model`, `Content`, `Name` are SDK member names too: decided by the receiver's declared type, not by the name.
        const string source = """
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading.Tasks;
            class Item { public string Model { get; set; } = ""; public string Name => Model; }
            class C
            {
                string Model => "m";
                async Task<string> M(HttpClient http, List<Item> items)
                {
                    using var response = await http.GetAsync("https://example.com");
                    var item = items[0];
                    foreach (var other in items) { _ = other.Model; }
                    return await response.Content.ReadAsStringAsync() + item.Model + item.Name + Model + items.Find(i => i.Model == "x")?.Name;
                }
            }
            """;
        await V.RunAsync(source, NothingApproved);
    }

    [Fact]
    public async Task Object_initializers_and_method_groups()
    {
        const string source = """
            using System;
            using OpenAI;
            using OpenAI.Chat;
            class C
            {
                object Options() => {|#0:new OpenAIClientOptions { Project = "p", Endpoint = null }|};
                void M({|#1:ChatClient|} c)
                {
                    Func<string, ChatCompletion> f = c.{|#3:CompleteChat|};
                }
            }
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "OpenAIClientOptions"), D(1, "ChatClient"), D(3, "ChatClient.CompleteChat(string)"));
    }

    [Fact]
    public async Task Approved_sdk_is_not_reported()
    {
        const string source = """
            using OpenAI.Chat;
            class C
            {
                ChatClient _c = new ChatClient("m", "k");
                string M() => _c.CompleteChat("x").Content + new OpenAI.OpenAIClient("k").GetChatClient("m").Model;
            }
            """;
        await V.RunAsync(source, V.Policy("OpenAI"));
    }

    [Fact]
    public async Task Package_ids_in_the_policy_are_case_insensitive()
    {
        await V.RunAsync("class C { OpenAI.Chat.ChatClient _c; }", V.Policy("openai"));
    }

    [Fact]
    public async Task No_effective_policy_or_policy_false_keeps_the_rule_silent()
    {
        const string source = "class C { object M() => new OpenAI.Chat.ChatClient(\"m\", \"k\").CompleteChat(\"x\"); }";
        await V.RunAsync(source, effectivePolicy: null);
        await V.RunAsync(source, "mode=Enforce\npolicy=false\n");
    }

    [Fact]
    public async Task A_denied_package_wins_over_an_approval()
    {
        await V.RunAsync("class C { {|#0:OpenAI.Chat.ChatClient|} _c; }", V.Policy("OpenAI") + "package.denied=OpenAI\n",
            V.Diagnostic("GRD003").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("ChatClient", OpenAiSdk, "OpenAI", V.OwnerContact, " (packages.denied 'OpenAI' (the policy))", "lift or narrow that deny"));
    }

    [Fact]
    public async Task Audit_mode_reports_warnings()
    {
        string policy = V.Policy().Replace("mode=Enforce", "mode=Audit");
        await V.RunAsync("class C { {|#0:OpenAI.Chat.ChatClient|} _c; }", policy, D(0, "ChatClient", severity: DiagnosticSeverity.Warning));
    }

    [Fact]
    public async Task Owner_falls_back_to_a_generic_phrase_when_the_policy_names_nobody()
    {
        await V.RunAsync(
            "class C { {|#0:OpenAI.Chat.ChatClient|} _c; }",
            "policy=true\n",
            V.Diagnostic("GRD003").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("ChatClient", OpenAiSdk, "OpenAI", "the owner of the AI policy", Unrestored, Proposal("OpenAI")));
    }

    [Fact]
    public async Task Semantic_kernel_with_only_its_azure_openai_connector_approved_flags_the_openai_connector()
    {
        const string source = """
            using Microsoft.SemanticKernel;
            class C
            {
                Kernel Build()
                {
                    IKernelBuilder builder = Kernel.CreateBuilder();
                    builder.AddAzureOpenAIChatCompletion("deployment", "https://contoso.openai.azure.com", "key");
                    builder.{|#0:AddOpenAIChatCompletion("gpt", "key")|};
                    return builder.Build();
                }
            }
            """;
        await V.RunAsync(source, V.Policy("Microsoft.SemanticKernel", "Microsoft.SemanticKernel.Connectors.AzureOpenAI"),
            D(0, "OpenAIKernelBuilderExtensions.AddOpenAIChatCompletion(IKernelBuilder, string, string)", "Semantic Kernel OpenAI connector", "Microsoft.SemanticKernel.Connectors.OpenAI", request: IntegrationRequest("Microsoft.SemanticKernel.Connectors.OpenAI")));
    }

    [Fact]
    public async Task Semantic_kernel_not_approved_flags_kernel_types_by_their_real_assemblies()
    {
        const string source = """
            using Microsoft.SemanticKernel;
            class C
            {
                object Build() => Kernel.{|#0:CreateBuilder()|};
                object Prompt() => KernelFunctionFactory.{|#1:CreateFromPrompt("p")|};
            }
            """;
        // Not restored: the approved Azure OpenAI connector's assembly references the abstractions, so its route is proposed.
        await V.RunAsync(source, V.Policy("Microsoft.SemanticKernel.Connectors.AzureOpenAI"),
            D(0, "Kernel.CreateBuilder()", "Semantic Kernel", "Microsoft.SemanticKernel.Abstractions",
                request: "declare a route in 'routes' whose packages include 'Microsoft.SemanticKernel.Connectors.AzureOpenAI' (such as { \"id\": \"semantic-kernel-connectors-azureopenai\", \"packages\": [ \"Microsoft.SemanticKernel.Connectors.AzureOpenAI\" ] }), so 'Microsoft.SemanticKernel.Abstractions' is allowed only through it, or add { \"id\": \"Microsoft.SemanticKernel.Abstractions\" } to packages.approved")
                .WithArguments("Kernel.CreateBuilder()", "Semantic Kernel", "Microsoft.SemanticKernel.Abstractions", V.OwnerContact, Unrestored,
                    "declare a route in 'routes' whose packages include 'Microsoft.SemanticKernel.Connectors.AzureOpenAI' (such as { \"id\": \"semantic-kernel-connectors-azureopenai\", \"packages\": [ \"Microsoft.SemanticKernel.Connectors.AzureOpenAI\" ] }), so 'Microsoft.SemanticKernel.Abstractions' is allowed only through it, or add { \"id\": \"Microsoft.SemanticKernel.Abstractions\" } to packages.approved"),
            D(1, "KernelFunctionFactory.CreateFromPrompt(string)", "Semantic Kernel", "Microsoft.SemanticKernel.Core"));
    }

    [Fact]
    public async Task An_adapter_is_its_own_sdk_and_neutral_abstractions_are_never_reported()
    {
        const string source = """
            using Microsoft.Extensions.AI;
            using OpenAI.Chat;
            class C
            {
                IChatClient M(ChatClient chat) => chat.{|#0:AsIChatClient()|};
                string N(IChatClient client) => client.Complete("x");
            }
            """;
        await V.RunAsync(source, V.Policy("OpenAI"),
            D(0, "OpenAIClientExtensions.AsIChatClient(ChatClient)", "Microsoft.Extensions.AI.OpenAI adapter", "Microsoft.Extensions.AI.OpenAI"));
    }

    [Fact]
    public async Task Azure_openai_is_told_apart_from_openai_by_assembly()
    {
        const string source = """
            class C
            {
                object A() => {|#0:new Azure.AI.OpenAI.AzureOpenAIClient(new System.Uri("https://x.openai.azure.com"), "k")|};
                object B() => new OpenAI.OpenAIClient("k");
            }
            """;
        await V.RunAsync(source, V.Policy("OpenAI"), D(0, "AzureOpenAIClient", "Azure OpenAI client library", "Azure.AI.OpenAI"));
    }

    [Fact]
    public async Task Official_and_community_anthropic_clients_share_a_name_but_not_an_assembly()
    {
        const string source = """
            class C
            {
                object A() => new Anthropic.AnthropicClient { ApiKey = "k" };
                object B() => {|#0:new Anthropic.SDK.AnthropicClient("k")|};
            }
            """;
        await V.RunAsync(source, V.Policy("Anthropic"), D(0, "AnthropicClient", "Anthropic.SDK (community, tghamm)", "Anthropic.SDK"));
    }

    [Fact]
    public async Task User_types_that_share_names_with_sdk_types_are_not_reported()
    {
        const string source = """
            namespace OpenAI.Internal
            {
                public class Helper { public static string Ping() => "pong"; }
            }
            namespace MyCompany.OpenAI
            {
                public class ChatClient { public ChatClient(string m, string k) { } public string CompleteChat(string s) => s; }
                public class Program
                {
                    string Run()
                    {
                        var c = new ChatClient("m", "k");
                        ChatClient d = c;
                        return d.CompleteChat("x") + global::OpenAI.Internal.Helper.Ping();
                    }
                    {|#0:global::OpenAI.Chat.ChatCompletion|} real;
                }
            }
            """;
        await V.RunAsync(source, NothingApproved, D(0, "ChatCompletion"));
    }

    [Fact]
    public async Task Generated_code_is_still_usage()
    {
        const string source = """
            // <auto-generated/>
            class Generated { {|#0:OpenAI.Chat.ChatClient|} _c; }
            """;
        await V.RunAsync(source, NothingApproved, D(0, "ChatClient"));
    }

    [Fact]
    public async Task Policy_defined_sdk_by_assembly_is_reported_until_approved()
    {
        const string custom = "sdk.custom=contoso-gateway|Contoso AI Gateway|Contoso.AI.Gateway|Contoso.Internal.AiGateway|Contoso.AI.Gateway|gateway.contoso.example\n";
        const string source = """
            class C
            {
                string A() => new Contoso.AI.Gateway.GatewayClient().{|#0:Ask("x")|};
                string B() => Contoso.Utilities.Text.{|#1:Trim("x")|};
            }
            """;
        await V.RunAsync(source, V.Policy() + custom,
            D(0, "GatewayClient.Ask(string)", "contoso-gateway", "Contoso.AI.Gateway"),
            D(1, "Text.Trim(string)", "contoso-gateway", "Contoso.AI.Gateway"));
        await V.RunAsync(source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty), V.Policy("Contoso.AI.Gateway") + custom);
    }

    [Fact]
    public async Task Policy_defined_sdk_by_namespace_only_matches_that_namespace()
    {
        const string custom = "sdk.custom=contoso-gateway|Contoso AI Gateway|Contoso.AI.Gateway||Contoso.AI.Gateway|\n";
        const string source = """
            class C
            {
                string A() => new Contoso.AI.Gateway.GatewayClient().{|#0:Ask("x")|};
                string B() => Contoso.Utilities.Text.Trim("x");
            }
            """;
        await V.RunAsync(source, V.Policy() + custom, D(0, "GatewayClient.Ask(string)", "contoso-gateway", "Contoso.AI.Gateway"));
    }

    [Fact]
    public async Task A_policy_sdk_named_by_namespace_only_is_waived_by_a_waiver_naming_it()
    {
        // No package ids, no assemblies: the policy names the SDK by its namespace alone.
        const string custom = "sdk.custom=contoso-gateway|Contoso AI Gateway|||Contoso.AI.Gateway|\n";
        const string source = """
            class C
            {
                string A() => new Contoso.AI.Gateway.GatewayClient().{|#0:Ask("x")|};
            }
            """;
        await V.RunAsync(source, V.Policy() + custom,
            D(0, "GatewayClient.Ask(string)", "contoso-gateway", "contoso-gateway",
                request: "grant a waiver of GRD003 for 'contoso-gateway' in 'waivers', or give packages.sdks 'contoso-gateway' its package ids and approve them"));

        // Waived, the use stays visible: a warning (in Enforce too) naming the waiver and its expiry.
        Guardrails.Core.Policy.EffectivePolicy waived = Guardrails.Core.Policy.EffectivePolicy.Read(Guardrails.Tests.Shared.EffectivePolicyText.Json(V.Policy() + custom), out _)!;
        waived.Waivers.Add(new Guardrails.Core.Policy.WaiverEntry("W-GATEWAY", "GRD003", "contoso-gateway", new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero), "li", "pilot", 40));
        await V.RunAsync(source, waived.Write(),
            V.Diagnostic("GRD003").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithArguments(
                "GatewayClient.Ask(string)", "contoso-gateway", "contoso-gateway", V.OwnerContact, ", waived by 'W-GATEWAY' (pilot, approved by li) until 2099-12-31",
                "grant a waiver of GRD003 for 'contoso-gateway' in 'waivers', or give packages.sdks 'contoso-gateway' its package ids and approve them"));
    }

    [Fact]
    public async Task A_waived_package_keeps_every_use_visible_as_a_warning_naming_the_waiver_until_it_expires()
    {
        // The package gate's GRD201 waiver for OpenAI reaches its code: each use is a warning, not silence, also when
        // the policy locks severities (Enforce, no local suppression).
        const string source = """
            class C
            {
                object M() => {|#0:new OpenAI.Chat.ChatClient("gpt", "key")|};
                object N(object c) => ((OpenAI.Chat.ChatClient)c).{|#1:CompleteChat("x")|};
            }
            """;
        string Policy(DateTimeOffset expires, string extra = "")
        {
            Guardrails.Core.Policy.EffectivePolicy p = Guardrails.Core.Policy.EffectivePolicy.Read(Guardrails.Tests.Shared.EffectivePolicyText.Json(V.Policy() + extra), out _)!;
            p.Waivers.Add(new Guardrails.Core.Policy.WaiverEntry("WVR-7", "GRD201", "OpenAI", expires, "li", "migration to the gateway", 31));
            return p.Write();
        }

        DiagnosticResult W(int location, string symbol) =>
            V.Diagnostic("GRD003").WithLocation(location).WithSeverity(DiagnosticSeverity.Warning).WithArguments(
                symbol, OpenAiSdk, "OpenAI", V.OwnerContact, Unrestored + ", waived by 'WVR-7' (migration to the gateway, approved by li) until 2099-12-31 12:00 UTC", Proposal("OpenAI"));
        DateTimeOffset noon = new DateTimeOffset(2099, 12, 31, 12, 0, 0, TimeSpan.Zero);
        await V.RunAsync(source, Policy(noon), W(0, "ChatClient"), W(1, "ChatClient.CompleteChat(string)"));
        await V.RunAsync(source, Policy(noon, "suppression.allowed=false\n"), W(0, "ChatClient"), W(1, "ChatClient.CompleteChat(string)"));

        // Expired, the waiver covers nothing: errors again, with no waiver named.
        await V.RunAsync(source, Policy(DateTimeOffset.UtcNow.AddMinutes(-1)), D(0, "ChatClient"), D(1, "ChatClient.CompleteChat(string)"));
    }

    [Fact]
    public async Task A_cast_or_as_that_a_call_is_made_on_is_one_use_with_the_call()
    {
        const string source = """
            class C
            {
                object A(object o) => ((OpenAI.OpenAIClient)o).{|#0:GetChatClient("m")|};
                object B(object o) => (o as OpenAI.Chat.ChatClient).{|#1:CompleteChat("x")|}.{|#2:Content|};
                object D(object o) => (({|#3:OpenAI.Chat.ChatClient|})o).ToString();
                object E(object o) => ({|#4:OpenAI.Chat.ChatClient|})o;
            }
            """;
        await V.RunAsync(source, NothingApproved,
            D(0, "OpenAIClient.GetChatClient(string)"), D(2, "ChatCompletion.Content"), D(3, "ChatClient"), D(4, "ChatClient"));
    }

    [Fact]
    public async Task A_type_name_bound_once_per_compilation_is_shared_only_between_files_where_it_means_the_same()
    {
        // The same text under different aliases, in files of the same namespace with the same other usings.
        string[] sources =
        {
            """
            using System.Text;
            using Chat = {|#2:OpenAI.Chat.ChatClient|};
            namespace App { class A { {|#0:Chat|} _c; {|#3:Chat|} M() => null; } }
            """,
            """
            using System.Text;
            using Chat = System.Text.StringBuilder;
            namespace App { class B { Chat _c; Chat M() => null; } }
            """,
            """
            using System.Text;
            using OpenAI.Chat;
            namespace App { class C { {|#1:ChatClient|} _c; } }
            """,
            """
            using System.Text;
            namespace App { class D<ChatClient> { ChatClient _c; } class E { class ChatCompletion { } ChatCompletion _c; } }
            """,
        };
        await V.RunAsync(sources, NothingApproved,
            D(0, "ChatClient"), D(1, "ChatClient"),
            D(2, "ChatClient"), D(3, "ChatClient"));
    }

    [Fact]
    public async Task A_project_that_references_no_unapproved_sdk_gets_nothing()
    {
        await V.RunAsync("class C { string M() => System.String.Empty; }", V.Policy("OpenAI", "Azure.AI.OpenAI", "Anthropic", "Anthropic.SDK", "Microsoft.SemanticKernel", "Microsoft.SemanticKernel.Connectors.OpenAI", "Microsoft.SemanticKernel.Connectors.AzureOpenAI", "Microsoft.Extensions.AI.OpenAI"));
    }
}
