using System.Text;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Tests.Reports;

namespace SocketExercises.Grader.Tests.Running;

/// <summary>
/// What the grader keeps of a program's output: a bounded head and tail however much it prints, newline or not,
/// whole lines, and every secret it was told to watch found wherever it was printed.
/// </summary>
public sealed class ProgramOutputTests
{
    [Fact]
    public void Ten_megabytes_without_a_newline_keep_a_bounded_head_and_tail_and_say_how_much_was_left_out()
    {
        var output = new ProgramOutput();
        string block = new('x', 16 * 1024);
        for (int i = 0; i < 640; i++)
        {
            output.Append(block);
        }
        output.End();

        string kept = GradedReports.InLanguage("en", output.ToString);

        Assert.True(kept.Length <= ProgramOutput.HeadChars + 2 * ProgramOutput.TailChars + ProgramOutput.LineChars + 100, $"{kept.Length} characters kept");
        Assert.Matches(@"… [\d,]+ bytes not shown …", kept);
    }

    [Fact]
    public void Lines_are_kept_whole_with_crlf_as_lf_and_the_first_and_last_ones_shown()
    {
        var output = new ProgramOutput();
        output.Append("first line\r\nsecond ");
        output.Append("line\r");
        output.Append("\n");
        for (int i = 0; i < 20_000; i++)
        {
            output.Append($"log line {i}\n");
        }
        output.Append("last line without a newline");
        output.End();

        string kept = GradedReports.InLanguage("en", output.ToString);

        Assert.StartsWith("first line\nsecond line\nlog line 0\n", kept);
        Assert.EndsWith("log line 19999\nlast line without a newline", kept);
        Assert.DoesNotContain("\r", kept);
    }

    [Fact]
    public void Half_a_line_is_not_shown_until_its_newline_comes()
    {
        var output = new ProgramOutput();

        output.Append("Đurđa: hel");
        string before = output.ToString();
        output.Append("lo\n");

        Assert.Equal("", before);
        Assert.Equal("Đurđa: hello\n", output.ToString());
    }

    [Theory]
    [InlineData("as it is", "password: s3cret-Pa55")]
    [InlineData("split between two reads", "password: s3cret-|Pa55")]
    [InlineData("in hex", "key 73336372 65742d50613535")]
    [InlineData("in Base64", "key czNjcmV0LVBhNTU")]
    public void A_secret_is_found_wherever_it_was_printed_even_in_the_part_not_kept(string how, string printed)
    {
        // Given a program that prints half a megabyte, then the secret (as the case says), then half a megabyte more
        var output = new ProgramOutput(["s3cret-Pa55"]);
        for (int i = 0; i < 10_000; i++)
        {
            output.Append($"debug line {i} of the first flood\n");
        }
        foreach (string part in printed.Replace(" 65742d", "65742d", StringComparison.Ordinal).Split('|'))
        {
            output.Append(part);
        }
        output.Append("\n");
        for (int i = 0; i < 10_000; i++)
        {
            output.Append($"debug line {i} of the second flood\n");
        }

        // Then the secret is not in what is kept, and is found all the same
        Assert.DoesNotContain("s3cret", output.ToString());
        Assert.True(output.Printed("s3cret-Pa55") is not null, how);
        Assert.Null(output.Printed("another-secret"));
    }

    [Fact]
    public void A_short_secret_is_looked_for_only_as_it_is()
    {
        var output = new ProgramOutput(["ab"]);

        output.Append("6162 YWI\n"); // "ab" in hex and Base64: too short to tell from chance

        Assert.Null(output.Printed("ab"));
    }

    [Fact]
    public void Croatian_letters_split_between_reads_are_kept_whole()
    {
        var output = new ProgramOutput();
        byte[] bytes = Encoding.UTF8.GetBytes("čćžšđ\n");
        var decoder = Encoding.UTF8.GetDecoder();
        char[] chars = new char[16];
        foreach (byte b in bytes)
        {
            int n = decoder.GetChars([b], 0, 1, chars, 0, flush: false);
            output.Append(chars.AsSpan(0, n));
        }

        Assert.Equal("čćžšđ\n", output.ToString());
    }
}
