using System.Collections.Generic;
using System.Collections.Immutable;
using Guardrails.Core.Files;
using Guardrails.Core.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// GRD002: an AI-provider key in a text file the project carries (passed to the compiler as an AdditionalFile: the
    /// package adds appsettings, launchSettings, .env, YAML, XML config, the project file, Directory.Build.props/targets
    /// and MCP configs with no configuration). Generic key-named secrets in those files are reported as GRD006.
    /// Binaries and files over <see cref="TextFileSecrets.MaxLength"/> characters are not read; each is named by GRD007,
    /// also those the build kept back from the compiler (listed in <see cref="SkippedList"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedKeyInFileAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            Descriptors.WithLockedTwins(Descriptors.KeyInFile, Descriptors.PossibleSecret, Descriptors.FileNotScanned);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                GuardrailsSettings settings = GuardrailsSettings.From(start.Options, start.CancellationToken);
                start.RegisterAdditionalFileAction(file => Analyze(file, settings));
            });
        }

        private static void Analyze(AdditionalFileAnalysisContext context, GuardrailsSettings settings)
        {
            string path = context.AdditionalFile.Path;
            if (GuardrailsSettings.IsEffectivePolicyFile(path))
            {
                return;
            }

            // A known binary extension is not read at all: the compiler fails the build (CS2015) when an analyzer
            // reads a binary AdditionalFile.
            if (TextFileSecrets.HasBinaryExtension(path))
            {
                ReportNotScanned(context, path, SkippedList.Binary, 0);
                return;
            }

            SourceText? text = context.AdditionalFile.GetText(context.CancellationToken);
            if (text == null)
            {
                return;
            }

            if (SkippedList.IsSkippedList(path))
            {
                // The files the build kept back from the compiler (binary, too large): named here, not skipped silently.
                foreach ((string reason, long length, string file) in SkippedList.Parse(text.ToString()))
                {
                    // A large text file is scanned by the build's check instead (streaming): it reports the keys there.
                    if (!SkippedList.ScannedByCheck(reason))
                    {
                        ReportNotScanned(context, file, reason, length);
                    }
                }

                return;
            }

            if (text.Length > TextFileSecrets.MaxLength)
            {
                ReportNotScanned(context, path, SkippedList.TooLarge, text.Length);
                return;
            }

            var matches = new List<SecretMatch>();
            string content = text.ToString();
            if (TextFileSecrets.Scan(path, content, matches) == TextFileKind.Skipped)
            {
                ReportNotScanned(context, path, SkippedList.Binary, text.Length);
                return;
            }

            if (InlineTaskCode.MayHold(path, content))
            {
                ReportInlineTaskCode(context, settings, path, text, content);
            }

            bool derived = IsRuntimeOptionsListing(path);
            foreach (SecretMatch match in matches)
            {
                // The listing of the values the build writes into runtimeconfig.json holds them as they came from some
                // property: a key that a scanned file (the project, an imported .props, Directory.Build.rsp) holds is
                // reported there, at its source, once; the listing reports only the keys no scanned file holds (an
                // environment variable, a property built from pieces).
                if (derived && HeldByAnotherScannedFile(context, path, text.ToString(new TextSpan(match.Start, match.Length))))
                {
                    continue;
                }

                var span = new TextSpan(match.Start, match.Length);
                Location location = Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
                context.ReportDiagnostic(match.Format.IsGeneric
                    ? settings.Create(Descriptors.PossibleSecret, location, match.Format.TokenKind, match.Redacted)
                    : settings.Create(Descriptors.KeyInFile, location, match.Format.Provider, match.Format.TokenKind, match.Redacted, match.Format.EnvironmentVariable, match.Format.RotateUrl));
            }
        }

        /// <summary>
        /// The keys the C# of an MSBuild file's inline tasks joins from pieces (adversary round 12 route 10 variant:
        /// <c>var k = "sk-proj-…" + "…";</c> in a <c>RoslynCodeTaskFactory</c> task), folded as C# is
        /// (<see cref="InlineTaskCode"/>), reported at the expression that joins them. Self-identifying formats only (a key
        /// written whole in one literal is the raw scan's, reported once).
        /// </summary>
        private static void ReportInlineTaskCode(AdditionalFileAnalysisContext context, GuardrailsSettings settings, string path, SourceText text, string content)
        {
            var found = new List<SecretMatch>();
            foreach ((TextSpan span, string value) in InlineTaskCode.JoinedStrings(content, context.Compilation, context.CancellationToken))
            {
                found.Clear();
                SecretScanner.Scan(value, found);
                string written = content.Substring(span.Start, span.Length);
                foreach (SecretMatch match in found)
                {
                    if (match.Format.IsGeneric || written.IndexOf(value.Substring(match.Start, match.Length), System.StringComparison.Ordinal) >= 0)
                    {
                        continue;
                    }

                    Location location = Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
                    context.ReportDiagnostic(settings.Create(Descriptors.KeyInFile, location, match.Format.Provider, match.Format.TokenKind, match.Redacted, match.Format.EnvironmentVariable, match.Format.RotateUrl));
                }
            }
        }

        /// <summary>The file Guardrails.targets writes with the RuntimeHostConfigurationOption values of the build.</summary>
        internal const string RuntimeOptionsFileName = "guardrails.runtimeconfig-options.txt";

        internal static bool IsRuntimeOptionsListing(string path) =>
            string.Equals(System.IO.Path.GetFileName(path), RuntimeOptionsFileName, System.StringComparison.OrdinalIgnoreCase);

        private static bool HeldByAnotherScannedFile(AdditionalFileAnalysisContext context, string path, string key)
        {
            foreach (AdditionalText other in context.Options.AdditionalFiles)
            {
                if (string.Equals(other.Path, path, System.StringComparison.Ordinal) || GuardrailsSettings.IsEffectivePolicyFile(other.Path) ||
                    SkippedList.IsSkippedList(other.Path) || IsRuntimeOptionsListing(other.Path) || TextFileSecrets.HasBinaryExtension(other.Path))
                {
                    continue;
                }

                SourceText? text = other.GetText(context.CancellationToken);
                string content = text == null || text.Length > TextFileSecrets.MaxLength ? string.Empty : text.ToString();
                if (content.IndexOf(key, System.StringComparison.Ordinal) < 0)
                {
                    continue;
                }

                // Reported there only when the scan of that file finds this very key (its own analysis reports it).
                var found = new List<SecretMatch>();
                if (TextFileSecrets.Scan(other.Path, content, found) != TextFileKind.Skipped &&
                    found.Exists(m => string.Equals(content.Substring(m.Start, m.Length), key, System.StringComparison.Ordinal)))
                {
                    return true;
                }
            }

            return false;
        }

        private static void ReportNotScanned(AdditionalFileAnalysisContext context, string path, string reason, long length)
        {
            Location location = Location.Create(path, default(TextSpan), default(LinePositionSpan));
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.FileNotScanned, location, System.IO.Path.GetFileName(path), SkippedList.Describe(reason, length)));
        }
    }
}
