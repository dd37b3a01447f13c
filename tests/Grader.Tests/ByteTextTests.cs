using System.Text;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Tests;

public sealed class ByteTextTests
{
    [Fact]
    public void Keeps_Croatian_letters_readable()
    {
        Assert.Equal("čćžšđ ČĆŽŠĐ", ByteText.Escape(Encoding.UTF8.GetBytes("čćžšđ ČĆŽŠĐ")));
    }

    [Fact]
    public void Makes_line_endings_and_quotes_visible()
    {
        Assert.Equal("a\\r\\n\\t\\\"b\\\\", ByteText.Escape("a\r\n\t\"b\\"u8));
    }

    [Fact]
    public void Shows_bytes_that_are_not_text_in_hex()
    {
        Assert.Equal("\\x00\\xFF\\xC4\\x7F", ByteText.Escape([0x00, 0xFF, 0xC4, 0x7F]));
    }

    [Fact]
    public void Shortens_a_long_payload_in_the_middle()
    {
        var quoted = ByteText.Quote(Encoding.ASCII.GetBytes(new string('a', 1000)), 20);

        Assert.Equal("\"aaaaaaaaaa\" … (980 bytes) … \"aaaaaaaaaa\"", quoted);
    }

    [Fact]
    public void Shows_binary_data_in_hex_even_where_it_happens_to_spell_a_letter()
    {
        // 0xC5 0xA0 is "Š" in UTF-8, but next to an invalid 0xFF the data is binary, not text
        Assert.Equal("\\xC5\\xA0\\xFF", ByteText.Escape([0xC5, 0xA0, 0xFF]));
        Assert.Equal("Š", ByteText.Escape([0xC5, 0xA0]));
    }
}
