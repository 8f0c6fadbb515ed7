using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Guardrails.Core.Sdks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// GRD004: a string used as an address whose host is an AI provider endpoint the policy does not approve.
    /// "Used as an address" means: an argument to a parameter named like an address (<c>new Uri(uriString)</c>,
    /// <c>HttpClient.GetAsync(requestUri)</c>, <c>new HttpRequestMessage(method, requestUri)</c>, an SDK's
    /// <c>endpoint</c>), a value assigned to or initializing a field, property, local or parameter named like an address
    /// (<c>BaseUrl</c>, <c>Endpoint</c>, <c>ApiHost</c>), a configuration default (<c>config["…"] ?? "https://…"</c>,
    /// <c>GetValue(key, defaultValue)</c>, an in-memory configuration entry whose key names an endpoint), or the value
    /// returned by a member named like an address. Values are constant-folded (concatenations, const chains,
    /// interpolations); a run-time hole stands for one unknown label, so <c>$"https://{name}.openai.azure.com"</c> is
    /// Azure OpenAI. Only the host is ever shown: URLs can carry keys in their query string.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class UnapprovedAiEndpointAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Stands for a value known only at run time: one host label.</summary>
        private const string Hole = "x";

        private static readonly string[] AddressWords = { "url", "uri", "endpoint", "address", "host" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnapprovedEndpoint);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();

            // Usage inside generated code is still usage (as BannedApiAnalyzers decides).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            PolicyGatedAnalysis.RegisterCompilationStart(context, (start, settings, approval) =>
            {
                var state = new State(settings, approval);
                start.RegisterOperationAction(state.AnalyzeArgument, OperationKind.Argument);
                start.RegisterOperationAction(state.AnalyzeAssignment, OperationKind.SimpleAssignment);
                start.RegisterOperationAction(state.AnalyzeDeclarator, OperationKind.VariableDeclarator);
                start.RegisterOperationAction(
                    state.AnalyzeMemberInitializer,
                    OperationKind.FieldInitializer,
                    OperationKind.PropertyInitializer,
                    OperationKind.ParameterInitializer);
                start.RegisterOperationAction(state.AnalyzeCoalesce, OperationKind.Coalesce);
                start.RegisterOperationAction(state.AnalyzeReturn, OperationKind.Return);
            });
        }

        private sealed class State
        {
            private readonly GuardrailsSettings _settings;
            private readonly SdkApproval _approval;

            public State(GuardrailsSettings settings, SdkApproval approval)
            {
                _settings = settings;
                _approval = approval;
            }

            public void AnalyzeArgument(OperationAnalysisContext context)
            {
                var argument = (IArgumentOperation)context.Operation;
                if (argument.IsImplicit || argument.Parameter == null || !MightBeText(argument.Value))
                {
                    return;
                }

                string name = argument.Parameter.Name;
                if (IsAddressName(name) || string.Equals(name, "defaultValue", StringComparison.Ordinal))
                {
                    Check(context, argument.Value);
                }
            }

            public void AnalyzeAssignment(OperationAnalysisContext context)
            {
                var assignment = (ISimpleAssignmentOperation)context.Operation;
                if (!MightBeText(assignment.Value))
                {
                    return;
                }

                bool sink = assignment.Target switch
                {
                    IPropertyReferenceOperation { Arguments.Length: > 0 } indexer => IndexerKeyNamesAnAddress(indexer),
                    IMemberReferenceOperation member => IsAddressName(member.Member.Name),
                    ILocalReferenceOperation local => IsAddressName(local.Local.Name),
                    IParameterReferenceOperation parameter => IsAddressName(parameter.Parameter.Name),
                    _ => false,
                };

                if (sink)
                {
                    Check(context, assignment.Value);
                }
            }

            public void AnalyzeDeclarator(OperationAnalysisContext context)
            {
                var declarator = (IVariableDeclaratorOperation)context.Operation;
                IOperation? value = declarator.Initializer?.Value;
                if (value != null && MightBeText(value) && IsAddressName(declarator.Symbol.Name))
                {
                    Check(context, value);
                }
            }

            public void AnalyzeMemberInitializer(OperationAnalysisContext context)
            {
                var initializer = (ISymbolInitializerOperation)context.Operation;
                if (!MightBeText(initializer.Value))
                {
                    return;
                }

                bool sink = initializer switch
                {
                    IFieldInitializerOperation field => field.InitializedFields.Any(f => IsAddressName(f.Name)),
                    IPropertyInitializerOperation property => property.InitializedProperties.Any(p => IsAddressName(p.Name)),
                    IParameterInitializerOperation parameter => IsAddressName(parameter.Parameter.Name),
                    _ => false,
                };

                if (sink)
                {
                    Check(context, initializer.Value);
                }
            }

            /// <summary>`configuration["OpenAI:Endpoint"] ?? "https://api.openai.com/v1"`: a configuration default.</summary>
            public void AnalyzeCoalesce(OperationAnalysisContext context)
            {
                var coalesce = (ICoalesceOperation)context.Operation;
                if (MightBeText(coalesce.WhenNull))
                {
                    Check(context, coalesce.WhenNull);
                }
            }

            public void AnalyzeReturn(OperationAnalysisContext context)
            {
                var ret = (IReturnOperation)context.Operation;
                if (ret.ReturnedValue == null || !MightBeText(ret.ReturnedValue))
                {
                    return;
                }

                ISymbol owner = context.ContainingSymbol;
                string name = owner is IMethodSymbol { AssociatedSymbol: { } associated } ? associated.Name : owner.Name;
                if (IsAddressName(name))
                {
                    Check(context, ret.ReturnedValue);
                }
            }

            private void Check(OperationAnalysisContext context, IOperation value)
            {
                value = Unwrap(value);

                // `new Uri(Endpoint)` with `const string Endpoint = "https://…"`: reported where the constant is declared.
                if ((value is IFieldReferenceOperation field && IsAddressName(field.Field.Name)) ||
                    (value is ILocalReferenceOperation local && IsAddressName(local.Local.Name)))
                {
                    return;
                }

                var text = new StringBuilder();
                if (!Fold(value, text) ||
                    !HostPattern.TryExtractHost(text.ToString(), out string host) ||
                    !_approval.IsUnapprovedEndpoint(host, out string provider, out string? package))
                {
                    return;
                }

                string request = package != null ? "the package " + package + " (or the endpoint " + host + ")" : "the endpoint " + host;
                context.ReportDiagnostic(_settings.Create(
                    Descriptors.UnapprovedEndpoint,
                    value.Syntax.GetLocation(),
                    host,
                    provider,
                    _approval.OwnerContact,
                    request));
            }

            /// <summary>`this["OpenAI:Endpoint"] = …` (in-memory configuration): the key names an address.</summary>
            private static bool IndexerKeyNamesAnAddress(IPropertyReferenceOperation indexer)
            {
                foreach (IArgumentOperation argument in indexer.Arguments)
                {
                    if (argument.Value.ConstantValue.HasValue && argument.Value.ConstantValue.Value is string key && IsAddressName(key))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>Cheap gate before folding: a string-typed value (or a constant) that is not a plain run-time value.</summary>
            private static bool MightBeText(IOperation value)
            {
                value = Unwrap(value);
                if (value.ConstantValue.HasValue)
                {
                    return value.ConstantValue.Value is string;
                }

                return value is IInterpolatedStringOperation ||
                       (value is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary && binary.Type?.SpecialType == SpecialType.System_String);
            }

            /// <summary>Folds constants, concatenations and interpolations; a run-time part becomes one label. False when nothing is constant.</summary>
            private static bool Fold(IOperation operation, StringBuilder text)
            {
                operation = Unwrap(operation);
                if (operation.ConstantValue.HasValue)
                {
                    if (operation.ConstantValue.Value is string constant)
                    {
                        text.Append(constant);
                        return true;
                    }

                    return false;
                }

                switch (operation)
                {
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                        bool left = FoldOrHole(binary.LeftOperand, text);
                        bool right = FoldOrHole(binary.RightOperand, text);
                        return left || right;
                    case IInterpolatedStringOperation interpolated:
                        bool any = false;
                        foreach (IInterpolatedStringContentOperation part in interpolated.Parts)
                        {
                            IOperation piece = part is IInterpolatedStringTextOperation t ? t.Text : ((IInterpolationOperation)part).Expression;
                            any |= FoldOrHole(piece, text);
                        }

                        return any;
                    default:
                        return false;
                }
            }

            private static bool FoldOrHole(IOperation operation, StringBuilder text)
            {
                int length = text.Length;
                if (Fold(operation, text))
                {
                    return true;
                }

                text.Length = length;
                text.Append(Hole);
                return false;
            }

            private static IOperation Unwrap(IOperation operation)
            {
                while (operation is IConversionOperation { IsImplicit: true } conversion)
                {
                    operation = conversion.Operand;
                }

                return operation;
            }

            private static bool IsAddressName(string name)
            {
                foreach (string word in AddressWords)
                {
                    if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }
}
