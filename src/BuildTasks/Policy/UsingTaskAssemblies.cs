using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Policy
{
    /// <summary>
    /// Adversary round 12 route 3c: a committed MSBuild file's <c>&lt;UsingTask AssemblyFile="…"/&gt;</c> loads that assembly
    /// into MSBuild and runs its task during the build. When the assembly is committed beside it and is, declares or
    /// references a catalog AI SDK assembly (<see cref="CarriedSdks.ReadRunInBuild"/>: an MSBuild task compiled against
    /// OpenAI), the SDK runs in the build although no project references it: it is judged as that SDK's package at the
    /// UsingTask element, like an inline task's <c>&lt;Reference&gt;</c>. Paths are resolved from the file's folder with
    /// <c>$(MSBuildThisFileDirectory)</c> and <c>$(MSBuildProjectDirectory)</c>; any other property leaves the path unresolved
    /// (not judged). Tasks a package's build folder ships are the package gate's (<see cref="CarriedSdks.InBuildFolders"/>).
    /// </summary>
    public static class UsingTaskAssemblies
    {
        /// <summary>How such a task brings the SDK into the build, said in the GRD2xx message.</summary>
        public const string Origin = "loaded into MSBuild and run during the build by a UsingTask AssemblyFile in a committed MSBuild file";

        private const long MaxBytes = 4L * 1024 * 1024;

        /// <summary>The SDK packages the UsingTask assemblies of the MSBuild file <paramref name="path"/> bring in; empty when none, too large or unreadable.</summary>
        public static List<DeclaredPackage> Read(string path)
        {
            var found = new List<DeclaredPackage>();
            string? text;
            try
            {
                var info = new FileInfo(path);
                text = info.Exists && info.Length <= MaxBytes ? File.ReadAllText(path) : null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                text = null;
            }

            if (text == null || text.IndexOf("AssemblyFile", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return found;
            }

            string folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? string.Empty;
            try
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
                using (var reader = XmlReader.Create(new StringReader(text), settings))
                {
                    var info = (IXmlLineInfo)reader;
                    while (reader.Read())
                    {
                        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "UsingTask" || !(reader.GetAttribute("AssemblyFile") is string assemblyFile))
                        {
                            continue;
                        }

                        string? file = Resolve(assemblyFile, folder);
                        CarriedSdks.Carried? carried = file == null ? null : CarriedSdks.ReadRunInBuild(file, assemblyFile.Trim(), null);
                        if (carried != null && carried.Sdk.PackageIds.Count > 0)
                        {
                            found.Add(new DeclaredPackage(carried.Sdk.PrimaryPackageId, string.Empty, path, info.LineNumber, Math.Max(1, info.LinePosition - 1))
                            {
                                Kind = Origin + ": " + carried.Evidence,
                            });
                        }
                    }
                }
            }
            catch (XmlException)
            {
                // MSBuild refuses a file that is not well-formed XML too.
            }

            return found;
        }

        /// <summary>The full path <paramref name="value"/> names from <paramref name="folder"/>, or null when it uses another property, an item or a wildcard.</summary>
        private static string? Resolve(string value, string folder)
        {
            string v = value.Trim()
                .Replace("$(MSBuildThisFileDirectory)", folder + Path.DirectorySeparatorChar)
                .Replace("$(MSBuildProjectDirectory)", folder);
            if (v.Length == 0 || v.IndexOf("$(", StringComparison.Ordinal) >= 0 || v.IndexOf("@(", StringComparison.Ordinal) >= 0 ||
                v.IndexOf("%(", StringComparison.Ordinal) >= 0 || v.IndexOf('*') >= 0 || v.IndexOf('?') >= 0)
            {
                return null;
            }

            try
            {
                return Path.GetFullPath(Path.Combine(folder, v.Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar)));
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                return null;
            }
        }
    }
}
