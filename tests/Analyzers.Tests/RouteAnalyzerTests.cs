using Guardrails.Core.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using V = Guardrails.Analyzers.Tests.SdkVerify<Guardrails.Analyzers.UnapprovedAiSdkAnalyzer>;
using E = Guardrails.Analyzers.Tests.SdkVerify<Guardrails.Analyzers.UnapprovedAiEndpointAnalyzer>;

namespace Guardrails.Analyzers.Tests;

/// <summary>
/// Provider routes as the analyzers see them: the effective policy carries the route and the restored packages with
/// their chains (as the build task writes them); an SDK only the route brings in may be used through the wrapper, but
/// creating or registering its own client is GRD003, and its public endpoint is still GRD004.
/// </summary>
public class RouteAnalyzerTests
{
    private static string Policy(string routeId, string description, string[] packages, string[] endpoints, params (string Id, string[] Chain)[] restored)
    {
        var p = new EffectivePolicy { HasPolicy = true, OwnerName = "AI Governance", OwnerContact = "ai-governance@contoso.example" };
        p.Routes.Add(new RouteEntry(routeId, description, packages.Select(id => new PackageEntry(id, null, null, 0)).ToArray(), endpoints, 0));
        foreach ((string id, string[] chain) in restored)
        {
            p.Packages.Add(new ResolvedPackage(id, "1.0.0", chain));
        }

        return p.Write();
    }

    private static readonly string AzureOpenAiRoute = Policy("azure-openai", "Azure OpenAI via Azure.AI.OpenAI", new[] { "Azure.AI.OpenAI" }, new[] { "*.openai.azure.com" },
        ("Azure.AI.OpenAI", new[] { "Azure.AI.OpenAI" }), ("OpenAI", new[] { "Azure.AI.OpenAI", "OpenAI" }));

    private const string ApproveOpenAi = "add { \"id\": \"OpenAI\" } to packages.approved";

    private const string Through = " other than through route 'azure-openai' (Azure OpenAI via Azure.AI.OpenAI), which hands out its clients: creating or registering its own client is not part of the route";

    [Fact]
    public async Task Azure_openai_route_allows_openai_types_from_the_wrapper_but_not_creating_openai_clients()
    {
        const string source = """
            using System;
            using Azure.AI.OpenAI;
            using OpenAI.Chat;
            class C
            {
                string Run()
                {
                    var azure = new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com"), "k");
                    ChatClient chat = azure.GetChatClient("gpt-4o");
                    var viaVar = azure.GetChatClient("gpt-4o-mini");
                    ChatCompletion done = chat.CompleteChat("hi");
                    object own = {|#0:new OpenAI.OpenAIClient("k")|};
                    object other = {|#1:new ChatClient("gpt-4o", "k")|};
                    return done.Content + viaVar.Model;
                }
            }
            """;
        await V.RunAsync(source, AzureOpenAiRoute,
            V.Diagnostic("GRD003").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("OpenAIClient", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, Through, ApproveOpenAi),
            V.Diagnostic("GRD003").WithLocation(1).WithSeverity(DiagnosticSeverity.Error).WithArguments("ChatClient", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, Through, ApproveOpenAi));
    }

    /// <summary>
    /// Microsoft.Extensions.DependencyInjection(.Abstractions) as declared by the real package: the overloads' type and
    /// parameter names (TService, TImplementation, implementationFactory, implementationInstance, serviceType, service,
    /// implementationType, instanceType) are what tell an activation from a factory, an instance or a resolution.
    /// </summary>
    private const string DependencyInjection = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            using System;
            public enum ServiceLifetime { Singleton, Scoped, Transient }
            public class ServiceDescriptor
            {
                public ServiceDescriptor(Type serviceType, Type implementationType, ServiceLifetime lifetime) { }
                public ServiceDescriptor(Type serviceType, object instance) { }
                public ServiceDescriptor(Type serviceType, Func<IServiceProvider, object> factory, ServiceLifetime lifetime) { }
                public static ServiceDescriptor Singleton<TService, TImplementation>() where TService : class where TImplementation : class, TService => null;
                public static ServiceDescriptor Singleton<TService>(Func<IServiceProvider, TService> implementationFactory) where TService : class => null;
            }
            public interface IServiceCollection : System.Collections.Generic.IList<ServiceDescriptor> { }
            public static class ServiceCollectionServiceExtensions
            {
                public static IServiceCollection AddSingleton<TService>(this IServiceCollection services) where TService : class => services;
                public static IServiceCollection AddSingleton<TService, TImplementation>(this IServiceCollection services) where TService : class where TImplementation : class, TService => services;
                public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, Func<IServiceProvider, TService> implementationFactory) where TService : class => services;
                public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, TService implementationInstance) where TService : class => services;
                public static IServiceCollection AddSingleton(this IServiceCollection services, Type serviceType) => services;
                public static IServiceCollection AddSingleton(this IServiceCollection services, Type serviceType, Type implementationType) => services;
                public static IServiceCollection AddSingleton(this IServiceCollection services, Type serviceType, object implementationInstance) => services;
                public static IServiceCollection AddKeyedSingleton<TService>(this IServiceCollection services, object serviceKey) where TService : class => services;
                public static IServiceCollection AddKeyedSingleton<TService>(this IServiceCollection services, object serviceKey, Func<IServiceProvider, object, TService> implementationFactory) where TService : class => services;
                public static IServiceCollection AddTransient<TService>(this IServiceCollection services) where TService : class => services;
            }
            public static class ServiceProviderServiceExtensions
            {
                public static T GetRequiredService<T>(this IServiceProvider provider) => default;
            }
            public static class ActivatorUtilities
            {
                public static T CreateInstance<T>(IServiceProvider provider, params object[] parameters) => default;
                public static object CreateInstance(IServiceProvider provider, Type instanceType, params object[] parameters) => null;
            }
        }
        namespace Microsoft.Extensions.DependencyInjection.Extensions
        {
            using System;
            public static class ServiceCollectionDescriptorExtensions
            {
                public static void TryAddSingleton<TService>(this IServiceCollection collection) where TService : class { }
                public static void TryAddSingleton(this IServiceCollection collection, Type service) { }
                public static void TryAddSingleton(this IServiceCollection collection, Type service, Func<IServiceProvider, object> implementationFactory) { }
            }
        }
        """;

    [Fact]
    public async Task Under_the_azure_openai_route_the_di_container_creating_openais_own_client_is_reported_at_the_registration()
    {
        // The container calls OpenAIClient's constructor for these as `new OpenAIClient(key)` would; a factory that
        // hands out the Azure client, an instance, and resolving what is registered create nothing.
        const string source = """
            using System;
            using Azure.AI.OpenAI;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.DependencyInjection.Extensions;
            using OpenAI;
            using Own = OpenAI.OpenAIClient;
            class C
            {
                void Register(IServiceCollection services, IServiceProvider sp, AzureOpenAIClient azure)
                {
                    services.{|#0:AddSingleton<OpenAIClient>()|};
                    services.{|#1:AddKeyedSingleton<Own>("own")|};
                    services.{|#2:TryAddSingleton<global::OpenAI.OpenAIClient>()|};
                    services.{|#3:AddSingleton(typeof(OpenAIClient))|};
                    services.{|#4:TryAddSingleton(typeof(OpenAIClient))|};
                    services.{|#5:AddSingleton<object, OpenAIClient>()|};
                    services.Add({|#6:new ServiceDescriptor(typeof(object), typeof(OpenAIClient), ServiceLifetime.Singleton)|});
                    services.Add(ServiceDescriptor.{|#7:Singleton<object, OpenAIClient>()|});
                    object made = ActivatorUtilities.{|#8:CreateInstance<OpenAIClient>(sp, "k")|};
                    object byType = ActivatorUtilities.{|#9:CreateInstance(sp, typeof(OpenAIClient))|};
                    services.AddSingleton(_ => {|#10:new OpenAIClient("k")|});

                    // Left alone: the route's client as OpenAIClient, an instance, a factory, resolving, naming the type.
                    services.AddSingleton<OpenAIClient>(_ => azure);
                    services.AddSingleton<OpenAIClient>(azure);
                    services.AddSingleton(typeof(OpenAIClient), azure);
                    services.AddKeyedSingleton<OpenAIClient>("azure", (_, _) => azure);
                    services.TryAddSingleton(typeof(OpenAIClient), _ => azure);
                    services.Add(new ServiceDescriptor(typeof(OpenAIClient), azure));
                    services.Add(ServiceDescriptor.Singleton<OpenAIClient>(_ => azure));
                    services.AddSingleton<AzureOpenAIClient>();
                    OpenAIClient resolved = sp.GetRequiredService<OpenAIClient>();
                    Type named = typeof(OpenAIClient);
                }
            }
            """;
        DiagnosticResult Own(int location) =>
            V.Diagnostic("GRD003").WithLocation(location).WithSeverity(DiagnosticSeverity.Error).WithArguments("OpenAIClient", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, Through, ApproveOpenAi);
        await V.RunAsync(new[] { source, DependencyInjection }, AzureOpenAiRoute, Enumerable.Range(0, 11).Select(Own).ToArray());
    }

    [Fact]
    public async Task Under_the_azure_openai_route_a_project_type_deriving_from_openais_own_client_is_that_client()
    {
        // `class Gateway : OpenAIClient { … : base(key) }` then `new Gateway(key)` constructs OpenAI's own client (its
        // default endpoint is api.openai.com): the base constructor call is reported, and so is each construction of the
        // derived type (at any depth, in a file that names no SDK type, with `new`, target-typed `new` or a primary
        // constructor). Deriving from the wrapper's own client (AzureOpenAIClient) and declaring a variable of a derived
        // type stay allowed.
        const string gateway = """
            using OpenAI;
            class Gateway : OpenAIClient { public Gateway(string k) {|#0:: base(k)|} { } public Gateway() { } }
            class Primary(string k) : {|#1:OpenAIClient(k)|};
            class Inner : Gateway { public Inner(string k) : base(k) { } }
            class Mocked : OpenAIClient { }
            class MyAzure : Azure.AI.OpenAI.AzureOpenAIClient { public MyAzure(System.Uri u, string k) : base(u, k) { } }
            """;
        const string use = """
            using System;
            class C
            {
                object Run(string key)
                {
                    var a = {|#2:new Gateway(key)|};
                    Gateway b = {|#3:new(key)|};
                    object c = {|#4:new Inner(key)|};
                    object d = {|#5:new Mocked()|};
                    object e = {|#6:new Primary(key)|};
                    Gateway declaredOnly = null;
                    var azure = new MyAzure(new Uri("https://contoso.openai.azure.com"), key);
                    return azure.GetChatClient("gpt-4o").Model + a + b + c + d + e + declaredOnly;
                }
            }
            """;
        DiagnosticResult Own(int location, string name) =>
            V.Diagnostic("GRD003").WithLocation(location).WithSeverity(DiagnosticSeverity.Error).WithArguments(name, "OpenAI .NET SDK", "OpenAI", V.OwnerContact, Through, ApproveOpenAi);
        await V.RunAsync(new[] { gateway, use }, AzureOpenAiRoute,
            Own(0, "OpenAIClient.OpenAIClient(string)"), Own(1, "OpenAIClient.OpenAIClient(string)"),
            Own(2, "OpenAIClient"), Own(3, "OpenAIClient"), Own(4, "OpenAIClient"), Own(5, "OpenAIClient"), Own(6, "OpenAIClient"));
    }

    [Fact]
    public async Task Under_the_azure_openai_route_reflection_creating_openais_own_client_is_reported_at_the_creation()
    {
        // Activator (generic and by Type), Expression.New, GetUninitializedObject and typeof(T).GetConstructor(…).Invoke
        // construct the client as `new OpenAIClient(key)` does; the project's derived type counts as the client. Naming
        // the type, reading its methods, and creating the route's own client by reflection stay allowed.
        const string source = """
            using System;
            using System.Linq.Expressions;
            using System.Runtime.CompilerServices;
            using Azure.AI.OpenAI;
            using OpenAI;
            sealed class Gateway : OpenAIClient { }
            class C
            {
                object[] Run(string key)
                {
                    return new object[]
                    {
                        Activator.{|#0:CreateInstance(typeof(OpenAIClient), key)|}!,
                        (OpenAIClient)Activator.{|#1:CreateInstance(typeof(global::OpenAI.OpenAIClient), new object[] { key })|}!,
                        Activator.{|#2:CreateInstance<Gateway>()|},
                        Activator.{|#3:CreateInstance(typeof(Gateway))|}!,
                        Expression.{|#4:New(typeof(OpenAIClient))|},
                        RuntimeHelpers.{|#5:GetUninitializedObject(typeof(OpenAIClient))|},
                        typeof(OpenAIClient).{|#6:GetConstructor(new[] { typeof(string) })!.Invoke(new object[] { key })|},
                        typeof(Gateway).{|#7:GetConstructors()[0].Invoke(null)|},

                        typeof(OpenAIClient),
                        typeof(OpenAIClient).GetMethods(),
                        Activator.CreateInstance(typeof(AzureOpenAIClient), new Uri("https://contoso.openai.azure.com"), key)!,
                        typeof(AzureOpenAIClient).GetConstructors(),
                        Activator.CreateInstance(typeof(Uri), "https://contoso.openai.azure.com")!,
                    };
                }
            }
            """;
        DiagnosticResult Own(int location) =>
            V.Diagnostic("GRD003").WithLocation(location).WithSeverity(DiagnosticSeverity.Error).WithArguments("OpenAIClient", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, Through, ApproveOpenAi);
        await V.RunAsync(source, AzureOpenAiRoute, Enumerable.Range(0, 8).Select(Own).ToArray());
    }

    /// <summary>
    /// Adversary round 4 #11 ('az4'): the route ships OpenAI.dll, so a type name joined at run time reaches OpenAI's own
    /// ChatClient through Type.GetType and Activator. The join of constants folds (#0): a constant naming the carried
    /// SDK's own client is GRD003; a name the analyzer cannot fold (a parameter, configuration) cannot be judged, so under
    /// a route that carries an SDK every load by such a name is GRD003 too.
    /// </summary>
    [Fact]
    public async Task Under_the_azure_openai_route_a_type_or_assembly_named_at_run_time_or_a_constant_naming_openais_client_is_reported()
    {
        const string source = """
            using System;
            using System.Reflection;
            using Azure.AI.OpenAI;
            class C
            {
                object[] Run(string key, string configured)
                {
                    var name = string.Join(".", new[] { "OpenAI", "Chat", "ChatClient" }) + ", OpenAI";
                    return new object[]
                    {
                        Activator.CreateInstance(Type.GetType({|#0:name|})!, "gpt-4o", key)!,
                        typeof(AzureOpenAIClient).Assembly.GetType({|#1:configured|})!,
                        Assembly.Load({|#2:Environment.GetEnvironmentVariable("SDK") ?? "x"|}),
                        Type.GetType({|#3:"OpenAI.Chat.ChatClient, OpenAI"|})!,
                        Activator.CreateInstance({|#4:"OpenAI"|}, "OpenAI.OpenAIClient")!,

                        Type.GetType("OpenAI.Chat.ChatMessage, OpenAI")!,
                        Type.GetType("System.Uri")!,
                        Activator.CreateInstance(typeof(AzureOpenAIClient), new Uri("https://contoso.openai.azure.com"), key)!,
                    };
                }
            }
            """;
        DiagnosticResult RunTime(int location, string loader) =>
            V.Diagnostic("GRD003").WithLocation(location).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "A name built at run time and loaded by reflection (" + loader + ") can reach any type this project ships, and the project ships OpenAI .NET SDK through a route; " +
                "name the type with a constant or typeof so it can be judged. Loading by such a name", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, Through, ApproveOpenAi);
        DiagnosticResult Named(int location, string shown, string loader) =>
            V.Diagnostic("GRD003").WithLocation(location).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "'" + shown + "', loaded by reflection (" + loader + "),", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, Through, ApproveOpenAi);
        await V.RunAsync(source, AzureOpenAiRoute,
            Named(0, "OpenAI.Chat.ChatClient, OpenAI", "Type.GetType"), RunTime(1, "Assembly.GetType"), RunTime(2, "Assembly.Load"),
            Named(3, "OpenAI.Chat.ChatClient, OpenAI", "Type.GetType"), Named(4, "OpenAI", "Activator.CreateInstance"));
    }

    /// <summary>
    /// Adversary round 5 #3 ('az6'): OpenAI's own clients reached as the BaseType of the route's types and created by
    /// Activator.CreateInstance(Type, …): no name to judge, so under a route that carries an SDK a computed Type is GRD003.
    /// typeof(X) is judged as a use of X, and Type.GetType("…") by its name (reported once, at the name).
    /// </summary>
    [Fact]
    public async Task Under_the_azure_openai_route_a_computed_type_created_by_reflection_is_reported()
    {
        const string source = """
            using System;
            using System.Linq;
            using Azure.AI.OpenAI;
            class C
            {
                object[] Run(string key, Type given)
                {
                    var azure = new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com"), key);
                    return new object[]
                    {
                        Activator.CreateInstance({|#0:typeof(AzureOpenAIClient).BaseType!|}, key)!,
                        Activator.CreateInstance({|#1:azure.GetChatClient("gpt-4o").GetType().BaseType!|}, "gpt-4o", key)!,
                        Activator.CreateInstance({|#2:typeof(AzureOpenAIClient).Assembly.GetTypes().First(t => t.Name == "X")|})!,
                        Activator.CreateInstance({|#3:given|})!,

                        Activator.CreateInstance(typeof(AzureOpenAIClient), new Uri("https://contoso.openai.azure.com"), key)!,
                        Activator.CreateInstance((typeof(System.Text.StringBuilder)))!,
                        Activator.CreateInstance<System.Text.StringBuilder>(),
                    };
                }
            }
            """;
        DiagnosticResult Computed(int location) =>
            V.Diagnostic("GRD003").WithLocation(location).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "A type computed at run time and created by reflection (Activator.CreateInstance) can be any type this project ships, and the project ships OpenAI .NET SDK through a route; " +
                "create it with new, or name it with typeof, so it can be judged. Creating such a type", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, Through, ApproveOpenAi);
        await V.RunAsync(source, AzureOpenAiRoute, Computed(0), Computed(1), Computed(2), Computed(3));
    }

    /// <summary>Scrutor's assembly selectors as the real package declares them (namespace Scrutor, ITypeSourceSelector).</summary>
    private const string Scrutor = """
        namespace Scrutor
        {
            using System;
            using System.Reflection;
            public interface IImplementationTypeSelector { IImplementationTypeSelector AddClasses(); }
            public interface ITypeSourceSelector
            {
                IImplementationTypeSelector FromAssemblies(params Assembly[] assemblies);
                IImplementationTypeSelector FromAssembliesOf(params Type[] types);
                IImplementationTypeSelector FromAssemblyDependencies(Assembly assembly);
                IImplementationTypeSelector FromApplicationDependencies();
                IImplementationTypeSelector FromAssemblyOf<T>();
            }
        }
        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class ServiceCollectionExtensions
            {
                public static IServiceCollection Scan(this IServiceCollection services, System.Action<Scrutor.ITypeSourceSelector> action) => services;
            }
        }
        """;

    /// <summary>
    /// Adversary round 6 #5 ('refl2') and issue 12's reflection residue: under a route, every other way .NET creates a type
    /// it is handed is judged like Activator.CreateInstance(Type, …) when the type is computed (reached from an allowed
    /// type, never named): Type.InvokeMember, Assembly.CreateInstance by a computed name, a constructor's Invoke,
    /// GetUninitializedObject, Expression.New (by Type or ConstructorInfo), ActivatorUtilities, the container's
    /// registrations and ServiceDescriptor, and assembly scanning (Scrutor's FromAssemblies / FromAssembliesOf /
    /// FromAssemblyDependencies / FromApplicationDependencies). typeof(OpenAIClient).InvokeMember is a creation of the named type.
    /// </summary>
    [Fact]
    public async Task Under_the_azure_openai_route_every_creation_of_a_computed_type_is_reported()
    {
        const string source = """
            using System;
            using System.Linq.Expressions;
            using System.Reflection;
            using System.Runtime.CompilerServices;
            using Azure.AI.OpenAI;
            using Microsoft.Extensions.DependencyInjection;
            using OpenAI;
            class C
            {
                object?[] Run(string key, IServiceCollection services, IServiceProvider sp, MethodInfo someMethod, Action done)
                {
                    Type baseType = typeof(AzureOpenAIClient).BaseType!;
                    const BindingFlags F = BindingFlags.Public | BindingFlags.Instance | BindingFlags.CreateInstance;
                    ConstructorInfo ctor = baseType.GetConstructors()[0];
                    services.Scan(s => s.FromAssemblies({|#10:baseType.Assembly|}).AddClasses());
                    services.Scan(s => {|#11:s.FromApplicationDependencies()|}.AddClasses());
                    services.Scan(s => {|#12:s.FromAssemblyDependencies(typeof(C).Assembly)|}.AddClasses());
                    services.Scan(s => s.FromAssembliesOf({|#13:baseType|}).AddClasses());
                    services.AddSingleton({|#7:baseType|});
                    services.AddSingleton(typeof(object), {|#8:baseType|});
                    services.Add(new ServiceDescriptor(typeof(object), {|#9:baseType|}, ServiceLifetime.Singleton));

                    // Left alone: written types, the project's own assembly, other reflection.
                    services.Scan(s => s.FromAssemblies(typeof(C).Assembly, Assembly.GetExecutingAssembly()).AddClasses());
                    services.Scan(s => s.FromAssemblyOf<C>().AddClasses());
                    services.AddSingleton(typeof(System.Text.StringBuilder));
                    services.Add(new ServiceDescriptor(baseType, new object()));
                    someMethod.Invoke(null, null);
                    done.Invoke();
                    return new object?[]
                    {
                        {|#0:baseType|}.InvokeMember(null!, F, null, null, new object[] { key }),
                        baseType.Assembly.CreateInstance({|#1:baseType.FullName!|}, false, F, null, new object[] { key }, null, null),
                        {|#2:baseType.GetConstructor(new[] { typeof(string) })!|}.Invoke(new object[] { key }),
                        RuntimeHelpers.GetUninitializedObject({|#3:baseType|}),
                        Expression.New({|#4:baseType|}),
                        Expression.New({|#5:ctor|}),
                        ActivatorUtilities.CreateInstance(sp, {|#6:baseType|}, key),
                        typeof(OpenAIClient).{|#14:InvokeMember(null!, F, null, null, new object[] { key })|},

                        typeof(System.Text.StringBuilder).GetConstructor(Type.EmptyTypes)!.Invoke(null),
                        typeof(System.Text.StringBuilder).InvokeMember(null!, F, null, null, null),
                        typeof(AzureOpenAIClient).InvokeMember(null!, F, null, null, new object[] { new Uri("https://contoso.openai.azure.com"), key }),
                        Expression.New(typeof(System.Text.StringBuilder)),
                        typeof(C).Assembly.CreateInstance("C"),
                    };
                }
            }
            """;
        DiagnosticResult Computed(int location, string how) =>
            V.Diagnostic("GRD003").WithLocation(location).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "A type computed at run time and created by " + how + " can be any type this project ships, and the project ships OpenAI .NET SDK through a route; " +
                "create it with new, or name it with typeof, so it can be judged. Creating such a type", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, Through, ApproveOpenAi);
        DiagnosticResult Scanned(int location, string how) =>
            V.Diagnostic("GRD003").WithLocation(location).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "An assembly computed at run time and scanned for types to register (" + how + ") can hold any type this project ships, and the project ships OpenAI .NET SDK through a route; " +
                "register the types by name so they can be judged. Scanning such an assembly", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, Through, ApproveOpenAi);
        // In source order (the verifier compares by location).
        await V.RunAsync(new[] { source, DependencyInjection, Scrutor }, AzureOpenAiRoute,
            Scanned(10, "ITypeSourceSelector.FromAssemblies"),
            Scanned(11, "ITypeSourceSelector.FromApplicationDependencies"),
            Scanned(12, "ITypeSourceSelector.FromAssemblyDependencies"),
            Scanned(13, "ITypeSourceSelector.FromAssembliesOf"),
            Computed(7, "reflection (ServiceCollectionServiceExtensions.AddSingleton)"),
            Computed(8, "reflection (ServiceCollectionServiceExtensions.AddSingleton)"),
            Computed(9, "the container (new ServiceDescriptor)"),
            Computed(0, "reflection (Type.InvokeMember)"),
            V.Diagnostic("GRD003").WithLocation(1).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "A name built at run time and loaded by reflection (Assembly.CreateInstance) can reach any type this project ships, and the project ships OpenAI .NET SDK through a route; " +
                "name the type with a constant or typeof so it can be judged. Loading by such a name", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, Through, ApproveOpenAi),
            Computed(2, "reflection (ConstructorInfo.Invoke)"),
            Computed(3, "reflection (RuntimeHelpers.GetUninitializedObject)"),
            Computed(4, "reflection (Expression.New)"),
            Computed(5, "reflection (Expression.New)"),
            Computed(6, "reflection (ActivatorUtilities.CreateInstance)"),
            V.Diagnostic("GRD003").WithLocation(14).WithSeverity(DiagnosticSeverity.Error).WithArguments("OpenAIClient", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, Through, ApproveOpenAi));
    }

    /// <summary>
    /// A ServiceDescriptor is created under other names too: a using alias of it and a target-typed <c>new(…)</c> (C# 9)
    /// create the same descriptor, so under a route the container's creation of a computed type is reported the same way.
    /// </summary>
    [Fact]
    public async Task Under_a_route_a_service_descriptor_created_through_an_alias_or_target_typed_new_is_reported()
    {
        const string source = """
            using System;
            using Azure.AI.OpenAI;
            using Microsoft.Extensions.DependencyInjection;
            using SD = Microsoft.Extensions.DependencyInjection.ServiceDescriptor;
            class C
            {
                void Run(IServiceCollection services)
                {
                    Type baseType = typeof(AzureOpenAIClient).BaseType!;
                    services.Add(new SD(typeof(object), {|#0:baseType|}, ServiceLifetime.Singleton));
                    ServiceDescriptor d = new(typeof(object), {|#1:baseType|}, ServiceLifetime.Singleton);
                    services.Add(d);
                    services.Add(new SD(typeof(object), typeof(System.Text.StringBuilder), ServiceLifetime.Singleton));
                    System.Text.StringBuilder unrelated = new(16);
                }
            }
            """;
        DiagnosticResult Computed(int location, string created) =>
            V.Diagnostic("GRD003").WithLocation(location).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "A type computed at run time and created by the container (new " + created + ") can be any type this project ships, and the project ships OpenAI .NET SDK through a route; " +
                "create it with new, or name it with typeof, so it can be judged. Creating such a type", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, Through, ApproveOpenAi);
        await V.RunAsync(new[] { source, DependencyInjection }, AzureOpenAiRoute,
            Computed(0, "ServiceDescriptor"),
            Computed(1, "ServiceDescriptor"));
    }

    /// <summary>
    /// Session 10 (adversary round 6, small): a <c>global using X = …ServiceDescriptor;</c> in ANOTHER file applies to every
    /// file, so <c>new X(typeof(object), computed, …)</c> in a file that never names ServiceDescriptor is the same container
    /// creation of a computed type under a route. A global alias of something else is left alone.
    /// </summary>
    [Fact]
    public async Task Under_a_route_a_service_descriptor_created_through_a_global_alias_declared_in_another_file_is_reported()
    {
        const string globals = """
            global using X = Microsoft.Extensions.DependencyInjection.ServiceDescriptor;
            global using Y = System.Text.StringBuilder;
            """;
        const string source = """
            using System;
            using Azure.AI.OpenAI;
            using Microsoft.Extensions.DependencyInjection;
            class C
            {
                void Run(IServiceCollection services)
                {
                    Type baseType = typeof(AzureOpenAIClient).BaseType!;
                    services.Add(new X(typeof(object), {|#0:baseType|}, ServiceLifetime.Singleton));
                    services.Add(new X(typeof(object), typeof(System.Text.StringBuilder), ServiceLifetime.Singleton));
                    var unrelated = new Y(16);
                }
            }
            """;
        await V.RunAsync(new[] { globals, source, DependencyInjection }, AzureOpenAiRoute,
            V.Diagnostic("GRD003").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "A type computed at run time and created by the container (new ServiceDescriptor) can be any type this project ships, and the project ships OpenAI .NET SDK through a route; " +
                "create it with new, or name it with typeof, so it can be judged. Creating such a type", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, Through, ApproveOpenAi));
    }

    /// <summary>
    /// realcode9 (chat-copilot's Semantic Kernel plugin loader under the SK Azure OpenAI route): a type picked from this
    /// project's own assembly (GetExecutingAssembly or typeof(own type).Assembly, GetTypes/DefinedTypes, element pickers,
    /// a local assigned once, a foreach) is compiled here and judged where it is written; anything that leaves the own
    /// assembly's types (BaseType, another assembly, a local assigned again) is still a computed type.
    /// </summary>
    [Fact]
    public async Task Under_a_route_a_type_picked_from_the_project_s_own_assembly_is_not_reported_and_one_leaving_it_is()
    {
        const string source = """
            using System;
            using System.Linq;
            using System.Reflection;
            using Azure.AI.OpenAI;
            class Plugin { }
            class C
            {
                object[] Run(string name, string key)
                {
                    var assembly = Assembly.GetExecutingAssembly();
                    var pluginType = assembly.GetTypes().FirstOrDefault(t => t.Name.Contains(name));
                    var list = new System.Collections.Generic.List<object>
                    {
                        Activator.CreateInstance(pluginType!)!,
                        Activator.CreateInstance(typeof(Plugin).Assembly.DefinedTypes.Where(t => t.IsClass).First())!,
                        Activator.CreateInstance(Assembly.GetExecutingAssembly().GetExportedTypes()[0])!,
                    };
                    foreach (Type t in typeof(C).Assembly.GetTypes())
                    {
                        list.Add(Activator.CreateInstance(t)!);
                    }

                    var moved = assembly.GetTypes().First();
                    moved = typeof(AzureOpenAIClient).BaseType!;
                    list.Add(Activator.CreateInstance({|#0:moved|}, key)!);
                    list.Add(Activator.CreateInstance({|#1:pluginType!.BaseType!|})!);
                    list.Add(Activator.CreateInstance({|#2:typeof(AzureOpenAIClient).Assembly.GetTypes().First()|})!);
                    return list.ToArray();
                }
            }
            """;
        DiagnosticResult Computed(int location) =>
            V.Diagnostic("GRD003").WithLocation(location).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "A type computed at run time and created by reflection (Activator.CreateInstance) can be any type this project ships, and the project ships OpenAI .NET SDK through a route; " +
                "create it with new, or name it with typeof, so it can be judged. Creating such a type", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, Through, ApproveOpenAi);
        await V.RunAsync(source, AzureOpenAiRoute, Computed(0), Computed(1), Computed(2));
    }

    [Fact]
    public async Task Without_a_route_a_computed_type_created_by_reflection_is_not_reported()
    {
        const string source = """
            using System;
            class C
            {
                object Run(Type given) => Activator.CreateInstance(given)!;
            }
            """;
        await V.RunAsync(source, Policy("none", "no route", new string[0], new string[0]));
    }

    [Fact]
    public async Task Under_the_azure_openai_route_a_target_typed_new_of_an_openai_client_is_reported_where_its_type_is_declared()
    {
        // The declared types may be used under the route (they are what the wrapper hands out), so the target-typed
        // creation is the use: `OpenAIClient own = new(key)` is the same verdict as `var own = new OpenAIClient(key)`.
        const string source = """
            using System;
            using Azure.AI.OpenAI;
            using OpenAI.Chat;
            using Own = OpenAI.OpenAIClient;
            class C
            {
                Own field = {|#0:new("k")|};
                object Run()
                {
                    var azure = new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com"), "k");
                    ChatClient handedOut = azure.GetChatClient("gpt-4o");
                    OpenAI.OpenAIClient own = {|#1:new("k")|};
                    ChatClient other = {|#2:new("gpt-4o", "k")|};
                    return handedOut.Model + own + other + field;
                }
            }
            """;
        await V.RunAsync(source, AzureOpenAiRoute,
            V.Diagnostic("GRD003").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("OpenAIClient", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, Through, ApproveOpenAi),
            V.Diagnostic("GRD003").WithLocation(1).WithSeverity(DiagnosticSeverity.Error).WithArguments("OpenAIClient", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, Through, ApproveOpenAi),
            V.Diagnostic("GRD003").WithLocation(2).WithSeverity(DiagnosticSeverity.Error).WithArguments("ChatClient", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, Through, ApproveOpenAi));
    }

    [Fact]
    public async Task Without_the_route_the_same_openai_uses_are_all_reported()
    {
        const string source = """
            using System;
            using Azure.AI.OpenAI;
            using OpenAI.Chat;
            class C
            {
                object Run()
                {
                    var azure = new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com"), "k");
                    ChatClient chat = azure.{|#0:GetChatClient("gpt-4o")|};
                    return chat;
                }
            }
            """;
        // Not restored (no chain in the effective policy): the Azure.AI.OpenAI assembly references OpenAI's, so the
        // approved wrapper's route is what is proposed, never approving OpenAI alone, and the message says the chain is
        // unknown until restore.
        string approvedOnly = V.Policy("Azure.AI.OpenAI");
        await V.RunAsync(source, approvedOnly,
            V.Diagnostic("GRD003").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("OpenAIClient.GetChatClient(string)", "OpenAI .NET SDK", "OpenAI", V.OwnerContact,
                " (judged without its restored package: what brings it in, and so whether a route carries it, is unknown until the project is restored)",
                "declare a route in 'routes' whose packages include 'Azure.AI.OpenAI' (such as { \"id\": \"azure-openai\", \"packages\": [ \"Azure.AI.OpenAI\" ] }), so 'OpenAI' is allowed only through it, or " + ApproveOpenAi));

        // Restored, as the task records it: OpenAI is brought in by the approved Azure.AI.OpenAI, the same route is proposed.
        var restored = EffectivePolicy.Read(Guardrails.Tests.Shared.EffectivePolicyText.Json(approvedOnly), out _)!;
        restored.Packages.Add(new ResolvedPackage("Azure.AI.OpenAI", "2.1.0", new[] { "Azure.AI.OpenAI" }));
        restored.Packages.Add(new ResolvedPackage("OpenAI", "2.1.0", new[] { "Azure.AI.OpenAI", "OpenAI" }));
        await V.RunAsync(source, restored.Write(),
            V.Diagnostic("GRD003").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("OpenAIClient.GetChatClient(string)", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, string.Empty,
                "declare a route in 'routes' whose packages include 'Azure.AI.OpenAI' (such as { \"id\": \"azure-openai\", \"packages\": [ \"Azure.AI.OpenAI\" ] }), so 'OpenAI' 2.1.0 is allowed only through it, or " + ApproveOpenAi));

        // A route that has Azure.AI.OpenAI, not restored: approving OpenAI is offered only for a direct reference.
        await V.RunAsync(source, Policy("azure-openai", "Azure OpenAI via Azure.AI.OpenAI", new[] { "Azure.AI.OpenAI" }, new[] { "*.openai.azure.com" }),
            V.Diagnostic("GRD003").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("OpenAIClient.GetChatClient(string)", "OpenAI .NET SDK", "OpenAI", V.OwnerContact,
                " (judged without its restored package: what brings it in, and so whether a route carries it, is unknown until the project is restored)",
                ApproveOpenAi + " only if the project references 'OpenAI' itself: brought in by 'Azure.AI.OpenAI' of route 'azure-openai' (Azure OpenAI via Azure.AI.OpenAI) it needs no approval (restore and build again to judge it)"));
    }

    [Fact]
    public async Task Under_a_policy_that_approves_nothing_a_use_through_the_azure_wrapper_proposes_the_azure_openai_route()
    {
        var p = new EffectivePolicy { HasPolicy = true, OwnerName = "AI Governance", OwnerContact = "ai-governance@contoso.example" };
        p.Packages.Add(new ResolvedPackage("Azure.AI.OpenAI", "2.1.0", new[] { "Azure.AI.OpenAI" }));
        p.Packages.Add(new ResolvedPackage("OpenAI", "2.1.0", new[] { "Azure.AI.OpenAI", "OpenAI" }));
        const string source = """
            using System;
            using Azure.AI.OpenAI;
            using OpenAI.Chat;
            class C
            {
                object Run()
                {
                    var azure = {|#0:new AzureOpenAIClient(new Uri("https://contoso.openai.azure.com"), "k")|};
                    ChatClient chat = azure.{|#1:GetChatClient("gpt-4o")|};
                    return chat;
                }
            }
            """;
        await V.RunAsync(source, p.Write(),
            V.Diagnostic("GRD003").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "AzureOpenAIClient", "Azure OpenAI client library", "Azure.AI.OpenAI", V.OwnerContact, string.Empty, "add { \"id\": \"Azure.AI.OpenAI\" } to packages.approved"),
            V.Diagnostic("GRD003").WithLocation(1).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "OpenAIClient.GetChatClient(string)", "OpenAI .NET SDK", "OpenAI", V.OwnerContact, string.Empty,
                "declare a route in 'routes' whose packages include 'Azure.AI.OpenAI' (such as { \"id\": \"azure-openai\", \"packages\": [ \"Azure.AI.OpenAI\" ] }), so 'OpenAI' 2.1.0 is allowed only through it, or add { \"id\": \"OpenAI\" } to packages.approved"));
    }

    private const string BedrockProgram = """
        using System.Threading.Tasks;
        using Anthropic.Bedrock;
        using Anthropic.Models.Messages;
        class C
        {
            async Task<string> Run()
            {
                IAnthropicBedrockCredentials credentials = await AnthropicBedrockCredentialsHelper.{|#0:FromEnv()|};
                var client = {|#1:new AnthropicBedrockClient(credentials)|};
                Message reply = await client.Messages.{|#2:Create({|#3:new MessageCreateParams { Model = "claude-sonnet-4-5", MaxTokens = 1024 }|})|};
                return reply.{|#4:ID|};
            }
        }
        """;

    [Fact]
    public async Task Anthropic_bedrock_route_allows_the_anthropic_messages_api_through_the_bedrock_client_but_not_anthropics_own_client()
    {
        string route = Policy("anthropic-bedrock", "Anthropic via Amazon Bedrock", new[] { "Anthropic.Bedrock" }, new[] { "bedrock-runtime.*.amazonaws.com" },
            ("Anthropic.Bedrock", new[] { "Anthropic.Bedrock" }), ("Anthropic", new[] { "Anthropic.Bedrock", "Anthropic" }));
        string source = BedrockProgram.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("{|#2:", string.Empty).Replace("{|#3:", string.Empty).Replace("{|#4:", string.Empty).Replace("|}", string.Empty)
            .Replace("return reply.ID;", "using var own = {|#0:new Anthropic.AnthropicClient()|};\n        return reply.ID;");
        await V.RunAsync(source, route,
            V.Diagnostic("GRD003").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "AnthropicClient", "Anthropic C# SDK (official)", "Anthropic", V.OwnerContact,
                " other than through route 'anthropic-bedrock' (Anthropic via Amazon Bedrock), which hands out its clients: creating or registering its own client is not part of the route",
                "add { \"id\": \"Anthropic\" } to packages.approved"));
    }

    [Fact]
    public async Task Under_a_policy_that_approves_nothing_the_bedrock_client_and_the_anthropic_use_through_it_propose_the_bedrock_route()
    {
        var p = new EffectivePolicy { HasPolicy = true, OwnerName = "AI Governance", OwnerContact = "ai-governance@contoso.example" };
        p.Packages.Add(new ResolvedPackage("Anthropic.Bedrock", "1.0.7", new[] { "Anthropic.Bedrock" }));
        p.Packages.Add(new ResolvedPackage("Anthropic", "13.15.0", new[] { "Anthropic.Bedrock", "Anthropic" }));
        const string bedrock = "add { \"id\": \"Anthropic.Bedrock\" } to packages.approved, or declare a route in 'routes' whose packages include it";
        await V.RunAsync(BedrockProgram, p.Write(),
            V.Diagnostic("GRD003").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "AnthropicBedrockCredentialsHelper.FromEnv()", "Anthropic on Amazon Bedrock", "Anthropic.Bedrock", V.OwnerContact, string.Empty, bedrock),
            V.Diagnostic("GRD003").WithLocation(1).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "AnthropicBedrockClient", "Anthropic on Amazon Bedrock", "Anthropic.Bedrock", V.OwnerContact, string.Empty, bedrock),
            V.Diagnostic("GRD003").WithLocation(2).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "IMessageService.Create(MessageCreateParams, CancellationToken)", "Anthropic C# SDK (official)", "Anthropic", V.OwnerContact, string.Empty,
                ThroughBedrock),
            V.Diagnostic("GRD003").WithLocation(3).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "MessageCreateParams", "Anthropic C# SDK (official)", "Anthropic", V.OwnerContact, string.Empty, ThroughBedrock),
            V.Diagnostic("GRD003").WithLocation(4).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "Message.ID", "Anthropic C# SDK (official)", "Anthropic", V.OwnerContact, string.Empty, ThroughBedrock));
    }

    private const string ThroughBedrock =
        "declare a route in 'routes' whose packages include 'Anthropic.Bedrock' (such as { \"id\": \"anthropic-bedrock\", \"packages\": [ \"Anthropic.Bedrock\" ] }), so 'Anthropic' 13.15.0 is allowed only through it, or add { \"id\": \"Anthropic\" } to packages.approved";

    [Fact]
    public async Task Semantic_kernel_route_allows_the_azure_connector_and_kernel_but_not_registering_the_openai_connector()
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
        const string sk = "Microsoft.SemanticKernel.Connectors.AzureOpenAI";
        string policy = Policy("semantic-kernel-azure-openai", null!, new[] { sk }, new[] { "*.openai.azure.com" },
            (sk, new[] { sk }),
            ("Microsoft.SemanticKernel.Connectors.OpenAI", new[] { sk, "Microsoft.SemanticKernel.Connectors.OpenAI" }),
            ("Microsoft.SemanticKernel.Core", new[] { sk, "Microsoft.SemanticKernel.Core" }),
            ("Microsoft.SemanticKernel.Abstractions", new[] { sk, "Microsoft.SemanticKernel.Core", "Microsoft.SemanticKernel.Abstractions" }));
        await V.RunAsync(source, policy,
            V.Diagnostic("GRD003").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "OpenAIKernelBuilderExtensions.AddOpenAIChatCompletion(IKernelBuilder, string, string)", "Semantic Kernel OpenAI connector", "Microsoft.SemanticKernel.Connectors.OpenAI", V.OwnerContact,
                " other than through route 'semantic-kernel-azure-openai', which hands out its clients: creating or registering its own client is not part of the route",
                "add { \"id\": \"Microsoft.SemanticKernel.Connectors.OpenAI\" } to packages.approved"));
    }

    [Fact]
    public async Task The_route_approves_its_endpoints_not_the_public_endpoint_of_the_sdk_it_carries()
    {
        const string source = """
            class C
            {
                System.Uri Azure() => new System.Uri("https://contoso.openai.azure.com/openai");
                System.Uri Public() => new System.Uri({|#0:"https://api.openai.com/v1"|});
            }
            """;
        await E.RunAsync(source, AzureOpenAiRoute,
            E.Diagnostic("GRD004").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "api.openai.com", "OpenAI", E.OwnerContact, "add \"api.openai.com\" to endpoints.approved", string.Empty));
    }

    [Fact]
    public async Task A_denied_endpoint_is_reported_with_its_deny_and_without_proposing_an_approval_that_could_not_lift_it()
    {
        EffectivePolicy policy = EffectivePolicy.Read(AzureOpenAiRoute, out _)!;
        policy.ApprovedEndpoints.Add(new HostEntry("*.openai.com", null, 14));
        policy.DeniedEndpoints.Add(new HostEntry("api.openai.com", null, 15));
        const string source = """
            class C
            {
                System.Uri Azure() => new System.Uri("https://contoso.openai.azure.com/openai");
                System.Uri Public() => new System.Uri({|#0:"https://api.openai.com/v1"|});
            }
            """;
        await E.RunAsync(source, policy.Write(),
            E.Diagnostic("GRD004").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments(
                "api.openai.com", "OpenAI", E.OwnerContact, "lift that deny", " (endpoints.denied 'api.openai.com' (the policy line 15))"));
    }
}
