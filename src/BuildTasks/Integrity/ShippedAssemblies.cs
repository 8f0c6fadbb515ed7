using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Guardrails.BuildTasks.Integrity
{
    /// <summary>
    /// The managed assemblies inside a file the build ships whose name does not say so: an EmbeddedResource whose bytes
    /// are a PE image with CLI metadata (an SDK's dll embedded under the logical name "p1"), a copied file under another
    /// extension, and the entries of a zip among them (a bin/plugins.zip loaded from bytes at run time). Each is named by
    /// the assembly name in its own metadata, so the one catalog of SDK assembly names judges it as it judges a copied
    /// OpenAI.dll. Bounded: a zip is opened one level deep, up to <see cref="MaxEntries"/> entries and
    /// <see cref="MaxEntryBytes"/> per entry; past a limit, or a file that cannot be read, the caller gets the reason
    /// (reported as a coded finding), never an exception.
    /// </summary>
    internal static class ShippedAssemblies
    {
        public const int MaxEntries = 10000;
        public const long MaxEntryBytes = 256L * 1024 * 1024;
        public const long MaxFileBytes = 1024L * 1024 * 1024;

        /// <summary>An assembly found: its metadata name, and where it is (the file, or "file!entry").</summary>
        public readonly struct Found
        {
            public Found(string name, string where)
            {
                Name = name;
                Where = where;
            }

            public string Name { get; }

            public string Where { get; }
        }

        /// <summary>
        /// The managed assemblies <paramref name="path"/> is or holds (a PE file, or a zip's entries). Returns false with
        /// <paramref name="problem"/> set when the file could not be looked into completely (a limit, a damaged zip).
        /// </summary>
        public static bool Inspect(string path, List<Found> found, out string? problem)
        {
            problem = null;
            try
            {
                var info = new FileInfo(path);
                if (!info.Exists || info.Length < 4)
                {
                    return true;
                }

                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
                {
                    int b0 = stream.ReadByte(), b1 = stream.ReadByte(), b2 = stream.ReadByte(), b3 = stream.ReadByte();
                    stream.Position = 0;
                    if (b0 == 'M' && b1 == 'Z')
                    {
                        if (info.Length > MaxFileBytes)
                        {
                            problem = "it is a PE image of " + info.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes, over the limit of " +
                                MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes for reading its metadata";
                            return false;
                        }

                        string? name = AssemblyName(stream);
                        if (name != null)
                        {
                            found.Add(new Found(name, path));
                        }

                        return true;
                    }

                    if (b0 == 'P' && b1 == 'K' && b2 == 3 && b3 == 4)
                    {
                        return InspectZip(stream, path, found, out problem);
                    }

                    if (b0 == 0xCE && b1 == 0xCA && b2 == 0xEF && b3 == 0xBE)
                    {
                        return InspectResources(stream, path, found, out problem);
                    }
                }

                return true;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                problem = "it could not be read (" + e.GetType().Name + ")";
                return false;
            }
        }

        private static bool InspectZip(Stream stream, string path, List<Found> found, out string? problem)
        {
            problem = null;
            try
            {
                using (var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true))
                {
                    if (zip.Entries.Count > MaxEntries)
                    {
                        problem = "it is a zip of " + zip.Entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " entries, over the limit of " +
                            MaxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture) + " entries for looking inside";
                        return false;
                    }

                    foreach (ZipArchiveEntry entry in zip.Entries)
                    {
                        if (entry.Length < 4 || entry.FullName.EndsWith("/", StringComparison.Ordinal))
                        {
                            continue;
                        }

                        if (entry.Length > MaxEntryBytes)
                        {
                            problem = "its entry '" + entry.FullName + "' is " + entry.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) +
                                " bytes, over the limit of " + MaxEntryBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes for looking inside";
                            return false;
                        }

                        using (Stream entryStream = entry.Open())
                        {
                            if (entryStream.ReadByte() != 'M' || entryStream.ReadByte() != 'Z')
                            {
                                continue;
                            }
                        }

                        // The PE reader needs to seek: the entry in memory (bounded above).
                        var bytes = new MemoryStream((int)entry.Length);
                        using (Stream entryStream = entry.Open())
                        {
                            entryStream.CopyTo(bytes);
                        }

                        bytes.Position = 0;
                        string? name = AssemblyName(bytes);
                        if (name != null)
                        {
                            found.Add(new Found(name, path + "!" + entry.FullName));
                        }
                    }
                }

                return true;
            }
            catch (Exception e) when (e is InvalidDataException || e is IOException || e is NotSupportedException || e is UnauthorizedAccessException)
            {
                problem = "it starts as a zip but could not be read as one (" + e.Message + ")";
                return false;
            }
        }

        /// <summary>
        /// A compiled .resources blob (what GenerateResource makes of a .resx, ResXFileRef entries included: adversary round
        /// 4 #4, an SDK's dll committed as .bin and pulled in as System.Byte[]): each byte-array or stream entry that is a
        /// managed assembly is named by its metadata, at "file!entry".
        /// </summary>
        private static bool InspectResources(Stream stream, string path, List<Found> found, out string? problem)
        {
            problem = null;
            try
            {
                using (var reader = new System.Resources.ResourceReader(stream))
                {
                    System.Collections.IDictionaryEnumerator entries = reader.GetEnumerator();
                    int count = 0;
                    while (entries.MoveNext())
                    {
                        if (++count > MaxEntries)
                        {
                            problem = "it is compiled resources of more than " + MaxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture) + " entries, over the limit for looking inside";
                            return false;
                        }

                        string key = (string)entries.Key;
                        reader.GetResourceData(key, out string type, out byte[] data);
                        if ((type != "ResourceTypeCode.ByteArray" && type != "ResourceTypeCode.Stream") || data.Length < 6)
                        {
                            continue;
                        }

                        int length = BitConverter.ToInt32(data, 0);
                        if (length < 2 || length > data.Length - 4 || data[4] != 'M' || data[5] != 'Z')
                        {
                            continue;
                        }

                        string? name = AssemblyName(new MemoryStream(data, 4, length, writable: false));
                        if (name != null)
                        {
                            found.Add(new Found(name, path + "!" + key));
                        }
                    }
                }

                return true;
            }
            catch (Exception e) when (e is BadImageFormatException || e is ArgumentException || e is InvalidOperationException || e is EndOfStreamException || e is FormatException || e is NotSupportedException || e is IOException)
            {
                problem = "it starts as compiled resources but could not be read as such (" + e.GetType().Name + ")";
                return false;
            }
        }

        /// <summary>The assembly name in a PE image's CLI metadata; null when the bytes are no managed assembly.</summary>
        public static string? AssemblyName(Stream stream)
        {
            try
            {
                using (var pe = new PEReader(stream, PEStreamOptions.LeaveOpen))
                {
                    if (!pe.HasMetadata)
                    {
                        return null;
                    }

                    MetadataReader metadata = pe.GetMetadataReader();
                    if (!metadata.IsAssembly)
                    {
                        return null;
                    }

                    return metadata.GetString(metadata.GetAssemblyDefinition().Name);
                }
            }
            catch (Exception e) when (e is BadImageFormatException || e is InvalidOperationException || e is IOException)
            {
                return null;
            }
        }
    }
}
