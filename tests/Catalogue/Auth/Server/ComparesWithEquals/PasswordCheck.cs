namespace SocketExercises.Catalogue.Auth.Server.ComparesWithEquals;

/// <summary>
/// The password check of the catalogue's <c>compares-with-equals</c> server, in a folder of its own: the grading
/// reads this folder as that server's code, as it reads a student's project folder.
/// </summary>
internal static class PasswordCheck
{
    // Right on the wire, wrong in time: == stops at the first character that differs.
    public static bool Accepts(string given, string password) => given == password;
}
