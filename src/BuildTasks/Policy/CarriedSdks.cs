using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Guardrails.Core.Sdks;

namespace Guardrails.BuildTasks.Policy
{
    /// <summary>
    /// Which catalog AI SDK a restored package carries under another id (adversary round 10 route 2: the OpenAI SDK
    /// republished as package and assembly <c>Acme.Http</c>): one of its compile-time assemblies declares, as a public type,
    /// one of the catalog's signature types (<see cref="AiSdkCatalog.SignatureTypes"/>, e.g. <c>OpenAI.Chat.ChatClient</c>),
    /// whatever the assembly's name. Read with System.Reflection.Metadata, only the namespace tree and the type names under
    /// the signature namespaces (no type is loaded); an unreadable file carries nothing (the compiler reports it). The answer
    /// is kept per package folder, content hash (sha512 of the assets file) and assets, for the life of the process.
    /// </summary>
    internal static class CarriedSdks
    {
        /// <summary>A signature type found: the SDK, the assembly that declares it and the type's full name.</summary>
        public sealed class Carried
        {
            public Carried(AiSdk sdk, string assembly, string typeName, string? evidence = null)
            {
                Sdk = sdk;
                Assembly = assembly;
                TypeName = typeName;
                _evidence = evidence;
            }

            private readonly string? _evidence;

            public AiSdk Sdk { get; }

            public string Assembly { get; }

            public string TypeName { get; }

            /// <summary>"assembly Acme.Http declares OpenAI.OpenAIClient" (what the evaluator's message cites).</summary>
            public string Evidence => _evidence ?? "assembly " + Assembly + " declares " + TypeName;
        }

        private static readonly ConcurrentDictionary<string, Carried?> Known = new ConcurrentDictionary<string, Carried?>(StringComparer.Ordinal);

        /// <summary>Files larger than this are not read (no SDK's reference assembly comes near it).</summary>
        private const long MaxBytes = 256L * 1024 * 1024;

        /// <summary>
        /// The SDK that one of <paramref name="assets"/> (paths relative to <paramref name="packageDirectory"/>, as the assets
        /// file lists a library's <c>compile</c> items) declares, or null. The signature types of <paramref name="own"/> (the
        /// SDK the package id itself belongs to, if any) are not looked for: a package carries only ANOTHER SDK (adversary
        /// round 12 route 1: an approved SDK id whose assembly is OpenAI's).
        /// </summary>
        public static Carried? Of(string packageDirectory, IReadOnlyList<string> assets, string? sha512, AiSdk? own = null)
        {
            string key = packageDirectory + "|" + (sha512 ?? string.Empty) + "|" + (own?.Id ?? string.Empty) + "|" + string.Join("|", assets);
            if (sha512 != null && Known.TryGetValue(key, out Carried? known))
            {
                return known;
            }

            Carried? found = null;
            foreach (string asset in assets)
            {
                if (!asset.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                found = Read(Path.Combine(packageDirectory, asset.Replace('/', Path.DirectorySeparatorChar)), own);
                if (found != null)
                {
                    break;
                }
            }

            if (sha512 != null)
            {
                Known[key] = found;
            }

            return found;
        }

        /// <summary>
        /// The folders of a package whose assemblies run in the build instead of being compiled against (adversary round 12
        /// route 3): the compiler's analyzers and source generators, MSBuild tasks and the tools a package's targets start.
        /// </summary>
        private static readonly string[] BuildFolders = { "analyzers/", "build/", "buildTransitive/", "buildMultiTargeting/", "tasks/", "tools/" };

        /// <summary>Whether <paramref name="path"/> (a package file, "analyzers/dotnet/cs/X.dll") is an assembly in one of <see cref="BuildFolders"/>; satellite resource assemblies hold no code.</summary>
        public static bool IsBuildFolderAssembly(string path)
        {
            string p = path.Replace('\\', '/');
            if (!p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) || p.EndsWith(".resources.dll", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            foreach (string folder in BuildFolders)
            {
                if (p.StartsWith(folder, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// Adversary round 12 route 3: the catalog SDK that an assembly a package ships in a build folder (an analyzer or a
        /// source generator in <c>analyzers/</c>, an MSBuild task in <c>build/</c> or <c>tasks/</c>, a tool in <c>tools/</c>)
        /// is, declares or references, or null. Those assemblies run inside the compiler or MSBuild, so an SDK among them is
        /// used by the build although nothing compiles against it. <paramref name="files"/> are the package's files as the
        /// assets file lists them; only the assemblies in build folders are read, each once per package content (sha512).
        /// </summary>
        public static Carried? InBuildFolders(string packageDirectory, IReadOnlyList<string> files, string? sha512, AiSdk? own = null)
        {
            string key = "build|" + packageDirectory + "|" + (sha512 ?? string.Empty) + "|" + (own?.Id ?? string.Empty);
            if (sha512 != null && Known.TryGetValue(key, out Carried? known))
            {
                return known;
            }

            Carried? found = null;
            foreach (string file in files)
            {
                if (IsBuildFolderAssembly(file))
                {
                    found = ReadRunInBuild(Path.Combine(packageDirectory, file.Replace('/', Path.DirectorySeparatorChar)), file.Replace('\\', '/'), own);
                    if (found != null)
                    {
                        break;
                    }
                }
            }

            if (sha512 != null)
            {
                Known[key] = found;
            }

            return found;
        }

        /// <summary>
        /// The catalog SDK an assembly that runs in the build belongs to: by its own name (<c>OpenAI.dll</c> shipped beside a
        /// generator), by a signature type it declares (a renamed copy) or by an assembly it references (a generator or task
        /// compiled against the SDK); <paramref name="shown"/> names it in the evidence. Neutral SDKs (abstractions) and
        /// <paramref name="own"/> are no finding.
        /// </summary>
        public static Carried? ReadRunInBuild(string file, string shown, AiSdk? own)
        {
            const string Runs = " (it runs in the build: the compiler or MSBuild loads it)";
            return WithReader(file, reader =>
            {
                string name = reader.GetString(reader.GetAssemblyDefinition().Name);
                if (AiSdkCatalog.TryGetByAssemblyName(name, out AiSdk sdk) && !sdk.IsNeutral && sdk != own)
                {
                    return new Carried(sdk, name, string.Empty, shown + " is the SDK's assembly " + name + Runs);
                }

                Carried? declared = Declared(reader, own);
                if (declared != null)
                {
                    return new Carried(declared.Sdk, declared.Assembly, declared.TypeName, shown + " declares " + declared.TypeName + Runs);
                }

                foreach (AssemblyReferenceHandle handle in reader.AssemblyReferences)
                {
                    string referenced = reader.GetString(reader.GetAssemblyReference(handle).Name);
                    if (AiSdkCatalog.TryGetByAssemblyName(referenced, out AiSdk used) && !used.IsNeutral && used != own)
                    {
                        return new Carried(used, name, string.Empty, shown + " references the SDK's assembly " + referenced + Runs);
                    }
                }

                return null;
            });
        }

        private static Carried? Read(string file, AiSdk? own) => WithReader(file, reader => Declared(reader, own));

        /// <summary>The first catalog signature type (other than <paramref name="own"/>'s) the assembly declares.</summary>
        private static Carried? Declared(MetadataReader reader, AiSdk? own)
        {
            foreach (KeyValuePair<string, AiSdk> signature in AiSdkCatalog.SignatureTypes)
            {
                if (signature.Value != own && Declares(reader, signature.Key))
                {
                    return new Carried(signature.Value, reader.GetString(reader.GetAssemblyDefinition().Name), signature.Key);
                }
            }

            return null;
        }

        /// <summary><paramref name="read"/> over the metadata of <paramref name="file"/>; null for a missing, oversized or unreadable file or one that is no assembly.</summary>
        private static Carried? WithReader(string file, Func<MetadataReader, Carried?> read)
        {
            try
            {
                var info = new FileInfo(file);
                if (!info.Exists || info.Length > MaxBytes)
                {
                    return null;
                }

                using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read))
                using (var pe = new PEReader(stream))
                {
                    if (!pe.HasMetadata)
                    {
                        return null;
                    }

                    MetadataReader reader = pe.GetMetadataReader();
                    return reader.IsAssembly ? read(reader) : null;
                }
            }
            catch (Exception e) when (e is BadImageFormatException || e is InvalidOperationException || e is IOException || e is UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>True when <paramref name="reader"/> defines the public top-level type <paramref name="fullName"/>.</summary>
        private static bool Declares(MetadataReader reader, string fullName)
        {
            int dot = fullName.LastIndexOf('.');
            string name = fullName.Substring(dot + 1);
            NamespaceDefinition current = reader.GetNamespaceDefinitionRoot();
            if (dot > 0)
            {
                foreach (string part in fullName.Substring(0, dot).Split('.'))
                {
                    bool found = false;
                    foreach (NamespaceDefinitionHandle handle in current.NamespaceDefinitions)
                    {
                        NamespaceDefinition child = reader.GetNamespaceDefinition(handle);
                        if (reader.StringComparer.Equals(child.Name, part))
                        {
                            current = child;
                            found = true;
                            break;
                        }
                    }

                    if (!found)
                    {
                        return false;
                    }
                }
            }

            foreach (TypeDefinitionHandle handle in current.TypeDefinitions)
            {
                TypeDefinition type = reader.GetTypeDefinition(handle);
                if ((type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public && reader.StringComparer.Equals(type.Name, name))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
