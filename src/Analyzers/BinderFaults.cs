using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// The compiler's own faults that an analyzer must survive. Roslyn 4.8's binder (the compiler these analyzers are built
    /// against, and the one inside .NET 8.0.1xx SDKs and Visual Studio 17.8) throws "This program location is thought to be
    /// unreachable" (an InvalidOperationException from FunctionTypeSymbol) when asked for the operation of any node of a
    /// method that holds an implicitly typed lambda with no delegate type to convert to (its target's type is missing,
    /// <c>var</c> or <c>object</c>: CS8917) whose block returns both a value and a lambda. Such code does not compile, but
    /// an IDE analyzes it while packages restore, and a compilation without a package has it (dotnet/extensions without
    /// Polly: benchmarks/RealCodeScan). There the compiler cannot tell what the node is, so no operation is returned and
    /// each caller keeps the verdict it has without one (its syntactic verdict, or no finding); nothing else is caught.
    /// </summary>
    internal static class BinderFaults
    {
        /// <summary><see cref="SemanticModel.GetOperation"/>, or null where the 4.8 binder fails on the node's method.</summary>
        public static IOperation? OperationOrNull(this SemanticModel model, SyntaxNode node, CancellationToken cancellationToken)
        {
            try
            {
#pragma warning disable RS0030 // the one place GetOperation is called
                return model.GetOperation(node, cancellationToken);
#pragma warning restore RS0030
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        /// <summary>
        /// The type of <paramref name="expression"/> (<see cref="TypeInfo.Type"/>), or null where the 4.8 binder fails on the
        /// node's method: GetTypeInfo throws on the same CS8917 lambda shape as GetOperation.
        /// </summary>
        public static ITypeSymbol? TypeOrNull(this SemanticModel model, Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax expression, CancellationToken cancellationToken)
        {
            try
            {
#pragma warning disable RS0030 // the one place GetTypeInfo is called
                return Microsoft.CodeAnalysis.CSharp.CSharpExtensions.GetTypeInfo(model, expression, cancellationToken).Type;
#pragma warning restore RS0030
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }
}
