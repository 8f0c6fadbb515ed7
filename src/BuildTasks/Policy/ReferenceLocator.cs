using System;
using System.Collections.Generic;
using System.IO;
using System.Xml;
using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Policy
{
    /// <summary>Where a package reference is written: a file and a 1-based line and column.</summary>
    public sealed class ReferenceLocation
    {
        public ReferenceLocation(string file, int line, int column)
        {
            File = file;
            Line = line;
            Column = column;
        }

        public string File { get; }

        public int Line { get; }

        public int Column { get; }
    }

    /// <summary>
    /// The one reader of package references in MSBuild files. Finds the element that references a package, so GRD2xx can point where a developer fixes it: a
    /// <c>PackageReference</c> (Include or Update) in the project file, then in the nearest Directory.Build.props and
    /// Directory.Build.targets above it, then a <c>GlobalPackageReference</c> or <c>PackageVersion</c> in the nearest
    /// Directory.Packages.props. Unreadable or malformed files are skipped (the build has already read them).
    /// </summary>
    public sealed class ReferenceLocator
    {
        /// <summary>Project files larger than this are not searched (the assets file location is used instead).</summary>
        private const long MaxBytes = 4L * 1024 * 1024;

        private readonly List<string> _files = new List<string>();
        private readonly Dictionary<string, List<(string Element, string Id, string? Version, int Line, int Column)>?> _elements =
            new Dictionary<string, List<(string, string, string?, int, int)>?>(StringComparer.OrdinalIgnoreCase);

        public ReferenceLocator(string? projectFile)
        {
            if (string.IsNullOrWhiteSpace(projectFile))
            {
                return;
            }

            _files.Add(projectFile!);
            string? dir = SafeDirectory(projectFile!);
            foreach (string name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
            {
                string? found = Nearest(dir, name);
                if (found != null)
                {
                    _files.Add(found);
                }
            }
        }

        /// <summary>
        /// The packages a project file references itself (PackageReference Include or Update), each with the version
        /// written on it (attribute or child element) or else the PackageVersion of the nearest Directory.Packages.props
        /// at or above the project folder, searched no higher than <paramref name="stopAt"/> (null: to the root); used
        /// when the project was never restored. An unreadable file gives none.
        /// </summary>
        public static List<DeclaredPackage> Declared(string projectFile, string? stopAt)
        {
            var result = new List<DeclaredPackage>();
            Dictionary<string, string>? central = null;
            foreach ((string Element, string Id, string? Version, int Line, int Column) e in Read(projectFile) ?? new List<(string, string, string?, int, int)>())
            {
                if (e.Element == DownloadElement || e.Element == FolderReferenceElement)
                {
                    result.Add(new DeclaredPackage(e.Id, (e.Version ?? string.Empty).Trim(), projectFile, e.Line, e.Column)
                    {
                        Kind = e.Element == DownloadElement
                            ? DownloadKind
                            : "referenced by a path into the NuGet package folder (a Reference with a hint path), which no restore judges",
                    });
                    continue;
                }

                if (e.Element != "PackageReference")
                {
                    continue;
                }

                string? version = e.Version;
                if (string.IsNullOrWhiteSpace(version))
                {
                    central ??= CentralVersions(SafeDirectory(projectFile), stopAt);
                    central.TryGetValue(e.Id, out version);
                }

                result.Add(new DeclaredPackage(e.Id, (version ?? string.Empty).Trim(), projectFile, e.Line, e.Column));
            }

            return result;
        }

        private static Dictionary<string, string> CentralVersions(string? projectDirectory, string? stopAt)
        {
            var versions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            string? file = Nearest(projectDirectory, "Directory.Packages.props", stopAt);
            foreach ((string Element, string Id, string? Version, int Line, int Column) e in (file == null ? null : Read(file)) ?? new List<(string, string, string?, int, int)>())
            {
                if (e.Element == "PackageVersion" && e.Version != null)
                {
                    versions[e.Id] = e.Version;
                }
            }

            return versions;
        }

        public ReferenceLocation? Find(string packageId)
        {
            foreach (string element in new[] { "PackageReference", "GlobalPackageReference", "PackageVersion", DownloadElement })
            {
                foreach (string file in _files)
                {
                    foreach ((string Element, string Id, string? Version, int Line, int Column) e in Elements(file))
                    {
                        if (e.Element == element && string.Equals(e.Id, packageId, StringComparison.OrdinalIgnoreCase))
                        {
                            return new ReferenceLocation(file, e.Line, e.Column);
                        }
                    }
                }
            }

            return null;
        }

        private List<(string Element, string Id, string? Version, int Line, int Column)> Elements(string file)
        {
            if (_elements.TryGetValue(file, out List<(string, string, string?, int, int)>? cached))
            {
                return cached ?? new List<(string, string, string?, int, int)>();
            }

            List<(string, string, string?, int, int)>? list = Read(file);
            _elements[file] = list;
            return list ?? new List<(string, string, string?, int, int)>();
        }

        private static List<(string, string, string?, int, int)>? Read(string file)
        {
            try
            {
                LoadedFile? loaded = SourceFile.TryLoad(file, MaxBytes, out _, out _);
                if (loaded == null)
                {
                    return null;
                }

                var list = new List<(string, string, string?, int, int)>();
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
                using (var bytes = new MemoryStream(loaded.Bytes, writable: false))
                using (XmlReader reader = XmlReader.Create(bytes, settings))
                {
                    var info2 = (IXmlLineInfo)reader;
                    while (reader.Read())
                    {
                        if (reader.NodeType != XmlNodeType.Element)
                        {
                            continue;
                        }

                        string name = reader.LocalName;
                        if (name != "PackageReference" && name != "GlobalPackageReference" && name != "PackageVersion" && name != DownloadElement && name != "Reference")
                        {
                            continue;
                        }

                        // The element's '<' is one column left of its name.
                        int line = info2.LineNumber;
                        int column = Math.Max(1, info2.LinePosition - 1);
                        if (name == "Reference")
                        {
                            string? hint = reader.GetAttribute("HintPath") ?? (reader.IsEmptyElement ? null : ChildText(reader, "HintPath"));
                            if ((PackageFolderPath(hint) ?? PackageFolderPath(reader.GetAttribute("Include"))) is { } package)
                            {
                                list.Add((FolderReferenceElement, package.Id, package.Version, line, column));
                            }

                            continue;
                        }

                        string? ids = reader.GetAttribute("Include") ?? reader.GetAttribute("Update");
                        string? version = reader.GetAttribute("Version") ?? (reader.IsEmptyElement ? null : VersionElement(reader));
                        foreach (string id in (ids ?? string.Empty).Split(';'))
                        {
                            if (id.Trim().Length > 0)
                            {
                                list.Add((name, id.Trim(), version, line, column));
                            }
                        }
                    }
                }

                return list;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is XmlException || e is ArgumentException || e is NotSupportedException)
            {
                return null;
            }
        }

        private const string DownloadElement = "PackageDownload";

        /// <summary>How a PackageDownload brings a package in, said in GRD2xx messages by the scan and the build alike.</summary>
        public const string DownloadKind = "downloaded by a PackageDownload in the project file, which no restore judges (its assemblies reach the compiler by a hint-path Reference)";

        /// <summary>A Reference whose path points into the package folder (not an MSBuild element name).</summary>
        private const string FolderReferenceElement = "Reference (package folder)";

        /// <summary>The package id and version of a path into the NuGet package folder (one reader: <see cref="Foundation.PackageFolderPaths"/>).</summary>
        internal static (string Id, string Version)? PackageFolderPath(string? path) => Foundation.PackageFolderPaths.Parse(path);

        private static string? VersionElement(XmlReader reader) => ChildText(reader, "Version");

        /// <summary>The text of a child element of the element the reader is on (the reader stays on that element).</summary>
        private static string? ChildText(XmlReader reader, string child)
        {
            using (XmlReader inner = reader.ReadSubtree())
            {
                inner.Read();
                while (inner.Read())
                {
                    if (inner.NodeType == XmlNodeType.Element && inner.Depth == 1 && inner.LocalName == child)
                    {
                        return inner.ReadElementContentAsString();
                    }
                }
            }

            return null;
        }

        private static string? Nearest(string? dir, string name, string? stopAt = null)
        {
            int guard = 0;
            while (!string.IsNullOrEmpty(dir) && guard++ < 64)
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }

                if (stopAt != null && string.Equals(dir!.TrimEnd(Path.DirectorySeparatorChar), stopAt.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
                {
                    return null;
                }

                dir = SafeDirectory(dir!);
            }

            return null;
        }

        private static string? SafeDirectory(string path)
        {
            try
            {
                return Path.GetDirectoryName(Path.GetFullPath(path));
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException || e is System.Security.SecurityException)
            {
                return null;
            }
        }
    }
}
