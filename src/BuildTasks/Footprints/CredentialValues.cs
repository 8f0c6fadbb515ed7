using System;
using System.Collections.Generic;
using System.Text;
using Guardrails.Core.Secrets;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// Tells a credential reference (<c>${VAR}</c>, <c>${env:VAR}</c>, <c>${input:id}</c>, <c>${{ secrets.X }}</c>,
    /// <c>$VAR</c>, <c>env:VAR</c>, <c>vault:…</c>) from a literal credential under a secret-like name in an assistant file.
    /// </summary>
    public static class CredentialValues
    {
        private static readonly string[] SchemeReferences = { "env:", "vault:", "keyvault:", "azurekeyvault:", "aws-sm:", "gcp-sm:", "op://", "secret:", "user-secrets:" };

        private static readonly string[] AuthSchemes = { "Bearer ", "bearer ", "Basic ", "basic ", "Token ", "token ", "Bot " };

        /// <summary>True when the value only refers to a credential held elsewhere (possibly behind an auth scheme: "Bearer ${TOKEN}").</summary>
        public static bool IsReference(string value)
        {
            string v = StripAuthScheme(value.Trim());
            if (v.Length == 0)
            {
                return true; // empty: nothing to leak
            }

            foreach (string scheme in SchemeReferences)
            {
                if (v.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return RemoveVariables(v).Trim().Length == 0;
        }

        /// <summary>True when <paramref name="text"/> holds a variable the build cannot resolve (<c>${…}</c>, <c>$VAR</c>, <c>{{…}}</c>).</summary>
        public static bool HasVariable(string text) => RemoveVariables(text).Length != text.Length;

        /// <summary>
        /// True when <paramref name="value"/> under <paramref name="name"/> is a literal credential; <paramref name="redacted"/>
        /// is then safe to print and <paramref name="provider"/> names the key format when one is known.
        /// </summary>
        public static bool IsLiteralCredential(string name, string value, out string redacted, out string? provider)
        {
            redacted = string.Empty;
            provider = null;
            if (IsReference(value))
            {
                return false;
            }

            string bare = StripAuthScheme(value.Trim());
            var matches = new List<SecretMatch>();
            SecretScanner.Scan(bare, matches);
            if (matches.Count > 0)
            {
                redacted = matches[0].Redacted;
                provider = matches[0].Format.Provider;
                return true;
            }

            if (!IsSecretName(name) || bare.Length < 8 || LooksLikePlaceholder(bare))
            {
                return false;
            }

            redacted = Redaction.Redact(bare, 0, bare.Length, string.Empty);
            return true;
        }

        /// <summary>
        /// A name that holds a secret: one of its words is key, token, secret, password, credential, auth(orization),
        /// bearer, pat or cookie, and none says the value is something else (a type, a helper command, an env var name,
        /// a file, a URL, a mode, a provider).
        /// </summary>
        public static bool IsSecretName(string name)
        {
            List<string> words = Words(name);
            bool secret = false;
            foreach (string w in words)
            {
                switch (w)
                {
                    case "key":
                    case "apikey":
                    case "token":
                    case "secret":
                    case "password":
                    case "passwd":
                    case "pwd":
                    case "credential":
                    case "credentials":
                    case "auth":
                    case "authorization":
                    case "bearer":
                    case "pat":
                    case "cookie":
                        secret = true;
                        break;
                    case "type":
                    case "helper":
                    case "env":
                    case "var":
                    case "vars":
                    case "file":
                    case "path":
                    case "url":
                    case "uri":
                    case "mode":
                    case "provider":
                    case "method":
                    case "name":
                    case "id":
                    case "enabled":
                    case "disabled":
                    case "disable":
                    case "required":
                    case "command":
                    case "source":
                    case "scope":
                    case "scopes":
                    case "expires":
                    case "public":
                        return false;
                }
            }

            return secret;
        }

        private static bool LooksLikePlaceholder(string v)
        {
            string lower = v.ToLowerInvariant();
            foreach (string p in new[] { "your", "xxx", "changeme", "change-me", "placeholder", "replace", "todo", "example", "dummy", "<", ">", "***", "...", "\u2026", "redacted" })
            {
                if (lower.IndexOf(p, StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static string StripAuthScheme(string v)
        {
            foreach (string s in AuthSchemes)
            {
                if (v.StartsWith(s, StringComparison.Ordinal))
                {
                    return v.Substring(s.Length).Trim();
                }
            }

            return v;
        }

        /// <summary>The text with every ${…}, ${{…}}, {{…}} and $NAME removed.</summary>
        private static string RemoveVariables(string v)
        {
            var sb = new StringBuilder(v.Length);
            int i = 0;
            while (i < v.Length)
            {
                if (v[i] == '$' && i + 1 < v.Length && v[i + 1] == '{')
                {
                    bool doubleBrace = i + 2 < v.Length && v[i + 2] == '{';
                    int end = v.IndexOf(doubleBrace ? "}}" : "}", i + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        sb.Append(v, i, v.Length - i);
                        break;
                    }

                    i = end + (doubleBrace ? 2 : 1);
                    continue;
                }

                if (v[i] == '{' && i + 1 < v.Length && v[i + 1] == '{')
                {
                    int end = v.IndexOf("}}", i + 2, StringComparison.Ordinal);
                    if (end > 0)
                    {
                        i = end + 2;
                        continue;
                    }
                }

                if (v[i] == '$' && i + 1 < v.Length && (char.IsLetter(v[i + 1]) || v[i + 1] == '_'))
                {
                    int j = i + 1;
                    while (j < v.Length && (char.IsLetterOrDigit(v[j]) || v[j] == '_'))
                    {
                        j++;
                    }

                    i = j;
                    continue;
                }

                sb.Append(v[i]);
                i++;
            }

            return sb.ToString();
        }

        /// <summary>Lower-case words of a name: "OPENAI_API_KEY" → openai, api, key; "apiKey" → api, key; "x-api-key" → x, api, key.</summary>
        internal static List<string> Words(string name)
        {
            var words = new List<string>();
            var current = new StringBuilder();
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (!char.IsLetterOrDigit(c))
                {
                    Flush(words, current);
                    continue;
                }

                if (char.IsUpper(c) && current.Length > 0 && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                {
                    Flush(words, current);
                }

                current.Append(char.ToLowerInvariant(c));
            }

            Flush(words, current);
            return words;
        }

        private static void Flush(List<string> words, StringBuilder current)
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
