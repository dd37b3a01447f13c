using System.Text;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Tests;

public sealed class ByteDiffTests
{
    [Fact]
    public void Puts_the_caret_under_the_first_difference()
    {
        // Given an echo that lost its comma
        var expected = Encoding.UTF8.GetBytes("Hello, world");
        var actual = Encoding.UTF8.GetBytes("Hello world");

        // When the two are compared
        var lines = ByteDiff.Describe(expected, actual).Split('\n');

        // Then the caret stands under the byte that differs, at offset 5
        Assert.Equal("expected (12 bytes): \"Hello, world\"", lines[0]);
        Assert.Equal("received (11 bytes): \"Hello world\"", lines[1]);
        int column = lines[2].IndexOf('^');
        Assert.Equal(',', lines[0][column]);
        Assert.Contains("first difference at byte 5: expected 0x2C, received 0x20", lines[2]);
    }

    [Fact]
    public void Says_when_the_received_data_is_short()
    {
        var description = ByteDiff.Describe("Hello"u8, "Hel"u8);

        Assert.Contains("first difference at byte 3: the received data ends here, 2 bytes short", description);
    }

    [Fact]
    public void Says_when_extra_bytes_were_received()
    {
        var description = ByteDiff.Describe("Hello"u8, "Hello\n"u8);

        Assert.Contains("\"Hello\\n\"", description);
        Assert.Contains("first difference at byte 5: 1 byte more than expected arrived", description);
    }

    [Fact]
    public void Shows_a_long_payload_around_the_difference_only()
    {
        var expected = new byte[100_000];
        var actual = (byte[])expected.Clone();
        actual[70_000] = 1;

        var description = ByteDiff.Describe(expected, actual);

        Assert.Contains("first difference at byte 70000", description);
        Assert.True(description.Length < 800, description);
    }

    [Fact]
    public void Finds_no_difference_in_equal_data()
    {
        Assert.Equal(-1, ByteDiff.FirstDifference("same"u8, "same"u8));
        Assert.Equal("", ByteDiff.Describe("same"u8, "same"u8));
    }
}
