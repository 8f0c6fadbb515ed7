using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Guardrails.Core.Json;
using Guardrails.Core.Rules;

namespace Guardrails.BuildTasks.Foundation
{
    /// <summary>Why <see cref="SourceFile.TryLoad(string, long, out LoadFailure, out string)"/> returned no file.</summary>
    public enum LoadFailure
    {
        None,
        NotFound,
        Directory,
        TooLarge,
        Unreadable,
    }

    /// <summary>
    /// The one loader for the files the task reads (policy, manifest, assistant files, the assets file, the git index):
    /// bounded size, the bytes read once (<see cref="LoadedFile"/> hashes exactly those), BOM-aware decoding (UTF-8,
    /// UTF-16, UTF-32), strict UTF-8 otherwise, and every failure a value or a coded finding instead of an exception.
    /// </summary>
    public static class SourceFile
    {
        /// <summary>Policies and manifests are small; anything larger is refused rather than read into memory.</summary>
        public const long MaxBytes = 4 * 1024 * 1024;

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        /// <summary>
        /// Reads a file's bytes once, refusing more than <paramref name="maxBytes"/>. Never throws: on failure returns null,
        /// the kind of failure, and a detail (the size for <see cref="LoadFailure.TooLarge"/>, "Type: message" for
        /// <see cref="LoadFailure.Unreadable"/>).
        /// </summary>
        public static LoadedFile? TryLoad(string path, long maxBytes, out LoadFailure failure, out string detail)
        {
            failure = LoadFailure.None;
            detail = string.Empty;
            try
            {
                if (Directory.Exists(path))
                {
                    failure = LoadFailure.Directory;
                    return null;
                }

                if (!File.Exists(path))
                {
                    failure = LoadFailure.NotFound;
                    return null;
                }

                // bufferSize 1: the file is read whole into its own array, so FileStream's 4 KB buffer would be allocated for nothing
                // (a monorepo's 2,200 committed task files read by the launchers: 14.8 → see commit message)
                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1))
                {
                    long length = stream.Length;
                    if (length > maxBytes)
                    {
                        failure = LoadFailure.TooLarge;
                        detail = length.ToString(CultureInfo.InvariantCulture);
                        return null;
                    }

                    var bytes = new byte[length];
                    int read = 0;
                    while (read < bytes.Length)
                    {
                        int n = stream.Read(bytes, read, bytes.Length - read);
                        if (n == 0)
                        {
                            break;
                        }

                        read += n;
                    }

                    if (read < bytes.Length)
                    {
                        Array.Resize(ref bytes, read);
                    }

                    return new LoadedFile(path, bytes);
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is System.Security.SecurityException || e is NotSupportedException || e is ArgumentException)
            {
                failure = e is FileNotFoundException || e is DirectoryNotFoundException ? LoadFailure.NotFound : LoadFailure.Unreadable;
                detail = e.GetType().Name + ": " + e.Message;
                return null;
            }
        }

        /// <summary>Reads a file's bytes once; on failure returns null with a finding of <paramref name="unreadableRule"/> saying why.</summary>
        public static LoadedFile? TryLoad(string path, RuleInfo unreadableRule, string what, out Finding? problem, long maxBytes = MaxBytes)
        {
            LoadedFile? file = TryLoad(path, maxBytes, out LoadFailure failure, out string detail);
            problem = failure switch
            {
                LoadFailure.None => null,
                LoadFailure.Directory => new Finding(unreadableRule, path, 0, 0, what + " path '" + path + "' is a directory, not a file. Point it at the JSON file itself."),
                LoadFailure.NotFound => new Finding(unreadableRule, path, 0, 0, what + " was not found at '" + path + "'."),
                LoadFailure.TooLarge => new Finding(unreadableRule, path, 1, 1, what + " is " + detail + " bytes; the limit is " + maxBytes + " bytes. Is this the right file?"),
                _ => new Finding(unreadableRule, path, 0, 0, what + " could not be read: " + detail),
            };
            return file;
        }

        /// <summary>Reads text or returns null with a finding describing why it could not be read.</summary>
        public static string? TryReadText(string path, RuleInfo unreadableRule, string what, out Finding? problem)
        {
            LoadedFile? file = TryLoad(path, unreadableRule, what, out problem);
            return file == null ? null : TryDecode(file, what, out problem);
        }

        /// <summary>The file's text; on bytes that are not valid UTF-8 (and no UTF-16/32 byte-order mark) null and a GRD102 finding at the first bad byte.</summary>
        public static string? TryDecode(LoadedFile file, string what, out Finding? problem)
        {
            string? text = TryDecode(file, out int line, out int column);
            problem = text != null ? null : new Finding(RuleCatalog.MalformedJson, file.Path, line, column, what + " is not valid UTF-8 text (save it as UTF-8).");
            return text;
        }

        /// <summary>The file's text; null with the 1-based line and column of the first invalid byte when it is not valid UTF-8.</summary>
        public static string? TryDecode(LoadedFile file, out int line, out int column)
        {
            line = 0;
            column = 0;
            string? text = Decode(file.Bytes, out int badOffset);
            if (text == null)
            {
                Locate(file.Bytes, badOffset, out line, out column);
            }

            return text;
        }

        /// <summary>Lower-case hex SHA-256 of a file's bytes, streamed (for files that are hashed, not parsed); null when it cannot be read.</summary>
        public static string? TryHashFile(string path)
        {
            try
            {
                using (FileStream stream = File.OpenRead(path))
                using (SHA256 sha = SHA256.Create())
                {
                    return LoadedFile.Hex(sha.ComputeHash(stream));
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException || e is System.Security.SecurityException)
            {
                return null;
            }
        }

        /// <summary>Parses JSON text; on failure returns null and a GRD102 finding at the exact line and column.</summary>
        public static JsonNode? TryParseJson(string text, string path, string what, out Finding? problem)
        {
            JsonNode? node = JsonReader.TryParse(text, out JsonParseException? error, JsonReaderOptions.Document);
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

        private static void Locate(byte[] bytes, int badOffset, out int line, out int column)
        {
            // Count lines up to the first invalid byte so the user can find it.
            line = 1;
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

            column = col;
        }
    }
}
