using System;
using System.Collections.Generic;
using System.Threading;
using Guardrails.Core.Sdks;
using Guardrails.Core.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers
{
    /// <summary>
    /// What the code says a string literal is, for keys with no fixed format: the name that
    /// <see cref="Core.Secrets.SecretScanner.TryMatchNamedValue"/> judges. Syntactic first; the semantic model is asked
    /// only for arguments of calls and object creations (which parameter, which type, which namespace).
    /// <list type="bullet">
    /// <item><c>string mistralApiKey = "…"</c>, <c>MistralApiKey = "…"</c>, <c>ApiKey { get; } = "…"</c>, <c>ApiKey =&gt; "…"</c>, <c>string apiKey = "…"</c> parameter defaults: the member, local or parameter name.</item>
    /// <item><c>["AzureOpenAI:ApiKey"] = "…"</c>, <c>{ "AzureOpenAI:ApiKey", "…" }</c>: the config key.</item>
    /// <item><c>Environment.SetEnvironmentVariable("MISTRAL_API_KEY", "…")</c>: the variable name.</item>
    /// <item><c>new AzureKeyCredential("…")</c>, <c>new ApiKeyCredential("…")</c>: the credential type, prefixed with the
    /// namespace of the client it is passed to (<c>Azure.AI.OpenAI:AzureKeyCredential</c>).</item>
    /// <item>any other call or creation: the parameter name, prefixed with the provider when the method's type lives in an
    /// AI SDK namespace (<c>Mistral AI:apiKey</c>).</item>
    /// </list>
    /// </summary>
    internal static class CredentialSinks
    {
        private static readonly HashSet<string> CredentialTypes = new HashSet<string>
        {
            "AzureKeyCredential", "ApiKeyCredential", "KeyCredential", "ApiKeyServiceClientCredentials", "CognitiveServicesCredentials",
        };

        /// <param name="bindingMayPay">
        /// Asked before the one expensive step, binding a call to find the parameter an argument fills: false when no name
        /// that binding could reveal would make the value a key (see <see cref="CompilationMentions"/>).
        /// </param>
        public static string? NameFor(SyntaxToken literal, SemanticModel model, Func<bool> bindingMayPay, CancellationToken cancellationToken) =>
            NameFor(literal.Parent is InterpolatedStringTextSyntax text ? text.Parent : literal.Parent, model, bindingMayPay, cancellationToken);

        /// <summary>What the code names the value of <paramref name="expression"/> (a literal or an expression that builds a string).</summary>
        public static string? NameFor(SyntaxNode? expression, SemanticModel model, Func<bool> bindingMayPay, CancellationToken cancellationToken)
        {
            if (expression == null)
            {
                return null;
            }

            // Look through what does not change the value: (…), casts, !, ?? and ?: branches.
            SyntaxNode? parent = expression.Parent;
            while (parent is ParenthesizedExpressionSyntax || parent is CastExpressionSyntax ||
                   parent.IsKind(SyntaxKind.SuppressNullableWarningExpression) || parent.IsKind(SyntaxKind.CoalesceExpression) ||
                   (parent is ConditionalExpressionSyntax conditional && conditional.Condition != expression))
            {
                expression = parent!;
                parent = expression.Parent;
            }

            switch (parent)
            {
                case EqualsValueClauseSyntax equals:
                    switch (equals.Parent)
                    {
                        case VariableDeclaratorSyntax variable:
                            // A field is named by its type too: MistralConfig.ApiKey (a local only by itself).
                            return variable.Parent?.Parent is FieldDeclarationSyntax field ? InType(field, variable.Identifier.ValueText) : variable.Identifier.ValueText;
                        case PropertyDeclarationSyntax property:
                            return InType(property, property.Identifier.ValueText);
                        case ParameterSyntax parameter:
                            // record MistralSettings(string ApiKey = "…"): a primary constructor's parameter is a member.
                            return parameter.Parent?.Parent is TypeDeclarationSyntax ? InType(parameter, parameter.Identifier.ValueText) : parameter.Identifier.ValueText;
                    }

                    return null;
                case ReturnStatementSyntax _:
                    // string GetMistralApiKey() { return "…"; }: the method names what it returns.
                    return EnclosingMemberName(parent);
                case SwitchExpressionArmSyntax arm when arm.Expression == expression && arm.Parent is SwitchExpressionSyntax switchExpression:
                {
                    // ApiKeyFor(provider) => provider switch { "mistral" => "…" }: the arm's constant and the switch's own name.
                    string? outer = NameFor(switchExpression, model, bindingMayPay, cancellationToken);
                    return arm.Pattern is ConstantPatternSyntax constant && ConstantString(constant.Expression, model, cancellationToken) is string label && outer != null
                        ? label + ":" + outer
                        : outer;
                }

                case ArgumentSyntax tupleElement when tupleElement.Parent is TupleExpressionSyntax tuple && tupleElement.NameColon != null:
                {
                    // (Provider: "mistral", ApiKey: "…"): a sibling provider element names the value, as in an anonymous object.
                    string name = tupleElement.NameColon.Name.Identifier.ValueText;
                    foreach (ArgumentSyntax sibling in tuple.Arguments)
                    {
                        if (sibling != tupleElement && sibling.NameColon != null && Guardrails.Core.Files.TextFileSecrets.IsProviderField(sibling.NameColon.Name.Identifier.ValueText) &&
                            sibling.Expression is LiteralExpressionSyntax providerLiteral && providerLiteral.IsKind(SyntaxKind.StringLiteralExpression))
                        {
                            return providerLiteral.Token.ValueText + ":" + name;
                        }
                    }

                    return name;
                }
                case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == expression:
                {
                    // new MistralClientOptions { ApiKey = "…" }: the options type names the provider.
                    string? target = NameOfTarget(assignment.Left, model, cancellationToken);
                    if (target != null && !IsLookupKey(target) && assignment.Left is MemberAccessExpressionSyntax member && member.Expression is IdentifierNameSyntax receiver &&
                        receiver.Parent == member && model.GetSymbolInfo(receiver, cancellationToken).Symbol is IParameterSymbol parameter &&
                        parameter.ContainingSymbol is IMethodSymbol lambda && lambda.MethodKind == MethodKind.AnonymousFunction)
                    {
                        // Configure<MistralOptions>(o => o.ApiKey = "…"): the options type of the lambda's parameter names the provider.
                        return parameter.Type.Name + "." + target;
                    }

                    return target != null && !IsLookupKey(target) && assignment.Parent is InitializerExpressionSyntax initializer && initializer.IsKind(SyntaxKind.ObjectInitializerExpression) &&
                        initializer.Parent is ObjectCreationExpressionSyntax creation && TypeName(creation.Type) is string type
                        ? type + "." + target
                        : target;
                }

                case AnonymousObjectMemberDeclaratorSyntax member when member.NameEquals != null && member.Parent is AnonymousObjectCreationExpressionSyntax anonymous:
                {
                    // new { Provider = "mistral", ApiKey = "…" }: a sibling provider member names the value.
                    string name = member.NameEquals.Name.Identifier.ValueText;
                    foreach (AnonymousObjectMemberDeclaratorSyntax sibling in anonymous.Initializers)
                    {
                        if (sibling != member && sibling.NameEquals != null && Guardrails.Core.Files.TextFileSecrets.IsProviderField(sibling.NameEquals.Name.Identifier.ValueText) &&
                            sibling.Expression is LiteralExpressionSyntax providerLiteral && providerLiteral.IsKind(SyntaxKind.StringLiteralExpression))
                        {
                            return providerLiteral.Token.ValueText + ":" + name;
                        }
                    }

                    return name;
                }
                case ArrowExpressionClauseSyntax arrow when arrow.Parent is PropertyDeclarationSyntax property:
                    return InType(property, property.Identifier.ValueText);
                case ArrowExpressionClauseSyntax arrow when arrow.Parent is MethodDeclarationSyntax || arrow.Parent is LocalFunctionStatementSyntax:
                    // static string GetMistralApiKey() => "…": the method names what it returns.
                    return EnclosingMemberName(arrow);
                case AttributeArgumentSyntax attributeArgument:
                    return attributeArgument.NameEquals?.Name.Identifier.ValueText ?? attributeArgument.NameColon?.Name.Identifier.ValueText;
                case InitializerExpressionSyntax pair when pair.IsKind(SyntaxKind.ComplexElementInitializerExpression) &&
                                                          pair.Expressions.Count == 2 && pair.Expressions[1] == expression:
                    return ConstantString(pair.Expressions[0], model, cancellationToken);
                case ArgumentSyntax argument when argument.Parent is ArgumentListSyntax arguments:
                    return NameOfArgument(argument, arguments, model, bindingMayPay, cancellationToken);
                default:
                    return null;
            }
        }

        /// <summary>
        /// A provider's key whose own name says only that it is a key, found by what surrounds it (syntax only, asked only
        /// for a value of some provider's shape that its name did not make a provider key):
        /// <list type="bullet">
        /// <item>a serialization or configuration name on its member (<c>[JsonPropertyName("mistral_api_key")]</c>,
        /// <c>[ConfigurationKeyName]</c>, <c>[JsonProperty]</c>, <c>[DataMember(Name = …)]</c>), judged as its name;</item>
        /// <item>a name that is a bare secret word or a key's name (<c>Key</c>, <c>key</c>, <c>x-api-key</c>,
        /// <c>ApiKeyCredential</c>, the token of <c>new AuthenticationHeaderValue("Bearer", …)</c>, an unnamed tuple element
        /// typed <c>(string Provider, string Secret)</c>) under a context that names the provider: the called method or
        /// created type (<c>WithMistralKey(…)</c>), a sibling of a tuple (<c>("mistral", "…")</c>), the host of a URL in
        /// the same member (<c>https://api.mistral.ai/v1</c>), the enclosing method, type and namespace names, innermost first.</item>
        /// </list>
        /// </summary>
        public static bool ProviderKeyInContext(SyntaxNode expression, string? name, string value, out SecretMatch match)
        {
            match = default;
            if (!SecretScanner.HasProviderShape(value))
            {
                return false; // no provider's shape: no context can make it a provider's key
            }

            SyntaxNode? parent = expression.Parent;
            while (parent is ParenthesizedExpressionSyntax || parent is CastExpressionSyntax || parent.IsKind(SyntaxKind.SuppressNullableWarningExpression))
            {
                expression = parent!;
                parent = expression.Parent;
            }

            foreach (string serialized in SerializedNames(parent))
            {
                if (SecretScanner.TryMatchNamedValue(serialized, value, out match) && !match.Format.IsGeneric)
                {
                    return true;
                }
            }

            string? keyName = KeyNameFor(expression, parent, name);
            if (keyName != null)
            {
                foreach (string context in ProviderContexts(expression, parent))
                {
                    if (SecretScanner.TryMatchNamedValueInContext(keyName, context, value, out match))
                    {
                        return true;
                    }
                }
            }

            match = default;
            return false;
        }

        /// <summary>The names a member is serialized or bound under, from its attributes (only for a member's initializer).</summary>
        private static IEnumerable<string> SerializedNames(SyntaxNode? parent)
        {
            if (!(parent is EqualsValueClauseSyntax equals))
            {
                yield break;
            }

            SyntaxNode? member = equals.Parent is VariableDeclaratorSyntax ? equals.Parent.Parent?.Parent : equals.Parent;
            SyntaxList<AttributeListSyntax> lists = member is PropertyDeclarationSyntax property ? property.AttributeLists
                : member is FieldDeclarationSyntax field ? field.AttributeLists
                : member is ParameterSyntax parameter ? parameter.AttributeLists
                : default;
            foreach (AttributeListSyntax list in lists)
            {
                foreach (AttributeSyntax attribute in list.Attributes)
                {
                    string? attributeName = attribute.Name is QualifiedNameSyntax q ? q.Right.Identifier.ValueText
                        : attribute.Name is SimpleNameSyntax simple ? simple.Identifier.ValueText
                        : null;
                    if (attributeName == null || attribute.ArgumentList == null || !SerializationAttributes.Contains(attributeName))
                    {
                        continue;
                    }

                    foreach (AttributeArgumentSyntax argument in attribute.ArgumentList.Arguments)
                    {
                        if ((argument.NameEquals == null || argument.NameEquals.Name.Identifier.ValueText == "Name" || argument.NameEquals.Name.Identifier.ValueText == "PropertyName") &&
                            argument.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
                        {
                            yield return literal.Token.ValueText;
                        }
                    }
                }
            }
        }

        private static readonly HashSet<string> SerializationAttributes = new HashSet<string>(StringComparer.Ordinal)
        {
            "JsonPropertyName", "JsonPropertyNameAttribute", "JsonProperty", "JsonPropertyAttribute", "ConfigurationKeyName", "ConfigurationKeyNameAttribute",
            "DataMember", "DataMemberAttribute", "YamlMember", "YamlMemberAttribute", "XmlElement", "XmlElementAttribute", "XmlAttribute", "XmlAttributeAttribute",
        };

        /// <summary>
        /// The name to judge under a provider context: the code's own name when it may be secret-like, the token of a
        /// <c>Bearer</c> authentication header, or the element name of a tuple's type; null when the value is not named as a key.
        /// </summary>
        private static string? KeyNameFor(SyntaxNode expression, SyntaxNode? parent, string? name)
        {
            if (name != null && Guardrails.Core.Secrets.SecretScanner.NameMayBeSecretLike(name))
            {
                return name;
            }

            if (parent is ArgumentSyntax argument && argument.Parent is ArgumentListSyntax arguments && arguments.Arguments.Count == 2 && arguments.Arguments[1] == argument &&
                arguments.Parent is BaseObjectCreationExpressionSyntax creation && (creation is ImplicitObjectCreationExpressionSyntax || (creation is ObjectCreationExpressionSyntax explicitCreation && TypeName(explicitCreation.Type) == "AuthenticationHeaderValue")) &&
                arguments.Arguments[0].Expression is LiteralExpressionSyntax scheme && string.Equals(scheme.Token.ValueText, "Bearer", StringComparison.OrdinalIgnoreCase))
            {
                return "BearerToken"; // new AuthenticationHeaderValue("Bearer", "…")
            }

            if (parent is ArgumentSyntax element && element.NameColon == null && element.Parent is TupleExpressionSyntax tuple &&
                tuple.Parent is EqualsValueClauseSyntax equals && TupleTypeOf(equals) is TupleTypeSyntax type && type.Elements.Count == tuple.Arguments.Count)
            {
                // (string Provider, string Secret) Pair = ("mistral", "…"): the element's name in the declared type.
                string? elementName = type.Elements[tuple.Arguments.IndexOf(element)].Identifier.ValueText;
                return string.IsNullOrEmpty(elementName) || !Guardrails.Core.Secrets.SecretScanner.NameMayBeSecretLike(elementName) ? null : elementName;
            }

            return null;
        }

        private static TupleTypeSyntax? TupleTypeOf(EqualsValueClauseSyntax equals) => equals.Parent switch
        {
            VariableDeclaratorSyntax declarator => (declarator.Parent as VariableDeclarationSyntax)?.Type as TupleTypeSyntax,
            PropertyDeclarationSyntax property => property.Type as TupleTypeSyntax,
            ParameterSyntax parameter => parameter.Type as TupleTypeSyntax,
            _ => null,
        };

        /// <summary>What may say whose key a value is, innermost first (see <see cref="ProviderKeyInContext"/>).</summary>
        private static IEnumerable<string> ProviderContexts(SyntaxNode expression, SyntaxNode? parent)
        {
            if (parent is ArgumentSyntax argument)
            {
                if (argument.Parent is ArgumentListSyntax list)
                {
                    if (list.Parent is InvocationExpressionSyntax invocation && MethodName(invocation.Expression) is string method)
                    {
                        yield return method; // WithMistralKey("…")
                    }
                    else if (list.Parent is ObjectCreationExpressionSyntax creation && TypeName(creation.Type) is string created)
                    {
                        yield return created;
                    }
                }
                else if (argument.Parent is TupleExpressionSyntax tuple)
                {
                    foreach (ArgumentSyntax sibling in tuple.Arguments)
                    {
                        if (sibling != argument && sibling.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) &&
                            literal.Token.ValueText.Length <= MaximumSiblingLength)
                        {
                            yield return literal.Token.ValueText; // ("mistral", "…")
                        }
                    }
                }
            }

            // The host of a URL in the same member: new Uri("https://api.mistral.ai/v1/") next to the header or credential.
            SyntaxNode? member = expression.Parent;
            while (member != null && !(member is MemberDeclarationSyntax) && !(member is LocalFunctionStatementSyntax))
            {
                member = member.Parent;
            }

            if (member != null && !(member is BaseTypeDeclarationSyntax) && !(member is BaseNamespaceDeclarationSyntax))
            {
                foreach (SyntaxToken token in member.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.StringLiteralToken) && UrlHost(token.ValueText) is string host)
                    {
                        yield return host;
                    }
                }
            }

            for (SyntaxNode? node = expression.Parent; node != null; node = node.Parent)
            {
                switch (node)
                {
                    case LocalFunctionStatementSyntax local:
                        yield return local.Identifier.ValueText;
                        break;
                    case MethodDeclarationSyntax method:
                        yield return method.Identifier.ValueText; // CreateMistralClient() { var key = "…"; }
                        break;
                    case PropertyDeclarationSyntax property:
                        yield return property.Identifier.ValueText;
                        break;
                    case BaseTypeDeclarationSyntax type:
                        yield return type.Identifier.ValueText; // class MistralSettings { string Key = "…"; }
                        break;
                    case BaseNamespaceDeclarationSyntax ns:
                        yield return ns.Name.ToString(); // namespace Contoso.Providers.Mistral
                        break;
                }
            }
        }

        private const int MaximumSiblingLength = 40;

        /// <summary>The host of an absolute URL that <paramref name="text"/> starts with ("https://api.mistral.ai/v1" → api.mistral.ai), or null.</summary>
        private static string? UrlHost(string text)
        {
            int scheme = text.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0 || scheme > 8)
            {
                return null;
            }

            int start = scheme + 3;
            int end = start;
            while (end < text.Length && text[end] != '/' && text[end] != ':' && text[end] != '?' && text[end] != '#' && text[end] != '@')
            {
                end++;
            }

            return end > start ? text.Substring(start, end - start) : null;
        }

        /// <summary>
        /// A member's name with its type's (<c>MistralConfig.ApiKey</c>): the type says whose key a member named only
        /// "ApiKey" holds. A lone lookup key (<c>Key</c>) stays alone, unqualified.
        /// </summary>
        private static string InType(SyntaxNode member, string name)
        {
            if (IsLookupKey(name))
            {
                return name;
            }

            for (SyntaxNode? node = member.Parent; node != null; node = node.Parent)
            {
                if (node is BaseTypeDeclarationSyntax type)
                {
                    return type.Identifier.ValueText + "." + name;
                }
            }

            return name;
        }

        /// <summary>The method or local function a return value leaves: its name says what it returns.</summary>
        private static string? EnclosingMemberName(SyntaxNode node)
        {
            for (SyntaxNode? n = node.Parent; n != null; n = n.Parent)
            {
                switch (n)
                {
                    case LocalFunctionStatementSyntax local:
                        return local.Identifier.ValueText;
                    case MethodDeclarationSyntax method:
                        return InType(method, method.Identifier.ValueText);
                    case PropertyDeclarationSyntax property:
                        return InType(property, property.Identifier.ValueText);
                    case AnonymousFunctionExpressionSyntax _:
                    case BaseTypeDeclarationSyntax _:
                        return null;
                }
            }

            return null;
        }

        private static string? NameOfTarget(ExpressionSyntax target, SemanticModel model, CancellationToken cancellationToken)
        {
            switch (target)
            {
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText;
                case MemberAccessExpressionSyntax member:
                    return member.Name.Identifier.ValueText;
                case ImplicitElementAccessSyntax implicitAccess when implicitAccess.ArgumentList.Arguments.Count == 1:
                    return ConstantString(implicitAccess.ArgumentList.Arguments[0].Expression, model, cancellationToken);
                case ElementAccessExpressionSyntax access when access.ArgumentList.Arguments.Count == 1:
                    return ConstantString(access.ArgumentList.Arguments[0].Expression, model, cancellationToken);
                default:
                    return null;
            }
        }

        /// <summary>The request header Azure's AI services take a key in.</summary>
        private const string AzureKeyHeader = "api-key";

        private static string? NameOfArgument(ArgumentSyntax argument, ArgumentListSyntax arguments, SemanticModel model, Func<bool> bindingMayPay, CancellationToken cancellationToken)
        {
            SyntaxNode? call = arguments.Parent;
            int index = arguments.Arguments.IndexOf(argument);

            // Environment.SetEnvironmentVariable("MISTRAL_API_KEY", "…") and headers.Add("api-key", "…"): syntactic, the
            // name is the first argument.
            if (call is InvocationExpressionSyntax invocation && index == 1 && argument.NameColon == null &&
                MethodName(invocation.Expression) is string pairMethod &&
                (pairMethod == "SetEnvironmentVariable" || (arguments.Arguments.Count == 2 && (pairMethod == "Add" || pairMethod == "TryAddWithoutValidation") &&
                    invocation.Expression is MemberAccessExpressionSyntax headers && MethodName(headers.Expression) is string owner && owner.EndsWith("Headers", StringComparison.OrdinalIgnoreCase))))
            {
                string? pairName = ConstantString(arguments.Arguments[0].Expression, model, cancellationToken);

                // The "api-key" request header is Azure's (Azure OpenAI, Azure AI Search, Azure AI services REST APIs).
                return pairMethod != "SetEnvironmentVariable" && string.Equals(pairName, AzureKeyHeader, StringComparison.OrdinalIgnoreCase) ? "Azure:" + pairName : pairName;
            }

            if (!(call is InvocationExpressionSyntax) && !(call is BaseObjectCreationExpressionSyntax))
            {
                return null;
            }

            if (!bindingMayPay() || !(model.GetSymbolInfo(call, cancellationToken).Symbol is IMethodSymbol method))
            {
                return null;
            }

            IParameterSymbol? parameter = ParameterFor(method, argument, index);
            if (parameter == null || parameter.Type.SpecialType != SpecialType.System_String)
            {
                return null;
            }

            INamedTypeSymbol type = method.ContainingType;
            if (method.MethodKind == MethodKind.Constructor && CredentialTypes.Contains(type.Name))
            {
                // The credential says "a key"; the client it is handed to says whose.
                string? client = ClientNamespace(call, model, cancellationToken);
                return client == null ? type.Name : client + ":" + type.Name;
            }

            // "Mistral AI:apiKey" when the type's namespace belongs to one provider's SDKs; shared namespaces (Semantic
            // Kernel, Microsoft.Extensions.AI) say nothing, so the type and method names speak instead
            // ("MistralAIKernelBuilderExtensions.AddMistralChatCompletion:apiKey").
            string? provider = ProviderOf(type);
            if (provider != null)
            {
                return provider + ":" + parameter.Name;
            }

            // Otherwise the type and method say whose key it is (MistralClient(apiKey: …), builder.WithApiKey(…)), and the
            // parameter (or, for a "value"-like parameter, the method: SetApiKey(string value)) that it is a key.
            return IsLookupKey(parameter.Name) ? parameter.Name : type.Name + "." + method.Name + ":" + parameter.Name;
        }

        /// <summary>"key" alone names a lookup key (Dictionary.Add(key, …), KeyValuePair.Key): it stays alone, unqualified.</summary>
        private static bool IsLookupKey(string name) =>
            string.Equals(name, "key", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "keys", StringComparison.OrdinalIgnoreCase);

        private static string? TypeName(TypeSyntax type) => type switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            _ => null,
        };

        private static string? MethodName(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
            _ => null,
        };

        private static IParameterSymbol? ParameterFor(IMethodSymbol method, ArgumentSyntax argument, int index)
        {
            if (argument.NameColon != null)
            {
                string name = argument.NameColon.Name.Identifier.ValueText;
                foreach (IParameterSymbol p in method.Parameters)
                {
                    if (p.Name == name)
                    {
                        return p;
                    }
                }

                return null;
            }

            if (index < method.Parameters.Length)
            {
                return method.Parameters[index];
            }

            return method.Parameters.Length > 0 && method.Parameters[method.Parameters.Length - 1].IsParams ? method.Parameters[method.Parameters.Length - 1] : null;
        }

        /// <summary>The namespace of the client a credential is created for: <c>new AzureOpenAIClient(uri, new AzureKeyCredential("…"))</c>.</summary>
        private static string? ClientNamespace(SyntaxNode credentialCreation, SemanticModel model, CancellationToken cancellationToken)
        {
            SyntaxNode? outer = credentialCreation.Parent is ArgumentSyntax arg && arg.Parent is ArgumentListSyntax list ? list.Parent : null;
            if (outer is BaseObjectCreationExpressionSyntax || outer is InvocationExpressionSyntax)
            {
                if (model.GetSymbolInfo(outer, cancellationToken).Symbol is IMethodSymbol client)
                {
                    // The client's type speaks too: a credential for AzureOpenAIClient is an Azure OpenAI key wherever it lives.
                    INamespaceSymbol? ns = client.ContainingType.ContainingNamespace;
                    string type = client.MethodKind == MethodKind.Constructor ? client.ContainingType.Name : client.ContainingType.Name + "." + client.Name;
                    return ns == null || ns.IsGlobalNamespace ? type : ns.ToDisplayString() + "." + type;
                }
            }

            return null;
        }

        /// <summary>The one provider whose AI SDKs use the namespace of <paramref name="type"/>, or null (none, several, or a provider-neutral SDK).</summary>
        private static string? ProviderOf(INamedTypeSymbol type)
        {
            INamespaceSymbol? ns = type.ContainingNamespace;
            if (ns == null || ns.IsGlobalNamespace)
            {
                return null;
            }

            IReadOnlyList<AiSdk> sdks = AiSdkCatalog.FindByNamespace(ns.ToDisplayString());
            string? provider = null;
            foreach (AiSdk sdk in sdks)
            {
                if (sdk.IsNeutral || (provider != null && provider != sdk.Provider))
                {
                    return null;
                }

                provider = sdk.Provider;
            }

            return provider;
        }

        private static string? ConstantString(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
        {
            if (expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return literal.Token.ValueText;
            }

            Optional<object?> constant = model.GetConstantValue(expression, cancellationToken);
            return constant.HasValue ? constant.Value as string : null;
        }
    }
}
