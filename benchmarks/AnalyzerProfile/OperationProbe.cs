using System.Collections.Immutable;
using Guardrails.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

/// <summary>
/// --only OperationProbe (benchmark only, never shipped): what GRD003 on operation callbacks would cost at the least. The
/// same gate as GRD003 (a policy, an unapproved SDK referenced), then operation actions on every invocation, object
/// creation, member reference, conversion and variable declarator, and symbol actions on fields, properties, parameters
/// and method returns; each asks <see cref="UnapprovedSdkSet.TryGetSdk"/> (or TryGetSdkInType for a declared type) and
/// reports PROF002 at the operation. No site logic (no chain at its outermost member, no declared type dropped when its
/// initializer is a use), so more reports than GRD003 and less work: a floor for the approach, with the driver's
/// IOperation trees charged to it (alone, nobody else asks for them).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class OperationProbeAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("PROF002", "operation probe", "'{0}'", "Profile", DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        PolicyGatedAnalysis.RegisterCompilationStart(context, (start, settings, verdicts) =>
        {
            UnapprovedSdkSet? sdks = UnapprovedSdkSet.Create(start.Compilation, verdicts);
            if (sdks == null)
            {
                return;
            }

            start.RegisterOperationAction(
                op =>
                {
                    ISymbol? symbol = op.Operation switch
                    {
                        IInvocationOperation call => call.TargetMethod,
                        IObjectCreationOperation creation => creation.Constructor,
                        IMemberReferenceOperation reference => reference.Member,
                        IConversionOperation { IsImplicit: false } conversion => conversion.Type,
                        IVariableDeclaratorOperation declarator => declarator.Symbol.Type,
                        _ => null,
                    };

                    if (symbol is ITypeSymbol type ? sdks.TryGetSdkInType(type, out _) : sdks.TryGetSdk(symbol, out _))
                    {
                        op.ReportDiagnostic(Diagnostic.Create(Rule, op.Operation.Syntax.GetLocation(), symbol!.Name));
                    }
                },
                OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.PropertyReference, OperationKind.FieldReference,
                OperationKind.EventReference, OperationKind.MethodReference, OperationKind.Conversion, OperationKind.VariableDeclarator);

            start.RegisterSymbolAction(
                s =>
                {
                    ITypeSymbol? type = s.Symbol switch
                    {
                        IFieldSymbol field => field.Type,
                        IPropertySymbol property => property.Type,
                        IParameterSymbol parameter => parameter.Type,
                        IMethodSymbol method => method.ReturnType,
                        _ => null,
                    };

                    if (sdks.TryGetSdkInType(type, out _))
                    {
                        s.ReportDiagnostic(Diagnostic.Create(Rule, s.Symbol.Locations[0], s.Symbol.Name));
                    }
                },
                SymbolKind.Field, SymbolKind.Property, SymbolKind.Parameter, SymbolKind.Method);
        });
    }
}
