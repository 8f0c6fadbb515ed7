using System;
using System.Collections.Generic;
using System.IO;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>
    /// A .NET 10 file-based app: a .cs file run on its own (<c>dotnet run tool.cs</c>, or <c>./tool.cs</c> with a
    /// <c>#!/usr/bin/env dotnet</c> first line) whose <c>#:</c> directives stand in for a project file:
    /// <c>#:package Id@Version</c>, <c>#:sdk Name@Version</c>, <c>#:property Name=Value</c>, <c>#:project path</c>.
    /// No project of the repository includes it, so no build of the repository judges it (adversary round 6 #14); the SDK
    /// builds it as a virtual project that imports the Directory.Build.props/.targets and Directory.Packages.props above it
    /// (checked on the .NET 10 SDK: a <c>#:property</c> lands after Directory.Build.props, like a property in a project body).
    /// Read here as data (never evaluated): the directives with their 1-based line and column.
    /// </summary>
    public sealed class FileBasedApp
    {
        /// <summary>The most bytes of a .cs file read for directives (a file-based app is a script, not a generated file).</summary>
        public const long MaxBytes = 4 * 1024 * 1024;

        private FileBasedApp(string path)
        {
            Path = path;
        }

        public string Path { get; }

        /// <summary>The first line is <c>#!</c>: the file runs as an executable script.</summary>
        public bool Shebang { get; private set; }

        public List<Directive> Directives { get; } = new List<Directive>();

        /// <summary>One <c>#:kind rest</c> line: for package and sdk the name and the version after '@' (empty when none), for property the name and the value after '=' (or the first space), for project the path.</summary>
        public sealed class Directive
        {
            public Directive(string kind, string name, string value, int line, int column)
            {
                Kind = kind;
                Name = name;
                Value = value;
                Line = line;
                Column = column;
            }

            /// <summary>package, sdk, property, project, or another word the SDK may add.</summary>
            public string Kind { get; }

            public string Name { get; }

            /// <summary>Untrusted: never printed except through redaction.</summary>
            public string Value { get; }

            public int Line { get; }

            public int Column { get; }
        }

        /// <summary>The app in <paramref name="text"/> (the content of <paramref name="path"/>), or null when the file has no <c>#:</c> directive and no shebang line.</summary>
        public static FileBasedApp? Parse(string path, string text)
        {
            FileBasedApp? app = null;
            int line = 1;
            int start = 0;
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                start = 1;
            }

            while (start <= text.Length)
            {
                int end = text.IndexOf('\n', start);
                if (end < 0)
                {
                    end = text.Length;
                }

                int i = start;
                while (i < end && (text[i] == ' ' || text[i] == '\t'))
                {
                    i++;
                }

                if (line == 1 && i == start && end - i >= 2 && text[i] == '#' && text[i + 1] == '!')
                {
                    (app ??= new FileBasedApp(path)).Shebang = true;
                }
                else if (end - i >= 2 && text[i] == '#' && text[i + 1] == ':')
                {
                    // A '#:' line is no C# of any other kind: every one is a directive, wherever it stands (the SDK refuses
                    // one after code, and a refused file is still committed).
                    string body = text.Substring(i + 2, end - i - 2).TrimEnd('\r', ' ', '\t');
                    int space = IndexOfSpace(body);
                    string kind = (space < 0 ? body : body.Substring(0, space)).ToLowerInvariant();
                    string rest = space < 0 ? string.Empty : body.Substring(space + 1).Trim();
                    string name = rest;
                    string value = string.Empty;
                    char separator = kind == "property" ? '=' : kind == "package" || kind == "sdk" ? '@' : '\0';
                    if (separator != '\0')
                    {
                        int at = rest.IndexOf(separator);
                        if (at < 0 && kind == "property")
                        {
                            at = IndexOfSpace(rest); // the preview form: #:property Name Value
                        }

                        if (at >= 0)
                        {
                            name = rest.Substring(0, at).Trim();
                            value = rest.Substring(at + 1).Trim();
                        }
                    }

                    (app ??= new FileBasedApp(path)).Directives.Add(new Directive(kind, name, value, line, i - start + 1));
                }

                start = end + 1;
                line++;
            }

            return app;
        }

        /// <summary>The app in the .cs file at <paramref name="path"/>, or null (no directive, too large, unreadable).</summary>
        public static FileBasedApp? Read(string path)
        {
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists || info.Length > MaxBytes)
                {
                    return null;
                }

                string text = File.ReadAllText(path);
                return text.IndexOf("#:", StringComparison.Ordinal) < 0 && !text.StartsWith("#!", StringComparison.Ordinal) && !text.StartsWith("\uFEFF#!", StringComparison.Ordinal)
                    ? null
                    : Parse(path, text);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>The packages the app references (<c>#:package</c>), where each is written.</summary>
        public List<DeclaredPackage> Packages()
        {
            var packages = new List<DeclaredPackage>();
            foreach (Directive d in Directives)
            {
                if (d.Kind == "package" && d.Name.Length > 0)
                {
                    packages.Add(new DeclaredPackage(d.Name, d.Value, Path, d.Line, d.Column));
                }
            }

            return packages;
        }

        /// <summary>
        /// The packages restore downloads for the app: its <c>#:package</c> directives and each <c>#:sdk Name@Version</c> (an
        /// SDK with a version is a NuGet package whose props and targets run in the app's build), where each is written.
        /// </summary>
        public List<DeclaredPackage> RestoredPackages()
        {
            List<DeclaredPackage> packages = Packages();
            foreach (Directive d in Directives)
            {
                if (d.Kind == "sdk" && d.Name.Length > 0 && d.Value.Length > 0)
                {
                    packages.Add(new DeclaredPackage(d.Name, d.Value, Path, d.Line, d.Column));
                }
            }

            return packages;
        }

        /// <summary>How a file-based app brings its packages in, said in the GRD2xx message.</summary>
        public static string Origin(string path) =>
            "referenced by a #:package directive of a file-based app (dotnet run " + System.IO.Path.GetFileName(path) + "), which no project of the repository builds";

        /// <summary>The last value the app gives the property <paramref name="name"/> (<c>#:property</c>, names compared ignoring case, as MSBuild does), or null.</summary>
        public Directive? Property(string name)
        {
            Directive? found = null;
            foreach (Directive d in Directives)
            {
                if (d.Kind == "property" && d.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
                {
                    found = d;
                }
            }

            return found;
        }

        private static int IndexOfSpace(string s)
        {
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] == ' ' || s[i] == '\t')
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
