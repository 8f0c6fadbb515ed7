using System;
using System.Collections.Generic;

namespace Guardrails.Core.Sdks
{
    /// <summary>
    /// One AI SDK as a policy can approve it: the NuGet package ids that bring it, the assemblies that hold its
    /// public types, its root namespaces, its provider and the provider endpoint hosts it talks to by default.
    /// The analyzers decide "is this the SDK?" by a symbol's containing assembly (<see cref="AssemblyNames"/>);
    /// the build task's package check decides by <see cref="PackageIds"/>. Both come from this one entry.
    /// </summary>
    public sealed class AiSdk
    {
        public AiSdk(
            string id,
            string displayName,
            string provider,
            IReadOnlyList<string> packageIds,
            IReadOnlyList<string> assemblyNames,
            IReadOnlyList<string> namespaces,
            IReadOnlyList<string> endpointHosts,
            string source,
            bool isNeutral = false,
            bool isCustom = false,
            bool isIntegration = false,
            string ecosystem = PackageEcosystem.NuGet)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            DisplayName = displayName ?? throw new ArgumentNullException(nameof(displayName));
            Provider = provider ?? throw new ArgumentNullException(nameof(provider));
            PackageIds = packageIds ?? throw new ArgumentNullException(nameof(packageIds));
            AssemblyNames = assemblyNames ?? throw new ArgumentNullException(nameof(assemblyNames));
            Namespaces = namespaces ?? throw new ArgumentNullException(nameof(namespaces));
            EndpointHosts = endpointHosts ?? throw new ArgumentNullException(nameof(endpointHosts));
            Source = source ?? string.Empty;
            IsNeutral = isNeutral;
            IsCustom = isCustom;
            IsIntegration = isIntegration;
            Ecosystem = ecosystem ?? PackageEcosystem.NuGet;
        }

        /// <summary>
        /// The package registry its packages come from: <see cref="PackageEcosystem.NuGet"/> (package ids as NuGet spells
        /// them, assemblies the analyzers know), or <see cref="PackageEcosystem.Npm"/>/<see cref="PackageEcosystem.PyPI"/>
        /// for an SDK of a repository's JavaScript front end or Python tooling: its package ids are package URLs
        /// (<c>pkg:npm/openai</c>, <c>pkg:pypi/anthropic</c>, see <see cref="PackageEcosystem.PackageUrl"/>) and it has no
        /// assemblies, namespaces or hosts of its own (its provider's hosts are the .NET SDK's: approving the npm SDK
        /// approves no endpoint for C# code).
        /// </summary>
        public string Ecosystem { get; }

        /// <summary>Stable catalog id, lower-case, e.g. "openai", "semantic-kernel-connectors-azureopenai".</summary>
        public string Id { get; }

        /// <summary>Human name used in messages, e.g. "OpenAI .NET SDK".</summary>
        public string DisplayName { get; }

        /// <summary>Who serves the model behind it, e.g. "OpenAI", "Microsoft (Azure OpenAI)", "local".</summary>
        public string Provider { get; }

        /// <summary>
        /// NuGet package ids (case-insensitive), or package URLs for another ecosystem; an id ending in <c>*</c> stands for
        /// every package of that family (<c>pkg:npm/@langchain/*</c>). The first is the one to name in messages.
        /// </summary>
        public IReadOnlyList<string> PackageIds { get; }

        /// <summary>Assembly simple names that declare the SDK's public types (case-insensitive).</summary>
        public IReadOnlyList<string> AssemblyNames { get; }

        /// <summary>Root namespaces of the public types (informational: namespaces collide across SDKs).</summary>
        public IReadOnlyList<string> Namespaces { get; }

        /// <summary>
        /// Host patterns of the provider endpoints the SDK reaches by default. "*" as the leftmost label matches one
        /// or more labels, "*" as another whole label matches exactly one label, "*" inside a label matches any
        /// characters of that label. Hosts only: no scheme, port or path.
        /// </summary>
        public IReadOnlyList<string> EndpointHosts { get; }

        /// <summary>Where the facts of this entry come from ([M] measured, [S] source, [D] docs).</summary>
        public string Source { get; }

        /// <summary>
        /// True for provider-less abstractions (interfaces only, no endpoint) that almost every SDK pulls in, such as
        /// Microsoft.Extensions.AI.Abstractions: using them calls no model, so the usage rule does not report them.
        /// </summary>
        public bool IsNeutral { get; }

        /// <summary>
        /// True for an integration that reaches another SDK's provider: a framework connector (Semantic Kernel, Agent
        /// Framework, Kernel Memory, LangChain, AutoGen) or a model served from another provider's cloud (Anthropic on
        /// Bedrock/Vertex/Foundry). When a host is named in a message, the provider's own SDK is preferred.
        /// </summary>
        public bool IsIntegration { get; }

        /// <summary>True for an entry defined by the policy (sdk.custom), not by this catalog.</summary>
        public bool IsCustom { get; }

        /// <summary>
        /// True for a member through which code obtains this SDK's own client rather than one handed out by a wrapper:
        /// in an SDK that reaches a provider endpoint itself (<see cref="EndpointHosts"/> not empty), a constructor of a
        /// type named "*Client" or "*Service" (OpenAIClient, ChatClient, AnthropicClient, OpenAIChatCompletionService)
        /// or an extension method named "Add*" (a DI registration such as AddOpenAIChatCompletion). When a route
        /// carries this SDK, only these uses remain violations; orchestration SDKs (no endpoint) have none.
        /// </summary>
        public bool IsOwnClientEntryPoint(bool isConstructor, bool isExtensionMethod, string name)
        {
            if (EndpointHosts.Count == 0 || string.IsNullOrEmpty(name))
            {
                return false;
            }

            if (isConstructor)
            {
                return name.EndsWith("Client", StringComparison.Ordinal) || name.EndsWith("Service", StringComparison.Ordinal);
            }

            return isExtensionMethod && name.Length > 3 && name.StartsWith("Add", StringComparison.Ordinal) && char.IsUpper(name[3]);
        }

        /// <summary>The package id to name in messages.</summary>
        public string PrimaryPackageId => PackageIds.Count > 0 ? PackageIds[0] : Id;

        /// <summary>
        /// True when <paramref name="packageId"/> is one of this SDK's package ids (case-insensitive), or of a family id's
        /// prefix (an id ending in <c>*</c>: <c>Cnblogs.DashScope.*</c>, <c>pkg:npm/@langchain/*</c>), as the catalog finds it.
        /// </summary>
        public bool HasPackage(string? packageId)
        {
            foreach (string id in PackageIds)
            {
                if (string.Equals(id, packageId, StringComparison.OrdinalIgnoreCase) ||
                    (packageId != null && id.EndsWith("*", StringComparison.Ordinal) && packageId.Length >= id.Length &&
                     packageId.StartsWith(id.Substring(0, id.Length - 1), StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The package a message names for a decision on this SDK: the one the evaluator decided on (its subject) when it
        /// is one of this SDK's packages, else <see cref="PrimaryPackageId"/>; so the message and the request agree.
        /// </summary>
        public string PackageNamedBy(string? decisionSubject) => HasPackage(decisionSubject) ? decisionSubject! : PrimaryPackageId;

        public override string ToString() => Id;
    }
}
