using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// A type written where Microsoft.Extensions.DependencyInjection creates it: the container (or ActivatorUtilities)
    /// calls the type's constructor, so <c>services.AddSingleton&lt;OpenAIClient&gt;()</c>, <c>AddKeyedSingleton&lt;OpenAIClient&gt;(key)</c>,
    /// <c>TryAddSingleton&lt;OpenAIClient&gt;()</c>, <c>AddSingleton(typeof(OpenAIClient))</c>, <c>ServiceDescriptor.Singleton&lt;I, OpenAIClient&gt;()</c>,
    /// <c>AddHttpClient&lt;OpenAIClient&gt;()</c> and <c>ActivatorUtilities.CreateInstance&lt;OpenAIClient&gt;(sp, …)</c> create that
    /// client as <c>new OpenAIClient(…)</c> would. Registering a factory (<c>AddSingleton&lt;OpenAIClient&gt;(sp =&gt; …)</c>) or an
    /// instance creates nothing here (the factory's own <c>new</c> is the use), and resolving (<c>GetRequiredService&lt;T&gt;()</c>)
    /// creates nothing either. Decided from the method's own signature, declared in the
    /// <c>Microsoft.Extensions.DependencyInjection</c> namespaces: which type parameter or <c>Type</c> parameter is the one
    /// activated (<c>TImplementation</c>, <c>implementationType</c>, <c>instanceType</c>, or the service type itself when the method
    /// has no implementation, factory or instance).
    /// Reflection creates it the same way: <c>Activator.CreateInstance&lt;OpenAIClient&gt;()</c>,
    /// <c>Activator.CreateInstance(typeof(OpenAIClient), key)</c>, <c>Expression.New(typeof(OpenAIClient))</c>,
    /// <c>RuntimeHelpers.GetUninitializedObject(typeof(OpenAIClient))</c>, <c>typeof(OpenAIClient).GetConstructor(…)!.Invoke(…)</c> and
    /// <c>typeof(OpenAIClient).InvokeMember(…)</c>
    /// (the <c>typeof</c> written at the call: a <c>Type</c> kept in a variable first is not followed).
    /// </summary>
    internal static class DependencyInjectionActivation
    {
        private const string Namespace = "Microsoft.Extensions.DependencyInjection";

        /// <summary>
        /// The registration or activation that creates the type written at <paramref name="typeSyntax"/> (a type argument
        /// of a generic method, or the operand of a <c>typeof</c> passed as an argument), and the span to report: from the
        /// method's name to the end of the call, or the whole <c>new ServiceDescriptor(…)</c>.
        /// </summary>
        public static bool TryFind(SyntaxNode typeSyntax, SemanticModel model, CancellationToken ct, out SyntaxNode use, out TextSpan span)
        {
            use = null!;
            span = default;
            if (typeSyntax.Parent is TypeArgumentListSyntax list && list.Parent is GenericNameSyntax generic && typeSyntax is TypeSyntax argument)
            {
                SyntaxNode callee = generic.Parent is MemberAccessExpressionSyntax access && access.Name == generic ? access
                    : generic.Parent is MemberBindingExpressionSyntax binding && binding.Name == generic ? binding
                    : generic;
                if (!(callee.Parent is InvocationExpressionSyntax invocation) || invocation.Expression != callee)
                {
                    return false;
                }

                SymbolInfo info = model.GetSymbolInfo(invocation, ct);
                if (!((info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null)) is IMethodSymbol method))
                {
                    return false;
                }

                int index = list.Arguments.IndexOf(argument);
                method = (method.ReducedFrom ?? method).OriginalDefinition;
                if (index < 0 || index >= method.TypeParameters.Length || !IsActivation(method) || !Activates(method, method.TypeParameters[index]))
                {
                    return false;
                }

                use = invocation;
                span = TextSpan.FromBounds(generic.SpanStart, invocation.Span.End);
                return true;
            }

            if (typeSyntax.Parent is TypeOfExpressionSyntax typeOf && typeOf.Parent is ArgumentSyntax typeArgument &&
                typeArgument.Parent is ArgumentListSyntax { Parent: ExpressionSyntax call } &&
                (call is InvocationExpressionSyntax || call is ObjectCreationExpressionSyntax) &&
                model.OperationOrNull(typeArgument, ct) is IArgumentOperation { Parameter: { } parameter } &&
                parameter.ContainingSymbol is IMethodSymbol target)
            {
                target = (target.ReducedFrom ?? target).OriginalDefinition;
                if (!IsActivation(target) || !Activates(target, parameter.Name))
                {
                    return false;
                }

                use = call;
                span = call is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invoked
                    ? TextSpan.FromBounds(member.Name.SpanStart, invoked.Span.End)
                    : call.Span;
                return true;
            }

            // typeof(T).GetConstructor(…) / GetConstructors(): reported from that name to the end of the chain it starts
            // (`.Invoke(…)`, `[0]`, `!`), where the constructor is called. typeof(T).InvokeMember(…) runs T's constructor
            // with BindingFlags.CreateInstance (adversary round 6 #5) and any static member of T otherwise: a use that creates.
            if (typeSyntax.Parent is TypeOfExpressionSyntax ctorOwner && ctorOwner.Parent is MemberAccessExpressionSyntax getter && getter.Expression == ctorOwner &&
                (getter.Name.Identifier.ValueText == "GetConstructor" || getter.Name.Identifier.ValueText == "GetConstructors" ||
                 getter.Name.Identifier.ValueText == "InvokeMember") &&
                getter.Parent is InvocationExpressionSyntax getCall && getCall.Expression == getter &&
                model.GetSymbolInfo(getCall, ct).Symbol is IMethodSymbol { ContainingType: { Name: "Type", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } })
            {
                SyntaxNode end = getCall;
                while (true)
                {
                    SyntaxNode? parent = end.Parent;
                    if ((parent is MemberAccessExpressionSyntax next && next.Expression == end) ||
                        (parent is InvocationExpressionSyntax called && called.Expression == end) ||
                        (parent is ElementAccessExpressionSyntax indexed && indexed.Expression == end) ||
                        (parent is PostfixUnaryExpressionSyntax suppressed && suppressed.Operand == end))
                    {
                        end = parent;
                        continue;
                    }

                    break;
                }

                use = getCall;
                span = TextSpan.FromBounds(getter.Name.SpanStart, end.Span.End);
                return true;
            }

            return false;
        }

        /// <summary>
        /// The <c>Type</c> parameter <paramref name="parameter"/> of <paramref name="method"/> is a type the call creates
        /// (Activator.CreateInstance's and GetUninitializedObject's <c>type</c>, Expression.New's type, ActivatorUtilities'
        /// <c>instanceType</c>, a registration's <c>implementationType</c> or lone service type): the same decision as for a
        /// <c>typeof</c> written there, for a type computed at run time (<see cref="ReflectionSdkLoads"/>, under a route).
        /// </summary>
        public static bool CreatesTypeGivenTo(IMethodSymbol method, IParameterSymbol parameter)
        {
            if (!(parameter.Type is INamedTypeSymbol { Name: "Type", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }))
            {
                return false;
            }

            IMethodSymbol target = (method.ReducedFrom ?? method).OriginalDefinition;
            return IsActivation(target) && (Activates(target, parameter.Name) ||
                (target.Name == "New" && target.ContainingType?.Name == "Expression"));
        }

        /// <summary>
        /// A registration (Add*, TryAdd*, ServiceDescriptor) or ActivatorUtilities' creation, declared by
        /// Microsoft.Extensions.DependencyInjection; or a reflection creation (System.Activator.CreateInstance,
        /// System.Linq.Expressions.Expression.New, RuntimeHelpers/FormatterServices.GetUninitializedObject).
        /// </summary>
        private static bool IsActivation(IMethodSymbol method)
        {
            string ns = method.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            string declaring = method.ContainingType?.Name ?? string.Empty;
            if (IsReflectionCreation(ns, declaring, method.Name))
            {
                return true;
            }

            if (!(ns == Namespace || ns.StartsWith(Namespace + ".", StringComparison.Ordinal)))
            {
                return false;
            }

            string type = method.ContainingType?.Name ?? string.Empty;
            return type == "ServiceDescriptor" || type == "ActivatorUtilities" ||
                method.Name.StartsWith("Add", StringComparison.Ordinal) || method.Name.StartsWith("TryAdd", StringComparison.Ordinal);
        }

        /// <summary>
        /// The type parameter is the type created: the implementation (TImplementation), or the only type given when no
        /// implementation type, no instance of it and no factory returning it is passed.
        /// </summary>
        private static bool Activates(IMethodSymbol method, ITypeParameterSymbol parameter)
        {
            if (parameter.Name == "TService")
            {
                foreach (ITypeParameterSymbol other in method.TypeParameters)
                {
                    if (other.Name == "TImplementation")
                    {
                        return false;
                    }
                }
            }

            foreach (IParameterSymbol p in method.Parameters)
            {
                if (SymbolEqualityComparer.Default.Equals(p.Type, parameter) ||
                    (p.Type is INamedTypeSymbol { DelegateInvokeMethod: { } invoke } && SymbolEqualityComparer.Default.Equals(invoke.ReturnType, parameter)))
                {
                    return false; // an instance, or a factory that makes it
                }
            }

            return true;
        }

        private static bool IsReflectionCreation(string ns, string type, string name) =>
            (ns == "System" && type == "Activator" && name == "CreateInstance") ||
            (ns == "System.Linq.Expressions" && type == "Expression" && name == "New") ||
            (ns == "System.Runtime.CompilerServices" && type == "RuntimeHelpers" && name == "GetUninitializedObject") ||
            (ns == "System.Runtime.Serialization" && type == "FormatterServices" && (name == "GetUninitializedObject" || name == "GetSafeUninitializedObject"));

        /// <summary>A <c>Type</c> parameter whose type is created: the implementation type, ActivatorUtilities' instance type, or the service type when nothing else provides the instance.</summary>
        private static bool Activates(IMethodSymbol method, string parameterName)
        {
            if (parameterName == "type" && IsReflectionCreation(method.ContainingNamespace?.ToDisplayString() ?? string.Empty, method.ContainingType?.Name ?? string.Empty, method.Name))
            {
                return true;
            }

            if (parameterName == "implementationType" || parameterName == "instanceType")
            {
                return true;
            }

            // "service" in the TryAdd* overloads of ServiceCollectionDescriptorExtensions, "serviceType" elsewhere.
            if (parameterName != "serviceType" && parameterName != "service")
            {
                return false;
            }

            foreach (IParameterSymbol p in method.Parameters)
            {
                if (p.Name == "implementationType" || p.Name.IndexOf("factory", StringComparison.OrdinalIgnoreCase) >= 0 ||
                    p.Name.IndexOf("instance", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
