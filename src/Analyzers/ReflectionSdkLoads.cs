using System;
using System.Collections.Generic;
using Guardrails.Core.Policy;
using Guardrails.Core.Sdks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// GRD003 for an AI SDK reached by reflection, with no compile-time reference to it: a constant string naming one of
    /// its assemblies or types given to the loaders of .NET — <c>Type.GetType("OpenAI.Chat.ChatClient, OpenAI")</c>,
    /// <c>Assembly.Load("OpenAI")</c>, <c>Assembly.LoadFrom("OpenAI.dll")</c> / <c>LoadFile</c> / <c>UnsafeLoadFrom</c>,
    /// <c>Activator.CreateInstance("OpenAI", "OpenAI.OpenAIClient")</c> / <c>CreateInstanceFrom</c>, the same on
    /// <c>AppDomain</c>, <c>AssemblyLoadContext.LoadFromAssemblyPath(…)</c> and <c>LoadFromAssemblyName(new AssemblyName("OpenAI"))</c>.
    /// The argument is folded by <see cref="StringFold"/> (constants, concatenation, <c>Path.Combine</c>'s last piece); a
    /// path counts by its file name. The assembly maps to its SDK through the catalog (or the policy's own SDKs), and the
    /// verdict is the one evaluator's (<see cref="PolicyVerdicts.Assembly"/>), as for a referenced assembly. A type name with
    /// no assembly is decided by its namespace, and reported only when every SDK declaring that namespace is unapproved.
    /// Runs even when no AI SDK is referenced (the point of the route); files that name none of the loaders are not read.
    /// </summary>
    internal static class ReflectionSdkLoads
    {
        private static readonly string[] LoaderNames =
        {
            "GetType", "Load", "LoadFrom", "LoadFile", "UnsafeLoadFrom", "CreateInstance", "CreateInstanceFrom",
            "CreateInstanceAndUnwrap", "CreateInstanceFromAndUnwrap", "LoadFromAssemblyPath", "LoadFromAssemblyName",
            "LoadFromNativeImagePath",
        };

        private static readonly string[] TextHints = { "GetType", "Load", "CreateInstance" };

        /// <summary>
        /// Under a route only: the other ways .NET creates a type it is handed (adversary round 6 #5, issue 12's reflection
        /// residue): <c>Type.InvokeMember(…, BindingFlags.CreateInstance, …)</c>, a constructor's <c>Invoke</c>,
        /// <c>Expression.New</c>, <c>RuntimeHelpers</c>/<c>FormatterServices.GetUninitializedObject</c>, ActivatorUtilities
        /// and the container's registrations of a <c>Type</c> (<see cref="DependencyInjectionActivation.CreatesTypeGivenTo"/>).
        /// </summary>
        private static readonly string[] RouteSinkNames =
        {
            "InvokeMember", "Invoke", "New", "GetUninitializedObject", "GetSafeUninitializedObject", "CreateFactory", "GetServiceOrCreateInstance",
            "AddSingleton", "AddScoped", "AddTransient", "AddKeyedSingleton", "AddKeyedScoped", "AddKeyedTransient",
            "TryAddSingleton", "TryAddScoped", "TryAddTransient", "TryAddKeyedSingleton", "TryAddKeyedScoped", "TryAddKeyedTransient",
            "Describe", "DescribeKeyed", "Singleton", "Scoped", "Transient", "KeyedSingleton", "KeyedScoped", "KeyedTransient",
        };

        public static void Register(CompilationStartAnalysisContext start, GuardrailsSettings settings, PolicyVerdicts verdicts)
        {
            Decision? carried = CarriedSdk(start.Compilation, verdicts);
            // Aliases of ServiceDescriptor declared with `global using` anywhere in the compilation (another file, or the
            // generated GlobalUsings.g.cs of a <Using Alias=…>): found once per compilation, and only under a route.
            Compilation compilation = start.Compilation;
            var globalAliases = carried == null ? null : new Lazy<string[]>(() => GlobalServiceDescriptorAliases(compilation, start.CancellationToken));
            start.RegisterSemanticModelAction(context => Analyze(context, settings, verdicts, carried, globalAliases));
        }

        /// <summary>
        /// The decision of an SDK the compilation references only through a route (Azure.AI.OpenAI carrying OpenAI): its
        /// assembly ships, so a loader can reach its own client by a name the analyzer cannot read. Null for none.
        /// </summary>
        private static Decision? CarriedSdk(Compilation compilation, PolicyVerdicts verdicts)
        {
            foreach (AssemblyIdentity reference in compilation.ReferencedAssemblyNames)
            {
                if (!verdicts.TryGetSdkByAssemblyName(reference.Name, out AiSdk sdk) || sdk.IsNeutral || sdk.EndpointHosts.Count == 0)
                {
                    continue;
                }

                Decision? decision = verdicts.Assembly(reference.Name);
                if (decision != null && decision.OnlyThroughRoute && decision.Sdk != null)
                {
                    return decision;
                }
            }

            return null;
        }

        private static void Analyze(SemanticModelAnalysisContext context, GuardrailsSettings settings, PolicyVerdicts verdicts, Decision? carried, Lazy<string[]>? globalAliases)
        {
            SyntaxTree tree = context.SemanticModel.SyntaxTree;
            string text = TreeText.Of(tree, context.CancellationToken);
            if (carried == null && !MentionsALoader(text))
            {
                return;
            }

            if (carried != null && MentionsServiceDescriptor(text, globalAliases!.Value))
            {
                // new ServiceDescriptor(serviceType, implementationType, lifetime): the container creates implementationType.
                // Only creations that can be one are bound: the name, an alias of it declared in this file or by a global
                // using in any file of the compilation, or a target-typed new.
                SyntaxNode root = tree.GetRoot(context.CancellationToken);
                HashSet<string> names = ServiceDescriptorNames(root);
                names.UnionWith(globalAliases.Value);
                foreach (SyntaxNode node in root.DescendantNodes())
                {
                    if (node is BaseObjectCreationExpressionSyntax { ArgumentList: { } arguments } creation &&
                        MayCreateServiceDescriptor(creation, names) &&
                        context.SemanticModel.GetSymbolInfo(creation, context.CancellationToken).Symbol is IMethodSymbol constructor &&
                        CreatedArgument(arguments, constructor, context.SemanticModel, context.CancellationToken) is { } createdType)
                    {
                        ReportCarried(context, settings, verdicts, carried, createdType,
                            "A type computed at run time and created by the container (new " + constructor.ContainingType.Name + ") can be any type this project ships, and the project ships " +
                            carried.Sdk!.DisplayName + " through a route; create it with new, or name it with typeof, so it can be judged. Creating such a type");
                    }
                }
            }

            StringFold? fold = null;
            foreach (InvocationExpressionSyntax invocation in Candidates(tree, text, carried != null, context.CancellationToken))
            {
                if (!(context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is IMethodSymbol method))
                {
                    continue;
                }

                if (carried != null && ComputedCreation(invocation, method, context.SemanticModel, context.CancellationToken) is { } created &&
                    !OwnAssemblyType(created, context.SemanticModel, context.CancellationToken))
                {
                    // Adversary round 5 #3 / round 6 #5: under a route that carries an SDK, a System.Type reached from an
                    // allowed type (typeof(AzureOpenAIClient).BaseType, azure.GetChatClient(…).GetType().BaseType,
                    // GetInterfaces(), Assembly.GetTypes()) and created by reflection or the container can be the carried
                    // SDK's own client without naming it.
                    ReportCarried(context, settings, verdicts, carried, created,
                        "A type computed at run time and created by reflection (" + method.ContainingType.Name + "." + method.Name + ") can be any type this project ships, and the project ships " +
                        carried.Sdk!.DisplayName + " through a route; create it with new, or name it with typeof, so it can be judged. Creating such a type");
                    continue;
                }

                if (carried != null && RouteOnly(method.Name))
                {
                    continue;
                }

                foreach (ExpressionSyntax scanned in carried != null && ScansForTypes(method) ? ComputedArguments(invocation) : Array.Empty<ExpressionSyntax>())
                {
                    ReportCarried(context, settings, verdicts, carried!, scanned,
                        "An assembly computed at run time and scanned for types to register (" + method.ContainingType.Name + "." + method.Name + ") can hold any type this project ships, and the project ships " +
                        carried!.Sdk!.DisplayName + " through a route; register the types by name so they can be judged. Scanning such an assembly");
                }

                if (!IsLoader(method, out bool byPath, out bool typeName))
                {
                    continue;
                }

                fold ??= new StringFold(context.SemanticModel, context.CancellationToken);
                ExpressionSyntax argument = invocation.ArgumentList.Arguments[0].Expression;
                string? value = Fold(fold, argument, context.SemanticModel, context.CancellationToken);
                if (value == null)
                {
                    // Adversary round 4 #11: under a route that carries an SDK, a name built at run time (joined pieces,
                    // configuration) can reach that SDK's own client, which the route forbids; the name cannot be judged,
                    // so the load is reported with the route's decision (name the type with a constant or typeof instead).
                    if (carried != null)
                    {
                        ReportCarried(context, settings, verdicts, carried, argument,
                            "A name built at run time and loaded by reflection (" + method.ContainingType.Name + "." + method.Name + ") can reach any type this project ships, and the project ships " +
                            carried.Sdk!.DisplayName + " through a route; name the type with a constant or typeof so it can be judged. Loading by such a name");
                    }

                    continue;
                }

                Decision? decision = typeName ? ForTypeName(verdicts, value, out AiSdk? sdk) : ForAssembly(verdicts, AssemblyOf(value, byPath), out sdk);
                if (decision != null && sdk != null && decision.OnlyThroughRoute && OwnClientNamed(invocation, fold, typeName ? value : null, sdk, context.SemanticModel, context.CancellationToken))
                {
                    // A route-carried SDK's own client named by a constant: a load by name is a creation (nothing else needs the name).
                }
                else if (decision == null || sdk == null || decision.Passes)
                {
                    continue;
                }

                string package = sdk.PackageNamedBy(decision.Subject);
                context.ReportDiagnostic(settings.Create(
                    Descriptors.UnapprovedSdk,
                    argument.GetLocation(),
                    decision,
                    "'" + Shown(value) + "', loaded by reflection (" + method.ContainingType.Name + "." + method.Name + "),",
                    sdk.DisplayName,
                    package,
                    verdicts.OwnerContact,
                    decision.Qualifier(),
                    decision.Request));
            }
        }

        /// <summary>
        /// The type a loader names (the type-name argument of Type.GetType, or the second argument of
        /// Activator/AppDomain.CreateInstance(assembly, type)) is the carried SDK's own client (…Client, …Service).
        /// </summary>
        private static bool OwnClientNamed(InvocationExpressionSyntax invocation, StringFold fold, string? typeName, AiSdk sdk, SemanticModel model, System.Threading.CancellationToken ct)
        {
            if (typeName == null && invocation.ArgumentList.Arguments.Count >= 2)
            {
                typeName = Fold(fold, invocation.ArgumentList.Arguments[1].Expression, model, ct);
            }

            if (typeName == null)
            {
                return false;
            }

            int end = typeName.IndexOfAny(new[] { ',', '[', '`' });
            string name = (end < 0 ? typeName : typeName.Substring(0, end)).Trim();
            name = name.Substring(name.LastIndexOfAny(new[] { '.', '+' }) + 1);
            return sdk.IsOwnClientEntryPoint(isConstructor: true, isExtensionMethod: false, name);
        }

        /// <summary>"ServiceDescriptor" and the aliases of it this file declares (<c>using SD = …ServiceDescriptor;</c>).</summary>
        private static HashSet<string> ServiceDescriptorNames(SyntaxNode root)
        {
            var names = new HashSet<string>(StringComparer.Ordinal) { "ServiceDescriptor" };
            foreach (SyntaxNode node in root.DescendantNodes(n => n is CompilationUnitSyntax || n is BaseNamespaceDeclarationSyntax))
            {
                if (node is UsingDirectiveSyntax { Alias: { } alias } directive && directive.NamespaceOrType is { } target &&
                    Rightmost(target) == "ServiceDescriptor")
                {
                    names.Add(alias.Name.Identifier.ValueText);
                }
            }

            return names;
        }

        /// <summary>The file names ServiceDescriptor or one of the compilation's global aliases of it (an ordinal search each).</summary>
        private static bool MentionsServiceDescriptor(string text, string[] globalAliases)
        {
            if (text.IndexOf("ServiceDescriptor", StringComparison.Ordinal) >= 0)
            {
                return true;
            }

            foreach (string alias in globalAliases)
            {
                if (text.IndexOf(alias, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The aliases of ServiceDescriptor declared by <c>global using X = …ServiceDescriptor;</c> in any file of the
        /// compilation (they apply to every file). Only files whose text names ServiceDescriptor are parsed, and only their
        /// top-level usings are read.
        /// </summary>
        private static string[] GlobalServiceDescriptorAliases(Compilation compilation, System.Threading.CancellationToken ct)
        {
            List<string>? aliases = null;
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                string text = TreeText.Of(tree, ct);
                if (text.IndexOf("ServiceDescriptor", StringComparison.Ordinal) < 0 || text.IndexOf("global", StringComparison.Ordinal) < 0 ||
                    !(tree.GetRoot(ct) is CompilationUnitSyntax unit))
                {
                    continue;
                }

                foreach (UsingDirectiveSyntax directive in unit.Usings)
                {
                    if (directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) && directive.Alias is { } alias &&
                        directive.NamespaceOrType is { } target && Rightmost(target) == "ServiceDescriptor")
                    {
                        (aliases ??= new List<string>()).Add(alias.Name.Identifier.ValueText);
                    }
                }
            }

            return aliases == null ? Array.Empty<string>() : aliases.ToArray();
        }

        /// <summary>A creation that can make a ServiceDescriptor: its type's last name is one of <paramref name="names"/>, or it is a target-typed <c>new(…)</c>.</summary>
        private static bool MayCreateServiceDescriptor(BaseObjectCreationExpressionSyntax creation, HashSet<string> names) =>
            creation is ImplicitObjectCreationExpressionSyntax ||
            (creation is ObjectCreationExpressionSyntax { Type: { } type } && names.Contains(Rightmost(type)));

        private static string Rightmost(SyntaxNode type) => type switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };

        private static IEnumerable<string> AllNames()
        {
            foreach (string name in LoaderNames)
            {
                yield return name;
            }

            foreach (string name in RouteSinkNames)
            {
                yield return name;
            }

            foreach (string name in ScanNames)
            {
                yield return name;
            }
        }

        /// <summary>Scrutor's assembly selectors (ITypeSourceSelector) and the like, looked at under a route (<see cref="ScansForTypes"/>).</summary>
        private static readonly string[] ScanNames =
        {
            "FromAssemblies", "FromAssembliesOf", "FromAssemblyDependencies", "FromApplicationDependencies", "FromDependencyContext",
        };

        /// <summary>The cheap test on a file's text (no closure per file).</summary>
        private static bool MentionsALoader(string text)
        {
            foreach (string hint in TextHints)
            {
                if (text.IndexOf(hint, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The invocations whose method name is a loader's, found from the text (the name as a whole word followed by
        /// "("), so a file is not walked node by node: only the few places the text points to are looked at.
        /// </summary>
        private static IEnumerable<InvocationExpressionSyntax> Candidates(SyntaxTree tree, string text, bool underRoute, System.Threading.CancellationToken ct)
        {
            SyntaxNode? root = null;
            var seen = new HashSet<int>();
            foreach (string name in underRoute ? AllNames() : LoaderNames)
            {
                for (int at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
                {
                    int end = at + name.Length;
                    while (end < text.Length && char.IsWhiteSpace(text[end]))
                    {
                        end++;
                    }

                    if (end >= text.Length || text[end] != '(' || (at > 0 && (char.IsLetterOrDigit(text[at - 1]) || text[at - 1] == '_')) || !seen.Add(at))
                    {
                        continue;
                    }

                    root ??= tree.GetRoot(ct);
                    SyntaxToken token = root.FindToken(at);
                    if (!token.IsKind(SyntaxKind.IdentifierToken) || token.ValueText != name || !(token.Parent is IdentifierNameSyntax identifier))
                    {
                        continue;
                    }

                    SyntaxNode callee = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
                    if (callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee && (invocation.ArgumentList.Arguments.Count > 0 || Array.IndexOf(ScanNames, name) >= 0))
                    {
                        yield return invocation;
                    }
                }
            }
        }

        /// <summary>Is this one of the loaders, and is its first argument a path or a type name (else an assembly name)?</summary>
        /// <summary>GRD003 at <paramref name="at"/> with the route's decision for the SDK it carries, <paramref name="lead"/> saying what was found.</summary>
        private static void ReportCarried(SemanticModelAnalysisContext context, GuardrailsSettings settings, PolicyVerdicts verdicts, Decision carried, ExpressionSyntax at, string lead) =>
            context.ReportDiagnostic(settings.Create(
                Descriptors.UnapprovedSdk,
                at.GetLocation(),
                carried,
                lead,
                carried.Sdk!.DisplayName,
                carried.Sdk.PackageNamedBy(carried.Subject),
                verdicts.OwnerContact,
                carried.Qualifier(),
                carried.Request));

        private static bool RouteOnly(string name) => Array.IndexOf(RouteSinkNames, name) >= 0 && Array.IndexOf(LoaderNames, name) < 0;

        /// <summary>
        /// The expression holding the computed type (or constructor) this call creates, or null: a <c>Type</c> argument the
        /// method creates (<see cref="DependencyInjectionActivation.CreatesTypeGivenTo"/>: Activator.CreateInstance(Type, …),
        /// GetUninitializedObject, Expression.New(Type), ActivatorUtilities, registrations), <c>Type.InvokeMember</c> on a
        /// computed type (it runs constructors with BindingFlags.CreateInstance, any static member otherwise), a
        /// constructor's <c>Invoke</c> and <c>Expression.New(ConstructorInfo, …)</c> on a constructor not taken from
        /// <c>typeof(X)</c> (that form is judged as a use of X).
        /// </summary>
        private static ExpressionSyntax? ComputedCreation(InvocationExpressionSyntax invocation, IMethodSymbol method, SemanticModel model, System.Threading.CancellationToken ct)
        {
            ExpressionSyntax? receiver = (invocation.Expression as MemberAccessExpressionSyntax)?.Expression;
            string containing = method.ContainingType?.ToDisplayString() ?? string.Empty;
            if (method.Name == "InvokeMember" && containing == "System.Type" && !method.IsStatic)
            {
                return receiver != null && IsComputedType(receiver) ? receiver : null;
            }

            if (method.Name == "Invoke" && !method.IsStatic && (containing == "System.Reflection.ConstructorInfo" ||
                (containing == "System.Reflection.MethodBase" && receiver != null && model.TypeOrNull(receiver, ct)?.ToDisplayString() == "System.Reflection.ConstructorInfo")))
            {
                return receiver != null && IsComputedConstructor(receiver) ? receiver : null;
            }

            if (CreatedArgument(invocation.ArgumentList, method, model, ct) is { } created)
            {
                return created;
            }

            foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
            {
                if (!(ParameterOf(argument, invocation.ArgumentList, method) is { } parameter))
                {
                    continue;
                }

                if (method.Name == "New" && containing == "System.Linq.Expressions.Expression" && parameter.Type.ToDisplayString() == "System.Reflection.ConstructorInfo" &&
                    IsComputedConstructor(argument.Expression))
                {
                    return argument.Expression;
                }
            }

            return null;
        }

        /// <summary>The computed <c>Type</c> argument the method creates (<see cref="DependencyInjectionActivation.CreatesTypeGivenTo"/>), or null.</summary>
        private static ExpressionSyntax? CreatedArgument(ArgumentListSyntax arguments, IMethodSymbol method, SemanticModel model, System.Threading.CancellationToken ct)
        {
            foreach (ArgumentSyntax argument in arguments.Arguments)
            {
                if (ParameterOf(argument, arguments, method) is { } parameter &&
                    DependencyInjectionActivation.CreatesTypeGivenTo(method, parameter) && IsComputedType(argument.Expression))
                {
                    return argument.Expression;
                }
            }

            return null;
        }

        /// <summary>
        /// The parameter an argument binds to, from the method's signature (by name, else by position; the params array
        /// takes the rest). Not through the operation tree: Roslyn 4.8 gives no argument operation for some forms (a
        /// suppressed <c>x!</c> among them), and <see cref="BinderFaults"/> shows that tree can throw.
        /// </summary>
        private static IParameterSymbol? ParameterOf(ArgumentSyntax argument, ArgumentListSyntax list, IMethodSymbol method)
        {
            if (argument.NameColon != null)
            {
                foreach (IParameterSymbol p in method.Parameters)
                {
                    if (p.Name == argument.NameColon.Name.Identifier.ValueText)
                    {
                        return p;
                    }
                }

                return null;
            }

            int index = list.Arguments.IndexOf(argument);
            if (index >= 0 && index < method.Parameters.Length)
            {
                return method.Parameters[index];
            }

            return method.Parameters.Length > 0 && method.Parameters[method.Parameters.Length - 1].IsParams ? method.Parameters[method.Parameters.Length - 1] : null;
        }

        /// <summary>A constructor not written as <c>typeof(X).GetConstructor(…)</c> / <c>typeof(X).GetConstructors()[i]</c>.</summary>
        private static bool IsComputedConstructor(ExpressionSyntax expression)
        {
            ExpressionSyntax e = expression;
            while (true)
            {
                switch (e)
                {
                    case ParenthesizedExpressionSyntax p:
                        e = p.Expression;
                        continue;
                    case PostfixUnaryExpressionSyntax bang when bang.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                        e = bang.Operand;
                        continue;
                    case CastExpressionSyntax cast:
                        e = cast.Expression;
                        continue;
                    case ElementAccessExpressionSyntax indexed:
                        e = indexed.Expression;
                        continue;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax getter } when
                        getter.Name.Identifier.ValueText == "GetConstructor" || getter.Name.Identifier.ValueText == "GetConstructors":
                        return IsComputedType(getter.Expression);
                }

                return true;
            }
        }

        /// <summary>
        /// Assembly scanning for a container (Scrutor's <c>FromAssemblies</c>, <c>FromAssemblyDependencies</c>,
        /// <c>FromApplicationDependencies</c>, <c>FromDependencyContext</c>, …, and any <c>From*Assembl*</c> taking an
        /// <c>Assembly</c>): the scanner registers the types it finds, so an assembly reached from an allowed type
        /// (<c>typeof(AzureOpenAIClient).BaseType!.Assembly</c>) registers the carried SDK's clients.
        /// </summary>
        private static bool ScansForTypes(IMethodSymbol method)
        {
            if (!method.Name.StartsWith("From", StringComparison.Ordinal) || method.Name.IndexOf("Assembl", StringComparison.Ordinal) < 0 && method.Name.IndexOf("Dependenc", StringComparison.Ordinal) < 0)
            {
                return false;
            }

            if (method.Name.IndexOf("Dependenc", StringComparison.Ordinal) >= 0)
            {
                return true;
            }

            foreach (IParameterSymbol p in method.Parameters)
            {
                ITypeSymbol type = p.Type is IArrayTypeSymbol array ? array.ElementType : p.Type;
                if (type is INamedTypeSymbol { IsGenericType: true } named && named.TypeArguments.Length == 1)
                {
                    type = named.TypeArguments[0];
                }

                string name = type.ToDisplayString();
                if (name == "System.Reflection.Assembly" || name == "System.Type")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// What a scan is given that is not the project's own or a written type's assembly (<c>typeof(X)</c>,
        /// <c>typeof(X).Assembly</c>, <c>Assembly.GetExecutingAssembly()</c>); a scan of dependencies
        /// (<c>FromAssemblyDependencies</c>, <c>FromApplicationDependencies</c>) reaches every assembly the project ships, so the call.
        /// </summary>
        private static IEnumerable<ExpressionSyntax> ComputedArguments(InvocationExpressionSyntax invocation)
        {
            if (invocation.ArgumentList.Arguments.Count == 0 || invocation.Expression is MemberAccessExpressionSyntax { Name: SimpleNameSyntax { Identifier.ValueText: var called } } && called.IndexOf("Dependenc", StringComparison.Ordinal) >= 0 ||
                invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: var bare } && bare.IndexOf("Dependenc", StringComparison.Ordinal) >= 0)
            {
                yield return invocation;
                yield break;
            }

            foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
            {
                ExpressionSyntax e = argument.Expression;
                if (!IsComputedType(e))
                {
                    continue; // typeof(X): X's assembly, and X is judged
                }

                if (e is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Assembly" } owner && !IsComputedType(owner.Expression))
                {
                    continue; // typeof(X).Assembly: X's own assembly, and X is judged
                }

                if (e is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetExecutingAssembly" or "GetCallingAssembly" or "GetEntryAssembly" } })
                {
                    continue; // the project's own code
                }

                yield return e;
            }
        }

        /// <summary>
        /// A Type argument that is not written as <c>typeof(X)</c> (judged as a use of X) nor loaded by a name
        /// (<c>Type.GetType("…")</c>, <c>assembly.GetType(name)</c>: judged by that name).
        /// </summary>
        private static bool IsComputedType(ExpressionSyntax argument)
        {
            ExpressionSyntax e = argument;
            while (true)
            {
                if (e is ParenthesizedExpressionSyntax p)
                {
                    e = p.Expression;
                }
                else if (e is PostfixUnaryExpressionSyntax bang && bang.IsKind(SyntaxKind.SuppressNullableWarningExpression))
                {
                    e = bang.Operand;
                }
                else if (e is CastExpressionSyntax cast)
                {
                    e = cast.Expression;
                }
                else
                {
                    break;
                }
            }

            if (e is TypeOfExpressionSyntax)
            {
                return false;
            }

            if (e is InvocationExpressionSyntax call && call.ArgumentList.Arguments.Count > 0)
            {
                string? name = call.Expression is MemberAccessExpressionSyntax m ? m.Name.Identifier.ValueText : (call.Expression as IdentifierNameSyntax)?.Identifier.ValueText;
                if (name == "GetType")
                {
                    return false; // a load by name: that name is judged
                }
            }

            return true;
        }

        /// <summary>The LINQ calls that pick elements of a sequence of types without leaving it (the element is one of them).</summary>
        private static readonly string[] Pickers =
        {
            "First", "FirstOrDefault", "Single", "SingleOrDefault", "Last", "LastOrDefault", "ElementAt", "ElementAtOrDefault",
            "Where", "ToList", "ToArray", "AsEnumerable", "OrderBy", "OrderByDescending", "Distinct",
        };

        /// <summary>
        /// True when the type is one of the types of this compilation's own assembly, picked from
        /// <c>Assembly.GetExecutingAssembly()</c> or <c>typeof(T).Assembly</c> (T declared in this project) by
        /// <c>GetTypes()</c>/<c>GetExportedTypes()</c>/<c>DefinedTypes</c>/<c>ExportedTypes</c> and element pickers, directly,
        /// through a local assigned once, or as the variable of a <c>foreach</c> over them. Such a type is compiled here, so
        /// every use of an SDK in it is judged where it is written (a class deriving from the carried SDK's client is GRD003 at
        /// its base list): a plugin loader that creates its own classes (chat-copilot's SemanticKernelExtensions, realcode9) is
        /// not a way to the carried SDK. Anything else on the way (BaseType, GetInterfaces, MakeGenericType, another assembly) is not.
        /// </summary>
        private static bool OwnAssemblyType(ExpressionSyntax argument, SemanticModel model, System.Threading.CancellationToken ct) =>
            OwnTypes(Strip(argument), model, ct, depth: 0, element: true);

        private static ExpressionSyntax Strip(ExpressionSyntax e)
        {
            while (true)
            {
                switch (e)
                {
                    case ParenthesizedExpressionSyntax p: e = p.Expression; break;
                    case PostfixUnaryExpressionSyntax bang when bang.IsKind(SyntaxKind.SuppressNullableWarningExpression): e = bang.Operand; break;
                    case CastExpressionSyntax cast: e = cast.Expression; break;
                    default: return e;
                }
            }
        }

        /// <summary>
        /// <paramref name="element"/>: true when <paramref name="e"/> must be one type of the own assembly, false when a sequence
        /// of them (or, at the root, the own assembly itself).
        /// </summary>
        private static bool OwnTypes(ExpressionSyntax e, SemanticModel model, System.Threading.CancellationToken ct, int depth, bool element)
        {
            if (depth > 8)
            {
                return false;
            }

            e = Strip(e);
            if (e is IdentifierNameSyntax identifier)
            {
                ISymbol? symbol = model.GetSymbolInfo(identifier, ct).Symbol;
                if (symbol is ILocalSymbol local && local.DeclaringSyntaxReferences.Length == 1)
                {
                    SyntaxNode declaration = local.DeclaringSyntaxReferences[0].GetSyntax(ct);
                    if (AssignedElsewhere(declaration, local.Name))
                    {
                        return false;
                    }

                    if (declaration is VariableDeclaratorSyntax { Initializer: { } init })
                    {
                        return OwnTypes(init.Value, model, ct, depth + 1, element);
                    }

                    if (declaration is ForEachStatementSyntax loop && element)
                    {
                        return OwnTypes(loop.Expression, model, ct, depth + 1, element: false);
                    }
                }

                return false;
            }

            if (e is ElementAccessExpressionSyntax index && element)
            {
                return OwnTypes(index.Expression, model, ct, depth + 1, element: false);
            }

            if (e is InvocationExpressionSyntax call && call.Expression is MemberAccessExpressionSyntax callee)
            {
                string name = callee.Name.Identifier.ValueText;
                if (Array.IndexOf(Pickers, name) >= 0)
                {
                    bool keepsSequence = name == "Where" || name == "ToList" || name == "ToArray" || name == "AsEnumerable" || name.StartsWith("OrderBy", StringComparison.Ordinal) || name == "Distinct";
                    return keepsSequence == !element && OwnTypes(callee.Expression, model, ct, depth + 1, element: false);
                }

                if (!element && (name == "GetTypes" || name == "GetExportedTypes") && call.ArgumentList.Arguments.Count == 0)
                {
                    return OwnAssembly(callee.Expression, model, ct, depth + 1);
                }

                return false;
            }

            if (e is MemberAccessExpressionSyntax property && !element && (property.Name.Identifier.ValueText == "DefinedTypes" || property.Name.Identifier.ValueText == "ExportedTypes"))
            {
                return OwnAssembly(property.Expression, model, ct, depth + 1);
            }

            return false;
        }

        /// <summary><c>Assembly.GetExecutingAssembly()</c>, or <c>typeof(T).Assembly</c> for a T of this compilation, directly or through a local assigned once.</summary>
        private static bool OwnAssembly(ExpressionSyntax e, SemanticModel model, System.Threading.CancellationToken ct, int depth)
        {
            e = Strip(e);
            if (depth > 8)
            {
                return false;
            }

            if (e is IdentifierNameSyntax identifier && model.GetSymbolInfo(identifier, ct).Symbol is ILocalSymbol local && local.DeclaringSyntaxReferences.Length == 1 &&
                local.DeclaringSyntaxReferences[0].GetSyntax(ct) is VariableDeclaratorSyntax { Initializer: { } init } declarator && !AssignedElsewhere(declarator, local.Name))
            {
                return OwnAssembly(init.Value, model, ct, depth + 1);
            }

            if (e is InvocationExpressionSyntax call && call.ArgumentList.Arguments.Count == 0 &&
                model.GetSymbolInfo(call, ct).Symbol is IMethodSymbol method && method.Name == "GetExecutingAssembly" &&
                method.ContainingType.ToDisplayString() == "System.Reflection.Assembly")
            {
                return true;
            }

            return e is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Assembly", Expression: TypeOfExpressionSyntax typeOf } &&
                   model.GetSymbolInfo(typeOf.Type, ct).Symbol is INamedTypeSymbol named &&
                   SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, model.Compilation.Assembly);
        }

        /// <summary>True when a local declared at <paramref name="declaration"/> is assigned again in its method (or by ref/out).</summary>
        private static bool AssignedElsewhere(SyntaxNode declaration, string name)
        {
            SyntaxNode? body = declaration.FirstAncestorOrSelf<MemberDeclarationSyntax>() ?? (SyntaxNode?)declaration.FirstAncestorOrSelf<CompilationUnitSyntax>();
            if (body == null)
            {
                return true;
            }

            foreach (SyntaxNode node in body.DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax assignment && Strip(assignment.Left) is IdentifierNameSyntax left && left.Identifier.ValueText == name)
                {
                    return true;
                }

                if (node is ArgumentSyntax { RefKindKeyword.RawKind: not 0, Expression: IdentifierNameSyntax passed } && passed.Identifier.ValueText == name)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsLoader(IMethodSymbol method, out bool byPath, out bool typeName)
        {
            byPath = false;
            typeName = false;
            if (method.Parameters.Length == 0 || method.Parameters[0].Type.SpecialType != SpecialType.System_String &&
                !(method.Name == "LoadFromAssemblyName" && method.Parameters[0].Type.Name == "AssemblyName"))
            {
                return false;
            }

            string type = method.ContainingType.ToDisplayString();
            switch (type)
            {
                case "System.Type":
                    typeName = method.Name == "GetType";
                    return typeName;
                case "System.Reflection.Assembly":
                case "System.Reflection.Module":
                    // assembly.GetType("Namespace.Type") and assembly.CreateInstance("Namespace.Type", …) (adversary round 6
                    // #5): a type name, as for Type.GetType.
                    typeName = (method.Name == "GetType" || (method.Name == "CreateInstance" && type == "System.Reflection.Assembly")) && !method.IsStatic;
                    byPath = method.Name == "LoadFrom" || method.Name == "LoadFile" || method.Name == "UnsafeLoadFrom";
                    return typeName || byPath || (method.Name == "Load" && method.IsStatic && type == "System.Reflection.Assembly");
                case "System.Activator":
                case "System.AppDomain":
                    byPath = method.Name.StartsWith("CreateInstanceFrom", StringComparison.Ordinal);
                    return method.Name.StartsWith("CreateInstance", StringComparison.Ordinal) && method.Parameters.Length >= 2 || method.Name == "Load";
                case "System.Runtime.Loader.AssemblyLoadContext":
                    byPath = method.Name == "LoadFromAssemblyPath" || method.Name == "LoadFromNativeImagePath";
                    return byPath || method.Name == "LoadFromAssemblyName";
                default:
                    return false;
            }
        }

        /// <summary>
        /// The constant the argument folds to: a string expression, <c>Path.Combine(…)</c> (its last piece: the file name
        /// is what names the assembly) or <c>new AssemblyName("…")</c>. Null when nothing constant is there.
        /// </summary>
        private static string? Fold(StringFold fold, ExpressionSyntax argument, SemanticModel model, System.Threading.CancellationToken ct)
        {
            if (argument is InvocationExpressionSyntax call && call.ArgumentList.Arguments.Count > 0 &&
                model.GetSymbolInfo(call, ct).Symbol is IMethodSymbol combine && combine.Name == "Combine" &&
                combine.ContainingType.ToDisplayString() == "System.IO.Path")
            {
                return Known(fold.Fold(call.ArgumentList.Arguments[call.ArgumentList.Arguments.Count - 1].Expression));
            }

            if (argument is BaseObjectCreationExpressionSyntax creation && creation.ArgumentList != null && creation.ArgumentList.Arguments.Count == 1 &&
                model.TypeOrNull(creation, ct)?.ToDisplayString() == "System.Reflection.AssemblyName")
            {
                return Known(fold.Fold(creation.ArgumentList.Arguments[0].Expression));
            }

            return Known(fold.Fold(argument));
        }

        /// <summary>The folded text from its last run-time piece on (a path's file name survives a run-time folder).</summary>
        private static string? Known(string? value)
        {
            if (value == null)
            {
                return null;
            }

            int unknown = value.LastIndexOf(StringFold.Unknown);
            string known = unknown < 0 ? value : value.Substring(unknown + 1);
            return known.Trim().Length == 0 ? null : known.Trim();
        }

        /// <summary>The assembly simple name in an assembly name ("OpenAI, Version=…") or a path ("lib/OpenAI.dll").</summary>
        internal static string AssemblyOf(string value, bool byPath)
        {
            if (byPath)
            {
                int slash = Math.Max(value.LastIndexOf('/'), value.LastIndexOf('\\'));
                string file = slash < 0 ? value : value.Substring(slash + 1);
                return file.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".exe", StringComparison.OrdinalIgnoreCase)
                    ? file.Substring(0, file.Length - 4)
                    : file;
            }

            int comma = value.IndexOf(',');
            return (comma < 0 ? value : value.Substring(0, comma)).Trim();
        }

        private static Decision? ForAssembly(PolicyVerdicts verdicts, string assembly, out AiSdk? sdk)
        {
            sdk = null;
            if (assembly.Length == 0 || !verdicts.TryGetSdkByAssemblyName(assembly, out AiSdk found) || found.IsNeutral)
            {
                return null;
            }

            sdk = found;
            return verdicts.Assembly(assembly);
        }

        /// <summary>
        /// "Namespace.Type, Assembly": by the assembly. A bare type name: by its namespace; only when every SDK declaring that
        /// namespace is a violation (namespaces collide across SDKs), reported against the first of them.
        /// </summary>
        private static Decision? ForTypeName(PolicyVerdicts verdicts, string value, out AiSdk? sdk)
        {
            sdk = null;
            int bracket = value.IndexOf('[');
            int comma = value.IndexOf(',');
            if (comma > 0 && (bracket < 0 || comma < bracket))
            {
                return ForAssembly(verdicts, AssemblyOf(value.Substring(comma + 1), byPath: false), out sdk);
            }

            string typeName = (bracket < 0 ? value : value.Substring(0, bracket)).Trim();
            int dot = typeName.LastIndexOf('.');
            if (dot <= 0)
            {
                return null;
            }

            string ns = typeName.Substring(0, dot);
            var candidates = new List<AiSdk>();
            foreach (AiSdk custom in verdicts.CustomSdks)
            {
                if (AiSdkCatalog.NamespaceIsUnder(ns, custom.Namespaces))
                {
                    candidates.Add(custom);
                }
            }

            candidates.AddRange(AiSdkCatalog.FindByNamespace(ns));
            Decision? first = null;
            foreach (AiSdk candidate in candidates)
            {
                if (candidate.IsNeutral)
                {
                    continue;
                }

                Decision decision = verdicts.Sdk(candidate);
                if (decision.Passes)
                {
                    return null;
                }

                if (first == null)
                {
                    first = decision;
                    sdk = candidate;
                }
            }

            return first;
        }

        private static string Shown(string value) => value.Length <= 120 ? value : value.Substring(0, 117) + "...";
    }
}
