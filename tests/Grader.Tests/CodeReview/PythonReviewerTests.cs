using SocketExercises.Grader.CodeReview;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests.CodeReview;

/// <summary>The constant-time rule in a Python program, the course's language: the mistake as students write it, and the right way.</summary>
public sealed class PythonReviewerTests
{
    public static TheoryData<string> Mistakes { get; } =
    [
        """if line == f"AUTH {password}":""",
        """    if given != PASSWORD:""",
        """ok = line[5:] == os.environ["SOCKET_PASSWORD"] or line[5:] == password""",
        "expected = hmac.new(password.encode(), nonce, \"sha256\").hexdigest()\nif answer == expected:",
        """if line.startswith(password):""",
        """if parts[1] == password:""",
        """        if data.decode("utf-8").strip() == "AUTH " + PASSWORD:""",
        """return received.decode().rstrip("\\r") == "AUTH " + args.password""",
    ];

    public static TheoryData<string> RightWays { get; } =
    [
        """if hmac.compare_digest(line[5:].encode(), password.encode()):""",
        """if len(password) == 0 or password == "" or password is None or password != None:""",
        """if line == "QUIT":  # compare with password? no: this is a command""",
        """if __name__ == "__main__":""",
        "password_prompt = \"Password: \"\nif reply == password_prompt:",
    ];

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Flags_a_secret_compared_with_equals(string code)
    {
        var findings = PythonReviewer.Review([("server.py", code)]);

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.Equal("SE0001", f.Rule));
        Assert.All(findings, f => Assert.Contains("hmac.compare_digest", f.Message, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RightWays))]
    public void Leaves_the_right_way_alone(string code) =>
        Assert.Empty(PythonReviewer.Review([("server.py", code)]));

    [Fact]
    public void Shows_the_comparison_it_found()
    {
        var finding = Assert.Single(PythonReviewer.Review([("server.py", "import hmac\n\nif line == f\"AUTH {password}\":\n    ok()\n")]));

        Assert.Equal(("server.py", 3), (finding.File, finding.Line));
        Assert.StartsWith("'line == f\"AUTH {password}\"' compares a secret with ==", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalogues_python_programs_compare_their_secrets_in_constant_time()
    {
        var review = await new CodeReviewer().ReviewAsync(KitPrograms.PythonChallengePrograms, TestContext.Current.CancellationToken);

        Assert.True(review.Reviewed, review.NotReviewed);
        Assert.Empty(review.Findings);
    }
}
