using System;
using System.IO;
using System.Text;
using Guardrails.Core.Json;
using Guardrails.Core.Rules;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>
    /// Reads a policy, manifest or config file defensively: bounded size, BOM-aware decoding (UTF-8, UTF-16, UTF-32),
    /// strict UTF-8 otherwise, and every failure turned into a coded finding instead of an exception.
    /// </summary>
    public static class SourceFile
    {
        /// <summary>Policies and manifests are small; anything larger is refused rather than read into memory.</summary>
        public const long MaxBytes = 4 * 1024 * 1024;

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        /// <summary>Reads text or returns null with a finding describing why it could not be read.</summary>
        public static string? TryReadText(string path, RuleInfo unreadableRule, string what, out Finding? problem)
        {
            problem = null;
            try
            {
                if (Directory.Exists(path))
                {
                    problem = new Finding(unreadableRule, path, 0, 0, what + " path '" + path + "' is a directory, not a file. Point it at the JSON file itself.");
                    return null;
                }

                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    problem = new Finding(unreadableRule, path, 0, 0, what + " was not found at '" + path + "'.");
                    return null;
                }

                if (info.Length > MaxBytes)
                {
                    problem = new Finding(unreadableRule, path, 1, 1, what + " is " + info.Length + " bytes; the limit is " + MaxBytes + " bytes. Is this the right file?");
                    return null;
                }

                byte[] bytes = File.ReadAllBytes(path);
                return Decode(bytes, out int badOffset) ?? Fail(bytes, badOffset, path, what, out problem);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.Security.SecurityException || e is NotSupportedException || e is ArgumentException)
            {
                problem = new Finding(unreadableRule, path, 0, 0, what + " could not be read: " + e.GetType().Name + ": " + e.Message);
                return null;
            }
        }

        /// <summary>Parses JSON text; on failure returns null and a GRD102 finding at the exact line and column.</summary>
        public static JsonNode? TryParseJson(string text, string path, string what, out Finding? problem)
        {
            JsonNode? node = JsonReader.TryParse(text, out JsonParseException? error);
            problem = error == null
                ? null
                : new Finding(RuleCatalog.MalformedJson, path, error.Position.Line, error.Position.Column, what + " is not valid JSON: " + error.Message + ".");
            return node;
        }

        private static string? Decode(byte[] bytes, out int badOffset)
        {
            badOffset = -1;
            if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0)
            {
                return new UTF32Encoding(bigEndian: false, byteOrderMark: true, throwOnInvalidCharacters: false).GetString(bytes, 4, bytes.Length - 4);
            }

            if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            {
                return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
            }

            if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            {
                return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
            }

            int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            try
            {
                return StrictUtf8.GetString(bytes, start, bytes.Length - start);
            }
            catch (DecoderFallbackException e)
            {
                badOffset = e.Index >= 0 ? start + e.Index : start;
                return null;
            }
        }

        private static string? Fail(byte[] bytes, int badOffset, string path, string what, out Finding? problem)
        {
            // Count lines up to the first invalid byte so the user can find it.
            int line = 1;
            int col = 1;
            for (int i = 0; i < badOffset && i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    line++;
                    col = 1;
                }
                else if ((bytes[i] & 0xC0) != 0x80)
                {
                    col++;
                }
            }

            problem = new Finding(RuleCatalog.MalformedJson, path, line, col, what + " is not valid UTF-8 text (save it as UTF-8).");
            return null;
        }
    }
}
