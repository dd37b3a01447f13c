using SocketExercises.Common;
using SocketExercises.Grader.Cli;

return await CommandLine.InvokeAsync(GraderCommandLine.Build(), args);
