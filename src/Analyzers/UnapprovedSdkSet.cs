using System;
using System.Collections.Generic;
using Guardrails.Core.Policy;
using Guardrails.Core.Sdks;
using Microsoft.CodeAnalysis;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// The referenced assemblies of one compilation that belong to an AI SDK the policy does not approve (waived or not), resolved
    /// once at compilation start. Identity is the assembly symbol, so a user's own "OpenAI" namespace or
    /// "ChatClient" class (declared in the compilation's own assembly) never matches.
    /// </summary>
    internal sealed class UnapprovedSdkSet
    {
        private readonly Dictionary<IAssemblySymbol, AiSdk> _byAssembly;
        private readonly Dictionary<IAssemblySymbol, AiSdk> _carried;
        private readonly Dictionary<AiSdk, Decision> _decisions;
        private readonly Dictionary<IAssemblySymbol, Decision> _assemblyDecisions;
        private readonly Dictionary<IAssemblySymbol, List<KeyValuePair<string, AiSdk>>> _byNamespace;
        private readonly HashSet<IAssemblySymbol> _sdkAssemblies;

        private UnapprovedSdkSet(
            Dictionary<IAssemblySymbol, AiSdk> byAssembly,
            Dictionary<IAssemblySymbol, AiSdk> carried,
            Dictionary<AiSdk, Decision> decisions,
            Dictionary<IAssemblySymbol, Decision> assemblyDecisions,
            Dictionary<IAssemblySymbol, List<KeyValuePair<string, AiSdk>>> byNamespace,
            HashSet<string> typeNames,
            HashSet<string> memberNames,
            HashSet<string> extensionNames,
            Dictionary<string, HashSet<string>> namespacesByName,
            bool hasIndexers,
            HashSet<IAssemblySymbol> sdkAssemblies)
        {
            _sdkAssemblies = sdkAssemblies;
            NamespacesByName = namespacesByName;
            ExtensionNames = extensionNames;
            _byAssembly = byAssembly;
            _carried = carried;
            _decisions = decisions;
            _assemblyDecisions = assemblyDecisions;
            _byNamespace = byNamespace;
            TypeNames = typeNames;
            MemberNames = memberNames;
            HasIndexers = hasIndexers;
        }

        /// <summary>
        /// Names of the members of the unapproved SDKs' types (methods, extension methods, properties, fields, events),
        /// but not those every object has: a name in source that is not one of them cannot be a use of an SDK member.
        /// </summary>
        public HashSet<string> MemberNames { get; }

        /// <summary>
        /// Names of the members of the unapproved SDKs' types that may hold extension methods: usable through a
        /// <c>using</c> of the namespace without writing any SDK type's name.
        /// </summary>
        public HashSet<string> ExtensionNames { get; }

        /// <summary>For each type name and extension-method name: the namespaces the SDKs declare it in.</summary>
        public Dictionary<string, HashSet<string>> NamespacesByName { get; }

        /// <summary>Some unapproved SDK type has an indexer (used with no name in source).</summary>
        public bool HasIndexers { get; }

        /// <summary>Some referenced SDK is carried by a route: its types may be used, creating its own client may not.</summary>
        public bool HasCarried => _carried.Count > 0;

        /// <summary>Simple names of the types declared by the unapproved SDKs ("Foo" too for "FooAttribute"): a cheap prefilter for names in source.</summary>
        public HashSet<string> TypeNames { get; }

        /// <summary>
        /// What the policy evaluator decided (reason, route, proposal) for the assembly that declares a symbol reported
        /// here: each package of a multi-package SDK (Semantic Kernel's .Core and .Abstractions) is decided on its own,
        /// as the package gate decides it; an SDK known by namespace only is decided as a whole.
        /// </summary>
        public Decision? DecisionFor(ISymbol symbol, AiSdk sdk)
        {
            IAssemblySymbol? assembly = symbol.OriginalDefinition.ContainingAssembly;
            if (assembly != null && _assemblyDecisions.TryGetValue(assembly, out Decision? byAssembly))
            {
                return byAssembly;
            }

            return _decisions.TryGetValue(sdk, out Decision? d) ? d : null;
        }

        /// <summary>
        /// Null when no referenced assembly belongs to an SDK the policy does not approve (the common case: register
        /// nothing). Each assembly is decided by Core's evaluator; an SDK a route carries is kept with only its own
        /// client entry points reportable (<see cref="AiSdk.IsOwnClientEntryPoint"/>).
        /// </summary>
        public static UnapprovedSdkSet? Create(Compilation compilation, PolicyVerdicts verdicts)
        {
            Dictionary<IAssemblySymbol, AiSdk>? byAssembly = null;
            Dictionary<IAssemblySymbol, AiSdk>? carried = null;
            var decisions = new Dictionary<AiSdk, Decision>();
            var assemblyDecisions = new Dictionary<IAssemblySymbol, Decision>(SymbolEqualityComparer.Default);
            Dictionary<IAssemblySymbol, List<KeyValuePair<string, AiSdk>>>? byNamespace = null;
            Dictionary<string, List<string>>? wrappers = null;
            var sdkAssemblies = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
            Dictionary<IAssemblySymbol, KeyValuePair<string, AiSdk>>? carriers = Carriers(compilation, verdicts);
            foreach (IAssemblySymbol assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                Decision? decision = verdicts.Assembly(assembly.Identity.Name, WrappersOf(compilation, verdicts, assembly.Identity.Name, ref wrappers));
                // An assembly that declares another SDK's signature types carries it, whatever SDK its own name is
                // (adversary round 12 route 1: an approved id's assembly that is OpenAI's).
                if (carriers != null && carriers.TryGetValue(assembly, out KeyValuePair<string, AiSdk> carrier) && (decision == null || decision.Sdk != carrier.Value))
                {
                    decision = verdicts.CarrierAssembly(assembly.Identity.Name, carrier.Value, carrier.Key);
                }

                if (decision != null)
                {
                    sdkAssemblies.Add(assembly);
                    AiSdk sdk = decision.Sdk!;
                    // A waived violation is reported too (a warning naming the waiver), never dropped silently.
                    if (decision.IsViolation)
                    {
                        byAssembly ??= new Dictionary<IAssemblySymbol, AiSdk>(SymbolEqualityComparer.Default);
                        byAssembly[assembly] = sdk;
                        decisions[sdk] = decision;
                        assemblyDecisions[assembly] = decision;
                    }
                    else if (decision.OnlyThroughRoute)
                    {
                        carried ??= new Dictionary<IAssemblySymbol, AiSdk>(SymbolEqualityComparer.Default);
                        carried[assembly] = sdk;
                        decisions[sdk] = decision;
                        assemblyDecisions[assembly] = decision;
                    }

                    continue;
                }

                // Policy-defined SDKs known only by namespace: match the namespaces inside referenced assemblies.
                foreach (AiSdk custom in verdicts.CustomSdks)
                {
                    if (custom.AssemblyNames.Count > 0)
                    {
                        continue;
                    }

                    Decision customDecision = verdicts.Sdk(custom);
                    if (!customDecision.IsViolation)
                    {
                        continue;
                    }

                    foreach (string root in custom.Namespaces)
                    {
                        if (FindNamespace(assembly.GlobalNamespace, root) != null)
                        {
                            decisions[custom] = customDecision;
                            byNamespace ??= new Dictionary<IAssemblySymbol, List<KeyValuePair<string, AiSdk>>>(SymbolEqualityComparer.Default);
                            if (!byNamespace.TryGetValue(assembly, out List<KeyValuePair<string, AiSdk>>? roots))
                            {
                                roots = new List<KeyValuePair<string, AiSdk>>();
                                byNamespace.Add(assembly, roots);
                            }

                            roots.Add(new KeyValuePair<string, AiSdk>(root, custom));
                        }
                    }
                }
            }

            if (byAssembly == null && byNamespace == null && carried == null)
            {
                return null;
            }

            var names = new Names();
            foreach (Dictionary<IAssemblySymbol, AiSdk>? set in new[] { byAssembly, carried })
            {
                foreach (IAssemblySymbol assembly in set?.Keys ?? (IEnumerable<IAssemblySymbol>)Array.Empty<IAssemblySymbol>())
                {
                    AddTypeNames(assembly.GlobalNamespace, names);
                }
            }

            if (byNamespace != null)
            {
                foreach (KeyValuePair<IAssemblySymbol, List<KeyValuePair<string, AiSdk>>> entry in byNamespace)
                {
                    foreach (KeyValuePair<string, AiSdk> root in entry.Value)
                    {
                        INamespaceSymbol? ns = FindNamespace(entry.Key.GlobalNamespace, root.Key);
                        if (ns != null)
                        {
                            AddTypeNames(ns, names);
                        }
                    }
                }
            }

            return new UnapprovedSdkSet(
                byAssembly ?? new Dictionary<IAssemblySymbol, AiSdk>(SymbolEqualityComparer.Default),
                carried ?? new Dictionary<IAssemblySymbol, AiSdk>(SymbolEqualityComparer.Default),
                decisions,
                assemblyDecisions,
                byNamespace ?? new Dictionary<IAssemblySymbol, List<KeyValuePair<string, AiSdk>>>(SymbolEqualityComparer.Default),
                names.Types,
                names.Members,
                names.Extensions,
                names.NamespacesByName,
                names.HasIndexers,
                sdkAssemblies);
        }

        /// <summary>
        /// Referenced assemblies whose name is no AI SDK's, or another SDK's, but which declare a catalog SDK's signature type as a public type
        /// (<see cref="AiSdkCatalog.SignatureTypes"/>, e.g. <c>OpenAI.Chat.ChatClient</c> in an assembly named Acme.Http):
        /// each carries that SDK and is decided as it (adversary round 10 route 2). Found once per compilation with one
        /// lookup per signature type; the compilation's own types (a project's own <c>OpenAI.Chat</c> namespace) never count.
        /// </summary>
        private static Dictionary<IAssemblySymbol, KeyValuePair<string, AiSdk>>? Carriers(Compilation compilation, PolicyVerdicts verdicts)
        {
            Dictionary<IAssemblySymbol, KeyValuePair<string, AiSdk>>? result = null;
            foreach (KeyValuePair<string, AiSdk> signature in AiSdkCatalog.SignatureTypes)
            {
                foreach (INamedTypeSymbol type in compilation.GetTypesByMetadataName(signature.Key))
                {
                    IAssemblySymbol? assembly = type.ContainingAssembly;
                    if (assembly == null || SymbolEqualityComparer.Default.Equals(assembly, compilation.Assembly) || type.DeclaredAccessibility != Accessibility.Public ||
                        (verdicts.TryGetSdkByAssemblyName(assembly.Identity.Name, out AiSdk own) && own == signature.Value))
                    {
                        continue;
                    }

                    result ??= new Dictionary<IAssemblySymbol, KeyValuePair<string, AiSdk>>(SymbolEqualityComparer.Default);
                    if (!result.ContainsKey(assembly))
                    {
                        result.Add(assembly, signature);
                    }
                }
            }

            return result;
        }

        /// <summary>
        /// The AI SDK assemblies among the references whose metadata references <paramref name="name"/> (Azure.AI.OpenAI
        /// for OpenAI): what may bring that SDK in when the effective policy has no restored chain for it. Only used for
        /// the proposal; computed once per compilation, from the SDK assemblies' reference tables.
        /// </summary>
        private static IReadOnlyList<string>? WrappersOf(Compilation compilation, PolicyVerdicts verdicts, string name, ref Dictionary<string, List<string>>? wrappers)
        {
            if (wrappers == null)
            {
                wrappers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
                foreach (IAssemblySymbol candidate in compilation.SourceModule.ReferencedAssemblySymbols)
                {
                    if (!verdicts.TryGetSdkByAssemblyName(candidate.Identity.Name, out _))
                    {
                        continue;
                    }

                    foreach (IModuleSymbol module in candidate.Modules)
                    {
                        foreach (AssemblyIdentity referenced in module.ReferencedAssemblies)
                        {
                            if (!wrappers.TryGetValue(referenced.Name, out List<string>? by))
                            {
                                by = new List<string>();
                                wrappers.Add(referenced.Name, by);
                            }

                            by.Add(candidate.Identity.Name);
                        }
                    }
                }
            }

            return wrappers.TryGetValue(name, out List<string>? found) ? found : null;
        }

        /// <summary>The unapproved SDK that declares <paramref name="symbol"/> itself (not its type arguments).</summary>
        public bool TryGetSdk(ISymbol? symbol, out AiSdk sdk)
        {
            sdk = null!;
            if (symbol == null)
            {
                return false;
            }

            if (symbol is IMethodSymbol { ReducedFrom: { } reduced })
            {
                symbol = reduced;
            }

            ISymbol definition = symbol.OriginalDefinition;
            IAssemblySymbol? assembly = definition.ContainingAssembly;
            if (assembly == null)
            {
                return false;
            }

            if (_byAssembly.TryGetValue(assembly, out AiSdk? found))
            {
                sdk = found;
                return true;
            }

            // An SDK a route carries: only creating or registering its own client is a use to report.
            if (_carried.Count > 0 && _carried.TryGetValue(assembly, out found) && definition is IMethodSymbol method)
            {
                bool constructor = method.MethodKind == MethodKind.Constructor;
                if (found.IsOwnClientEntryPoint(constructor, method.IsExtensionMethod, constructor ? method.ContainingType.Name : method.Name))
                {
                    sdk = found;
                    return true;
                }
            }

            if (_byNamespace.Count > 0 && _byNamespace.TryGetValue(assembly, out List<KeyValuePair<string, AiSdk>>? roots))
            {
                string ns = definition.ContainingNamespace?.ToDisplayString() ?? string.Empty;
                foreach (KeyValuePair<string, AiSdk> root in roots)
                {
                    if (AiSdkCatalog.NamespaceIsUnder(ns, new[] { root.Key }))
                    {
                        sdk = root.Value;
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// A type of an SDK a route carries whose construction obtains that SDK's own client (<c>new OpenAIClient(…)</c>):
        /// the creation is a use to report even though the type itself may be used. A type declared outside any AI SDK
        /// (the project's own <c>class Gateway : OpenAIClient</c>, at any depth) counts as the SDK client it derives from:
        /// constructing it constructs that client. A wrapper SDK's own subclass (Azure.AI.OpenAI's
        /// <c>AzureOpenAIClient : OpenAIClient</c>) is that SDK's client, decided on its own.
        /// </summary>
        public bool TryGetOwnClientType(ITypeSymbol? type, out AiSdk sdk) => TryGetOwnClientType(type, out sdk, out _);

        /// <inheritdoc cref="TryGetOwnClientType(ITypeSymbol?, out AiSdk)"/>
        /// <param name="client">The SDK's own client type that is constructed (the type itself, or the SDK type it derives from).</param>
        public bool TryGetOwnClientType(ITypeSymbol? type, out AiSdk sdk, out INamedTypeSymbol client)
        {
            sdk = null!;
            client = null!;
            if (_carried.Count == 0 || !(type is INamedTypeSymbol named))
            {
                return false;
            }

            for (INamedTypeSymbol? current = named; current != null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            {
                IAssemblySymbol? assembly = current.OriginalDefinition.ContainingAssembly;
                if (assembly == null)
                {
                    return false;
                }

                if (_carried.TryGetValue(assembly, out AiSdk? found))
                {
                    if (!found.IsOwnClientEntryPoint(true, false, current.Name))
                    {
                        return false;
                    }

                    sdk = found;
                    client = current.OriginalDefinition;
                    return true;
                }

                if (_sdkAssemblies.Contains(assembly))
                {
                    return false; // another SDK's own type: decided as that SDK
                }
            }

            return false;
        }

        /// <summary>The unapproved SDK of a type or of anything in it: element types, type arguments, tuple elements.</summary>
        public bool TryGetSdkInType(ITypeSymbol? type, out AiSdk sdk)
        {
            switch (type)
            {
                case IArrayTypeSymbol array:
                    return TryGetSdkInType(array.ElementType, out sdk);
                case IPointerTypeSymbol pointer:
                    return TryGetSdkInType(pointer.PointedAtType, out sdk);
                case INamedTypeSymbol named:
                    if (TryGetSdk(named, out sdk))
                    {
                        return true;
                    }

                    foreach (ITypeSymbol argument in named.TypeArguments)
                    {
                        if (TryGetSdkInType(argument, out sdk))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    sdk = null!;
                    return false;
            }
        }

        private static INamespaceSymbol? FindNamespace(INamespaceSymbol global, string dotted)
        {
            INamespaceSymbol? current = global;
            foreach (string part in dotted.Split('.'))
            {
                INamespaceSymbol? next = null;
                foreach (INamespaceSymbol child in current.GetNamespaceMembers())
                {
                    if (child.Name == part)
                    {
                        next = child;
                        break;
                    }
                }

                if (next == null)
                {
                    return null;
                }

                current = next;
            }

            return current;
        }

        private static void AddTypeNames(INamespaceSymbol ns, Names names)
        {
            foreach (INamespaceOrTypeSymbol member in ns.GetMembers())
            {
                if (member is INamespaceSymbol child)
                {
                    AddTypeNames(child, names);
                }
                else if (member is INamedTypeSymbol type)
                {
                    AddTypeNames(type, names);
                }
            }
        }

        private static void AddTypeNames(INamedTypeSymbol type, Names names)
        {
            // The global namespace is "written" everywhere: the empty string.
            INamespaceSymbol? containing = type.ContainingNamespace;
            string ns = containing == null || containing.IsGlobalNamespace ? string.Empty : containing.ToDisplayString();
            names.Types.Add(type.Name);
            names.AddNamespace(type.Name, ns);
            if (type.Name.Length > "Attribute".Length && type.Name.EndsWith("Attribute", StringComparison.Ordinal))
            {
                string shortName = type.Name.Substring(0, type.Name.Length - "Attribute".Length);
                names.Types.Add(shortName);
                names.AddNamespace(shortName, ns);
            }

            // Member names come from metadata tables without creating symbols.
            bool extensions = type.MightContainExtensionMethods;
            foreach (string member in type.MemberNames)
            {
                if (member == "Item" || member == "this[]")
                {
                    names.HasIndexers = true;
                }
                else if (!ObjectMemberNames.Contains(member) && member.Length > 0 && member[0] != '.')
                {
                    names.Members.Add(member);
                    if (extensions)
                    {
                        names.Extensions.Add(member);
                        names.AddNamespace(member, ns);
                    }
                }
            }

            foreach (INamedTypeSymbol nested in type.GetTypeMembers())
            {
                AddTypeNames(nested, names);
            }
        }

        /// <summary>
        /// Members every object has: an SDK type's override of one is not a reason to bind every such call in the
        /// compilation (the value it is called on came from an SDK use that is reported).
        /// </summary>
        private static readonly HashSet<string> ObjectMemberNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "ToString", "Equals", "GetHashCode", "GetType", "Finalize", "MemberwiseClone", "ReferenceEquals",
        };

        private sealed class Names
        {
            public HashSet<string> Types { get; } = new HashSet<string>(StringComparer.Ordinal);

            public HashSet<string> Members { get; } = new HashSet<string>(StringComparer.Ordinal);

            public HashSet<string> Extensions { get; } = new HashSet<string>(StringComparer.Ordinal);

            public Dictionary<string, HashSet<string>> NamespacesByName { get; } = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

            public void AddNamespace(string name, string ns)
            {
                if (!NamespacesByName.TryGetValue(name, out HashSet<string>? set))
                {
                    set = new HashSet<string>(StringComparer.Ordinal);
                    NamespacesByName.Add(name, set);
                }

                set.Add(ns);
            }

            public bool HasIndexers { get; set; }
        }
    }
}
