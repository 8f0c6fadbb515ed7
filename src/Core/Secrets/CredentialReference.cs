using System;
using System.Collections.Generic;
using System.Text;

namespace Guardrails.Core.Secrets
{
    /// <summary>
    /// The one grammar of a credential reference: a value that names where a credential is held instead of holding it.
    /// Used by the secret rules (a reference under a secret-like name is never a key: GRD001, GRD002, GRD006), by the
    /// team manifest (<c>credentialRef</c>: a reference, or else a literal, GRD120; matched against the policy's
    /// <c>credentialRefs</c>, GRD121) and by assistant files (literal credentials, GRD131; MCP servers whose identity
    /// comes from a variable, GRD132). A reference is, as a whole value:
    /// <list type="bullet">
    /// <item>a scheme reference <c>scheme:name</c> with one of <see cref="Schemes"/> (<c>env:OPENAI_API_KEY</c>,
    /// <c>vault:kv/ai/openai</c>, <c>op://vault/item/field</c>), the name non-empty and without whitespace;</item>
    /// <item>an Azure App Service / Functions Key Vault reference <c>@Microsoft.KeyVault(…)</c>;</item>
    /// <item>or nothing but variables: <c>${NAME}</c>, <c>${env:NAME}</c>, <c>${input:id}</c>, <c>${{ secrets.NAME }}</c>,
    /// <c>{{ secrets.NAME }}</c>, <c>$NAME</c>, <c>$env:NAME</c>, <c>$(Name)</c>, <c>%NAME%</c>, <c>#{Name}#</c>.</item>
    /// </list>
    /// </summary>
    public static class CredentialReference
    {
        /// <summary>The schemes of <c>scheme:name</c> references, compared ignoring case.</summary>
        public static readonly IReadOnlyList<string> Schemes = new[]
        {
            "env", "vault", "keyvault", "azurekeyvault", "aws-sm", "awssecretsmanager", "gcp-sm", "op", "secret", "user-secrets",
        };

        private const string KeyVaultPrefix = "@Microsoft.KeyVault(";

        /// <summary>True when the whole of <paramref name="value"/> (trimmed) refers to a credential held elsewhere.</summary>
        public static bool IsReference(string? value)
        {
            if (value == null)
            {
                return false;
            }

            string v = value.Trim();
            if (v.Length == 0)
            {
                return false;
            }

            return IsSchemeReference(v) || IsKeyVaultReference(v) || (HasVariable(v) && RemoveVariables(v).Trim().Length == 0);
        }

        /// <summary>True for <c>scheme:name</c> with a known scheme, a non-empty name and no whitespace.</summary>
        public static bool IsSchemeReference(string value)
        {
            int colon = value.IndexOf(':');
            if (colon <= 0 || colon == value.Length - 1)
            {
                return false;
            }

            for (int i = 0; i < value.Length; i++)
            {
                if (char.IsWhiteSpace(value[i]))
                {
                    return false;
                }
            }

            foreach (string scheme in Schemes)
            {
                if (scheme.Length == colon && string.Compare(value, 0, scheme, 0, colon, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="text"/> contains a variable of the grammar (a value the build cannot know).</summary>
        public static bool HasVariable(string text) => text != null && RemoveVariables(text).Length != text.Length;

        /// <summary>
        /// The reference in the <c>scheme:name</c> form the policy's <c>credentialRefs</c> patterns are written in:
        /// <c>${NAME}</c>, <c>${env:NAME}</c>, <c>$NAME</c>, <c>$env:NAME</c> and <c>%NAME%</c> are <c>env:NAME</c>;
        /// <c>${{ secrets.NAME }}</c> and <c>{{ secrets.NAME }}</c> are <c>secret:NAME</c>; <c>@Microsoft.KeyVault(…)</c> is
        /// <c>keyvault:…</c>; a scheme reference is itself. Null for a value that is no reference or has no such form.
        /// </summary>
        public static string? Canonical(string? value)
        {
            if (!IsReference(value))
            {
                return null;
            }

            string v = value!.Trim();
            if (IsSchemeReference(v))
            {
                return v;
            }

            if (IsKeyVaultReference(v))
            {
                return "keyvault:" + v.Substring(KeyVaultPrefix.Length, v.Length - KeyVaultPrefix.Length - 1).Trim();
            }

            string? inner = null;
            if (v.StartsWith("${{", StringComparison.Ordinal) && v.EndsWith("}}", StringComparison.Ordinal))
            {
                inner = v.Substring(3, v.Length - 5).Trim();
            }
            else if (v.StartsWith("{{", StringComparison.Ordinal) && v.EndsWith("}}", StringComparison.Ordinal))
            {
                inner = v.Substring(2, v.Length - 4).Trim();
            }

            if (inner != null)
            {
                return inner.StartsWith("secrets.", StringComparison.Ordinal) && IsName(inner, 8, inner.Length) ? "secret:" + inner.Substring(8) : null;
            }

            string? name = null;
            if (v.StartsWith("${env:", StringComparison.OrdinalIgnoreCase) && v.EndsWith("}", StringComparison.Ordinal))
            {
                name = v.Substring(6, v.Length - 7);
            }
            else if (v.StartsWith("${", StringComparison.Ordinal) && v.EndsWith("}", StringComparison.Ordinal))
            {
                name = v.Substring(2, v.Length - 3);
            }
            else if (v.StartsWith("$env:", StringComparison.OrdinalIgnoreCase))
            {
                name = v.Substring(5);
            }
            else if (v.Length > 2 && v[0] == '%' && v[v.Length - 1] == '%')
            {
                name = v.Substring(1, v.Length - 2);
            }
            else if (v.Length > 1 && v[0] == '$' && v[1] != '(')
            {
                name = v.Substring(1);
            }

            return name != null && IsName(name, 0, name.Length) ? "env:" + name : null;
        }

        private static bool IsKeyVaultReference(string v) =>
            v.Length > KeyVaultPrefix.Length + 1 && v.StartsWith(KeyVaultPrefix, StringComparison.OrdinalIgnoreCase) && v[v.Length - 1] == ')';

        /// <summary>The text with every variable of the grammar removed.</summary>
        private static string RemoveVariables(string v)
        {
            var sb = new StringBuilder(v.Length);
            int i = 0;
            while (i < v.Length)
            {
                char c = v[i];
                char next = i + 1 < v.Length ? v[i + 1] : '\0';
                int end = -1;
                if (c == '$' && next == '{')
                {
                    // ${NAME}, ${env:NAME}, ${input:id}, ${{ secrets.NAME }}
                    bool doubleBrace = i + 2 < v.Length && v[i + 2] == '{';
                    int close = v.IndexOf(doubleBrace ? "}}" : "}", i + 2, StringComparison.Ordinal);
                    end = close < 0 ? -1 : close + (doubleBrace ? 2 : 1);
                }
                else if (c == '$' && next == '(')
                {
                    int close = v.IndexOf(')', i + 2);
                    end = close > i + 2 ? close + 1 : -1;
                }
                else if (c == '{' && next == '{')
                {
                    int close = v.IndexOf("}}", i + 2, StringComparison.Ordinal);
                    end = close < 0 ? -1 : close + 2;
                }
                else if (c == '#' && next == '{')
                {
                    int close = v.IndexOf("}#", i + 2, StringComparison.Ordinal);
                    end = close > i + 2 ? close + 2 : -1;
                }
                else if (c == '$' && (char.IsLetter(next) || next == '_'))
                {
                    // $NAME, $env:NAME
                    int j = i + 1;
                    if (string.Compare(v, j, "env:", 0, 4, StringComparison.OrdinalIgnoreCase) == 0 && j + 4 < v.Length && IsNameStart(v[j + 4]))
                    {
                        j += 4;
                    }

                    while (j < v.Length && IsNameChar(v[j]))
                    {
                        j++;
                    }

                    end = j;
                }
                else if (c == '%' && IsNameStart(next))
                {
                    // %NAME% (not a percent-encoded byte such as %E2%)
                    int j = i + 1;
                    while (j < v.Length && IsNameChar(v[j]))
                    {
                        j++;
                    }

                    bool percentEncoded = j - i - 1 == 2 && IsHex(v[i + 1]) && IsHex(v[i + 2]);
                    end = j < v.Length && v[j] == '%' && !percentEncoded ? j + 1 : -1;
                }

                if (end < 0)
                {
                    sb.Append(c);
                    i++;
                    continue;
                }

                i = end;
            }

            return sb.ToString();
        }

        private static bool IsName(string text, int start, int end)
        {
            if (end <= start || !IsNameStart(text[start]))
            {
                return false;
            }

            for (int i = start + 1; i < end; i++)
            {
                if (!IsNameChar(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsNameStart(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';

        private static bool IsNameChar(char c) => IsNameStart(c) || (c >= '0' && c <= '9');

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
