using System.Text;
using Guardrails.BuildTasks.Foundation;

namespace Guardrails.BuildTasks.Tests;

/// <summary>TextEncodings: text the compiler cannot decode (UTF-32, unmarked UTF-16) told from binary and from what it decodes.</summary>
public class TextEncodingsTests
{
    private const string Text = "OPENAI_API_KEY=read-it-from-the-environment\n";

    private static Encoding? Of(byte[] bytes) => TextEncodings.NotForCompiler(bytes, bytes.Length);

    [Fact]
    public void Unmarked_UTF16_and_UTF32_of_either_byte_order_and_marked_UTF32_decode_back_to_the_text()
    {
        foreach (Encoding writer in new Encoding[] { new UnicodeEncoding(false, false), new UnicodeEncoding(true, false), new UTF32Encoding(false, false), new UTF32Encoding(true, false) })
        {
            byte[] bytes = writer.GetBytes(Text);
            Encoding? found = Of(bytes);
            Assert.NotNull(found);
            Assert.Equal(Text, found!.GetString(bytes));
        }

        byte[] marked = new UTF32Encoding(false, true).GetPreamble().Concat(Encoding.UTF32.GetBytes("{ }")).ToArray();
        Assert.IsType<UTF32Encoding>(Of(marked));
    }

    [Fact]
    public void UTF8_marked_UTF16_binary_and_short_heads_are_not_claimed()
    {
        Assert.Null(Of(Encoding.UTF8.GetBytes(Text)));
        Assert.Null(Of(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Text)).ToArray())); // the compiler reads it
        Assert.Null(Of(new byte[64]));                                                                     // NULs: binary
        Assert.Null(Of(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0, 0, 0, 1, 0 }));
        Assert.Null(Of(new UnicodeEncoding(false, false).GetBytes("abc")));                                // too short to tell
        var random = new byte[4096];
        new Random(7).NextBytes(random);
        Assert.Null(Of(random));
    }
}
