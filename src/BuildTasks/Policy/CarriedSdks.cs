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
            public Carried(AiSdk sdk, string assembly, string typeName)
            {
                Sdk = sdk;
                Assembly = assembly;
                TypeName = typeName;
            }

            public AiSdk Sdk { get; }

            public string Assembly { get; }

            public string TypeName { get; }

            /// <summary>"assembly Acme.Http declares OpenAI.OpenAIClient" (what the evaluator's message cites).</summary>
            public string Evidence => "assembly " + Assembly + " declares " + TypeName;
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

        private static Carried? Read(string file, AiSdk? own)
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
                    if (!reader.IsAssembly)
                    {
                        return null;
                    }

                    foreach (KeyValuePair<string, AiSdk> signature in AiSdkCatalog.SignatureTypes)
                    {
                        if (signature.Value != own && Declares(reader, signature.Key))
                        {
                            return new Carried(signature.Value, reader.GetString(reader.GetAssemblyDefinition().Name), signature.Key);
                        }
                    }

                    return null;
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
