using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace Guardrails.Analyzers.Tests;

/// <summary>
/// Small stand-ins for real AI SDKs, compiled in memory into assemblies with the real assembly names (OpenAI,
/// Azure.AI.OpenAI, Microsoft.SemanticKernel.Core, …), so the analyzer sees metadata references exactly as it would
/// with the real packages. No SDK is downloaded.
/// </summary>
internal static class SdkStubs
{
    public const string OpenAI = """
        namespace OpenAI
        {
            public class OpenAIClientOptions { public System.Uri Endpoint { get; set; } public string Project { get; set; } }
            public class OpenAIClient
            {
                public OpenAIClient(string apiKey) { }
                public OpenAIClient(string apiKey, OpenAIClientOptions options) { }
                protected OpenAIClient() { }
                public virtual OpenAI.Chat.ChatClient GetChatClient(string model) => new OpenAI.Chat.ChatClient(model, "");
            }
        }
        namespace OpenAI.Chat
        {
            public class ChatClient
            {
                public ChatClient(string model, string apiKey) { }
                public string Model { get; } = "";
                public int MaxTokens;
                public event System.EventHandler Completed;
                public ChatCompletion CompleteChat(string message) => new ChatCompletion();
                public System.Threading.Tasks.Task<ChatCompletion> CompleteChatAsync(string message) => System.Threading.Tasks.Task.FromResult(new ChatCompletion());
                public static ChatClient Create(string model) => new ChatClient(model, "");
                public T Get<T>() => default;
                public string this[string setting] => "";
                public class Options { }
                protected void Raise() => Completed?.Invoke(this, System.EventArgs.Empty);
            }
            public class ChatCompletion { public string Content { get; } = ""; public ChatMessageRole Role { get; } }
            public enum ChatMessageRole { System, User, Assistant }
            public interface IChatTool { string Name { get; } }
            [System.AttributeUsage(System.AttributeTargets.All)]
            public sealed class ChatToolAttribute : System.Attribute { }
            public class Wrapper<T> { }
        }
        """;

    public const string AzureOpenAI = """
        namespace Azure.AI.OpenAI
        {
            // As Azure.AI.OpenAI 2.1.0 declares it (read from the package by reflection): it overrides OpenAIClient's
            // virtual Get*Client methods (GetChatClient(string deploymentName), …) and has a protected constructor. C#
            // member lookup leaves overrides out, so azure.GetChatClient(…) binds to OpenAIClient.GetChatClient, in the
            // OpenAI assembly, as with the real packages (RealSdkRouteBuildTests): no verdict changes with the override.
            public class AzureOpenAIClient : global::OpenAI.OpenAIClient
            {
                public AzureOpenAIClient(System.Uri endpoint, string key) : base(key) { }
                protected AzureOpenAIClient() { }
                public override global::OpenAI.Chat.ChatClient GetChatClient(string deploymentName) => new global::OpenAI.Chat.ChatClient(deploymentName, "");
            }
        }
        """;

    public const string SemanticKernelAbstractions = """
        namespace Microsoft.SemanticKernel
        {
            public sealed class Kernel
            {
                public static IKernelBuilder CreateBuilder() => null;
                public T GetRequiredService<T>() => default;
            }
            public interface IKernelBuilder { Kernel Build(); }
        }
        namespace Microsoft.SemanticKernel.ChatCompletion
        {
            public interface IChatCompletionService { string GetReply(string prompt); }
        }
        """;

    public const string SemanticKernelCore = """
        namespace Microsoft.SemanticKernel
        {
            public static class KernelFunctionFactory { public static object CreateFromPrompt(string prompt) => null; }
        }
        """;

    public const string SemanticKernelConnectorsOpenAI = """
        namespace Microsoft.SemanticKernel
        {
            public static class OpenAIKernelBuilderExtensions
            {
                public static IKernelBuilder AddOpenAIChatCompletion(this IKernelBuilder builder, string modelId, string apiKey) => builder;
            }
        }
        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class OpenAIServiceCollectionExtensions
            {
                public static IServiceCollection AddOpenAIChatCompletion(this IServiceCollection services, string modelId, string apiKey) => services;
            }
        }
        """;

    public const string DependencyInjectionAbstractions = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IServiceCollection { }
            public static class ServiceCollectionServiceExtensions
            {
                public static IServiceCollection AddSingleton<T>(this IServiceCollection services, System.Func<System.IServiceProvider, T> factory) where T : class => services;
                public static IServiceCollection AddSingleton<T>(this IServiceCollection services, T instance) where T : class => services;
            }
        }
        """;

    public const string ExtensionsAI = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class ChatClientServiceCollectionExtensions
            {
                public static IServiceCollection AddChatClient(this IServiceCollection services, System.Func<System.IServiceProvider, Microsoft.Extensions.AI.IChatClient> factory) => services;
            }
        }
        """;

    public const string SemanticKernelConnectorsAzureOpenAI = """
        namespace Microsoft.SemanticKernel
        {
            public static class AzureOpenAIKernelBuilderExtensions
            {
                public static IKernelBuilder AddAzureOpenAIChatCompletion(this IKernelBuilder builder, string deployment, string endpoint, string apiKey) => builder;
            }
        }
        """;

    public const string ExtensionsAIAbstractions = """
        namespace Microsoft.Extensions.AI
        {
            public interface IChatClient { string Complete(string prompt); }
        }
        """;

    public const string ExtensionsAIOpenAI = """
        namespace OpenAI.Chat
        {
            public static class OpenAIClientExtensions
            {
                public static Microsoft.Extensions.AI.IChatClient AsIChatClient(this ChatClient client) => null;
            }
        }
        """;

    /// <summary>Shaped like the official Anthropic 13.15.0: a client with option properties, Messages.Create(params).</summary>
    public const string Anthropic = """
        namespace Anthropic
        {
            public interface IAnthropicClient : System.IDisposable
            {
                string ApiKey { get; set; }
                Anthropic.Services.IMessageService Messages { get; }
                IAnthropicClient WithOptions(System.Func<Anthropic.Core.ClientOptions, Anthropic.Core.ClientOptions> modifier);
            }
            public class AnthropicClient : IAnthropicClient
            {
                public AnthropicClient() { }
                public AnthropicClient(Anthropic.Core.ClientOptions options) { }
                public string ApiKey { get; set; }
                public string BaseUrl { get; set; }
                public Anthropic.Services.IMessageService Messages => null;
                public virtual IAnthropicClient WithOptions(System.Func<Anthropic.Core.ClientOptions, Anthropic.Core.ClientOptions> modifier) => this;
                public void Dispose() { }
            }
        }
        namespace Anthropic.Core { public class ClientOptions { public string ApiKey { get; init; } public string BaseUrl { get; init; } } }
        namespace Anthropic.Services
        {
            public interface IMessageService
            {
                System.Threading.Tasks.Task<Anthropic.Models.Messages.Message> Create(Anthropic.Models.Messages.MessageCreateParams parameters, System.Threading.CancellationToken cancellationToken = default);
            }
        }
        namespace Anthropic.Models.Messages
        {
            public class MessageCreateParams
            {
                public long MaxTokens { get; init; }
                public string Model { get; init; }
                public System.Collections.Generic.IReadOnlyList<MessageParam> Messages { get; init; }
            }
            public class MessageParam { public string Role { get; init; } public string Content { get; init; } }
            public class Message { public string ID { get; init; } public string Model { get; init; } }
        }
        """;

    /// <summary>
    /// Shaped like Anthropic.Bedrock 1.0.7 (its public API read from the package): a client deriving from the official
    /// AnthropicClient, built from Bedrock credentials; the messages API is the base SDK's.
    /// </summary>
    public const string AnthropicBedrock = """
        namespace Anthropic.Bedrock
        {
            public interface IAnthropicBedrockCredentials
            {
                string Region { get; }
                System.Threading.Tasks.Task Apply(System.Net.Http.HttpRequestMessage request);
            }
            public class AnthropicBedrockApiTokenCredentials : IAnthropicBedrockCredentials
            {
                public string BearerToken { get; set; }
                public string Region { get; set; }
                public System.Threading.Tasks.Task Apply(System.Net.Http.HttpRequestMessage request) => System.Threading.Tasks.Task.CompletedTask;
            }
            public static class AnthropicBedrockCredentialsHelper
            {
                public static System.Threading.Tasks.ValueTask<IAnthropicBedrockCredentials> FromEnv() => default;
            }
            public class AnthropicBedrockClient : global::Anthropic.AnthropicClient
            {
                public AnthropicBedrockClient(IAnthropicBedrockCredentials credentials) { }
                public override global::Anthropic.IAnthropicClient WithOptions(System.Func<global::Anthropic.Core.ClientOptions, global::Anthropic.Core.ClientOptions> modifier) => this;
            }
        }
        """;

    public const string AnthropicSdk = """
        namespace Anthropic.SDK { public class AnthropicClient { public AnthropicClient(string apiKey) { } } }
        """;

    public const string ContosoGateway = """
        namespace Contoso.AI.Gateway { public class GatewayClient { public string Ask(string prompt) => ""; } }
        namespace Contoso.Utilities { public static class Text { public static string Trim(string s) => s; } }
        """;

    private static readonly (string Name, string Source, string[] Deps)[] Definitions =
    {
        ("OpenAI", OpenAI, Array.Empty<string>()),
        ("Azure.AI.OpenAI", AzureOpenAI, new[] { "OpenAI" }),
        ("Microsoft.SemanticKernel.Abstractions", SemanticKernelAbstractions, Array.Empty<string>()),
        ("Microsoft.SemanticKernel.Core", SemanticKernelCore, new[] { "Microsoft.SemanticKernel.Abstractions" }),
        ("Microsoft.Extensions.DependencyInjection.Abstractions", DependencyInjectionAbstractions, Array.Empty<string>()),
        ("Microsoft.SemanticKernel.Connectors.OpenAI", SemanticKernelConnectorsOpenAI, new[] { "Microsoft.SemanticKernel.Abstractions", "Microsoft.Extensions.DependencyInjection.Abstractions" }),
        ("Microsoft.SemanticKernel.Connectors.AzureOpenAI", SemanticKernelConnectorsAzureOpenAI, new[] { "Microsoft.SemanticKernel.Abstractions" }),
        ("Microsoft.Extensions.AI.Abstractions", ExtensionsAIAbstractions, Array.Empty<string>()),
        ("Microsoft.Extensions.AI", ExtensionsAI, new[] { "Microsoft.Extensions.AI.Abstractions", "Microsoft.Extensions.DependencyInjection.Abstractions" }),
        ("Microsoft.Extensions.AI.OpenAI", ExtensionsAIOpenAI, new[] { "OpenAI", "Microsoft.Extensions.AI.Abstractions" }),
        ("Anthropic", Anthropic, Array.Empty<string>()),
        ("Anthropic.Bedrock", AnthropicBedrock, new[] { "Anthropic" }),
        ("Anthropic.SDK", AnthropicSdk, Array.Empty<string>()),
        ("Contoso.Internal.AiGateway", ContosoGateway, Array.Empty<string>()),
    };

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static ImmutableDictionary<string, MetadataReference>? built;

    /// <summary>All stub SDKs as metadata references (compiled once per test run against the test's reference assemblies).</summary>
    public static async Task<ImmutableArray<MetadataReference>> AllAsync()
    {
        ImmutableDictionary<string, MetadataReference> all = await BuildAsync();
        return all.Values.ToImmutableArray();
    }

    public static async Task<ImmutableDictionary<string, MetadataReference>> BuildAsync()
    {
        if (built != null)
        {
            return built;
        }

        await Gate.WaitAsync();
        try
        {
            if (built != null)
            {
                return built;
            }

            ImmutableArray<MetadataReference> framework = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var result = ImmutableDictionary.CreateBuilder<string, MetadataReference>();
            foreach ((string name, string source, string[] deps) in Definitions)
            {
                result.Add(name, Compile(name, source, framework.AddRange(deps.Select(d => result[d]))));
            }

            built = result.ToImmutable();
            return built;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Compiles <paramref name="source"/> into an in-memory assembly named <paramref name="assemblyName"/>.</summary>
    public static MetadataReference Compile(string assemblyName, string source, IEnumerable<MetadataReference> references)
    {
        CSharpCompilation compilation = CSharpCompilation.Create(
            assemblyName,
            new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        if (!emit.Success)
        {
            throw new InvalidOperationException("Stub " + assemblyName + " does not compile: " + string.Join(Environment.NewLine, emit.Diagnostics));
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    }
}
