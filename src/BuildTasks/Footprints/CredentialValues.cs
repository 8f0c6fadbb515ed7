using System;
using System.Collections.Generic;
using Guardrails.Core.Secrets;

namespace Guardrails.BuildTasks.Footprints
{
    /// <summary>
    /// Tells a credential reference (the one grammar of <see cref="CredentialReference"/>: <c>${env:VAR}</c>,
    /// <c>${{ secrets.X }}</c>, <c>env:VAR</c>, <c>vault:…</c>, …) from a literal credential under a secret-like name in an
    /// assistant file, looking behind an auth scheme ("Bearer ${TOKEN}").
    /// </summary>
    public static class CredentialValues
    {
        private static readonly string[] AuthSchemes = { "Bearer ", "bearer ", "Basic ", "basic ", "Token ", "token ", "Bot " };

        /// <summary>True when the value only refers to a credential held elsewhere (possibly behind an auth scheme: "Bearer ${TOKEN}").</summary>
        public static bool IsReference(string value)
        {
            string v = StripAuthScheme(value.Trim());
            if (v.Length == 0)
            {
                return true; // empty: nothing to leak
            }

            return CredentialReference.IsReference(v);
        }

        /// <summary>True when <paramref name="text"/> holds a variable the build cannot resolve (<see cref="CredentialReference.HasVariable"/>).</summary>
        public static bool HasVariable(string text) => CredentialReference.HasVariable(text);

        /// <summary>
        /// True when <paramref name="value"/> under <paramref name="name"/> is a literal credential; <paramref name="redacted"/>
        /// is then safe to print and <paramref name="provider"/> names the key format when one is known. Known formats
        /// come from <see cref="SecretScanner.Scan"/>, context-gated and generic secrets from
        /// <see cref="SecretScanner.TryMatchNamedValue"/> (the one secrets catalog); this class only adds what config
        /// files need on top: references pass, and an auth scheme ("Bearer …") is looked behind.
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

            // The value of an Authorization header is a token whatever the header is called.
            string named = IsAuthorizationHeader(name) ? name + "Token" : name;
            if (SecretScanner.TryMatchNamedValue(named, bare, out SecretMatch match))
            {
                redacted = match.Redacted;
                provider = match.Format.IsGeneric ? null : match.Format.Provider;
                return true;
            }

            return false;
        }

        private static bool IsAuthorizationHeader(string name) =>
            string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "Proxy-Authorization", StringComparison.OrdinalIgnoreCase);

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
    }
}
