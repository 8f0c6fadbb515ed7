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
    /// Binaries and files over <see cref="TextFileSecrets.MaxLength"/> characters are skipped silently (see docs/rules/GRD002.md).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardcodedKeyInFileAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.KeyInFile, Descriptors.PossibleSecret);

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

            SourceText? text = context.AdditionalFile.GetText(context.CancellationToken);
            if (text == null || text.Length > TextFileSecrets.MaxLength)
            {
                return;
            }

            var matches = new List<SecretMatch>();
            TextFileSecrets.Scan(path, text.ToString(), matches);
            foreach (SecretMatch match in matches)
            {
                var span = new TextSpan(match.Start, match.Length);
                Location location = Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
                context.ReportDiagnostic(match.Format.IsGeneric
                    ? settings.Create(Descriptors.PossibleSecret, location, match.Format.TokenKind, match.Redacted)
                    : settings.Create(Descriptors.KeyInFile, location, match.Format.Provider, match.Format.TokenKind, match.Redacted, match.Format.EnvironmentVariable, match.Format.RotateUrl));
            }
        }
    }
}
