using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Guardrails.Core.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// GRD005: `#pragma warning disable GRD…` and `[SuppressMessage("…", "GRD…")]` (any target, assembly-level included)
    /// when the effective policy says suppression.allowed=false. Silent with no policy (governance needs a policy),
    /// and for ids listed as suppression.waived (a waiver in the policy covers them).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ForbiddenLocalSuppressionAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Effective-policy key written by the build task: "true" or "false".</summary>
        public const string AllowedKey = "suppression.allowed";

        /// <summary>Effective-policy key (repeatable): a Guardrails id whose local suppression a waiver covers.</summary>
        public const string WaivedKey = "suppression.waived";

        private const string IdPrefix = "GRD";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ForbiddenLocalSuppression);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // A suppression in generated code hides findings just the same.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
            {
                GuardrailsSettings settings = GuardrailsSettings.From(start.Options, start.CancellationToken);
                EffectivePolicy? policy = settings.Policy;
                if (policy == null || !policy.HasPolicy || !string.Equals(policy.Get(AllowedKey), "false", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }

                var waived = new HashSet<string>(policy.GetAll(WaivedKey), StringComparer.OrdinalIgnoreCase);
                start.RegisterSyntaxTreeAction(tree => AnalyzePragmas(tree, settings, waived));
                start.RegisterSyntaxNodeAction(node => AnalyzeAttribute(node, settings, waived), SyntaxKind.Attribute);
            });
        }

        private static void AnalyzePragmas(SyntaxTreeAnalysisContext context, GuardrailsSettings settings, HashSet<string> waived)
        {
            SyntaxNode root = context.Tree.GetRoot(context.CancellationToken);
            if (!root.ContainsDirectives)
            {
                return;
            }

            foreach (SyntaxTrivia trivia in root.DescendantTrivia(descendIntoTrivia: false))
            {
                if (!trivia.IsKind(SyntaxKind.PragmaWarningDirectiveTrivia) ||
                    !(trivia.GetStructure() is PragmaWarningDirectiveTriviaSyntax pragma) ||
                    !pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword))
                {
                    continue;
                }

                context.CancellationToken.ThrowIfCancellationRequested();
                if (pragma.ErrorCodes.Count == 0)
                {
                    // "#pragma warning disable" with no ids disables every warning, Guardrails' included.
                    context.ReportDiagnostic(settings.Create(Descriptors.ForbiddenLocalSuppression, pragma.DisableOrRestoreKeyword.GetLocation(), "#pragma warning disable (no ids)", "every Guardrails diagnostic"));
                    continue;
                }

                foreach (ExpressionSyntax code in pragma.ErrorCodes)
                {
                    string id = code.ToString().Trim();
                    if (IsGuardrailsId(id) && !waived.Contains(id))
                    {
                        context.ReportDiagnostic(settings.Create(Descriptors.ForbiddenLocalSuppression, code.GetLocation(), "#pragma warning disable", id.ToUpperInvariant()));
                    }
                }
            }
        }

        private static void AnalyzeAttribute(SyntaxNodeAnalysisContext context, GuardrailsSettings settings, HashSet<string> waived)
        {
            var attribute = (AttributeSyntax)context.Node;

            // Cheap syntactic prefilter: the constructor takes two arguments. The name is not a filter: a using alias
            // (using Quiet = System.Diagnostics.CodeAnalysis.SuppressMessageAttribute;) can call it anything.
            string name = attribute.Name is QualifiedNameSyntax qualified ? qualified.Right.Identifier.ValueText
                : attribute.Name is AliasQualifiedNameSyntax alias ? alias.Name.Identifier.ValueText
                : attribute.Name is SimpleNameSyntax simple ? simple.Identifier.ValueText
                : string.Empty;
            if (attribute.ArgumentList == null || attribute.ArgumentList.Arguments.Count < 2)
            {
                return;
            }

            if (!(context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken).Symbol is IMethodSymbol constructor) ||
                !IsSuppressMessageAttribute(constructor.ContainingType))
            {
                return;
            }

            // SuppressMessage(category, checkId): checkId is "GRD001" or "GRD001:Title", by position or by name (checkId: "GRD001").
            AttributeArgumentSyntax? checkIdArgument = CheckIdArgument(attribute.ArgumentList, constructor);
            if (checkIdArgument == null)
            {
                return;
            }

            Optional<object?> value = context.SemanticModel.GetConstantValue(checkIdArgument.Expression, context.CancellationToken);
            if (!value.HasValue || !(value.Value is string checkId))
            {
                return;
            }

            int colon = checkId.IndexOf(':');
            string id = (colon >= 0 ? checkId.Substring(0, colon) : checkId).Trim();
            if (IsGuardrailsId(id) && !waived.Contains(id))
            {
                context.ReportDiagnostic(settings.Create(Descriptors.ForbiddenLocalSuppression, checkIdArgument.GetLocation(), "[" + name + "]", id.ToUpperInvariant()));
            }
        }

        private static AttributeArgumentSyntax? CheckIdArgument(AttributeArgumentListSyntax list, IMethodSymbol constructor)
        {
            int position = 0;
            foreach (AttributeArgumentSyntax argument in list.Arguments)
            {
                if (argument.NameEquals != null)
                {
                    continue; // a property (Justification = ...), not a constructor argument
                }

                string? parameter = argument.NameColon != null ? argument.NameColon.Name.Identifier.ValueText
                    : position < constructor.Parameters.Length ? constructor.Parameters[position].Name
                    : null;
                position++;
                if (string.Equals(parameter, "checkId", StringComparison.Ordinal))
                {
                    return argument;
                }
            }

            return null;
        }

        private static bool IsSuppressMessageAttribute(INamedTypeSymbol? type) =>
            type != null &&
            (type.Name == "SuppressMessageAttribute" || type.Name == "UnconditionalSuppressMessageAttribute") &&
            type.ContainingNamespace?.ToDisplayString() == "System.Diagnostics.CodeAnalysis";

        /// <summary>"GRD" followed by digits only (GRD001, grd123).</summary>
        private static bool IsGuardrailsId(string id)
        {
            if (id.Length <= IdPrefix.Length || !id.StartsWith(IdPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            for (int i = IdPrefix.Length; i < id.Length; i++)
            {
                if (id[i] < '0' || id[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
