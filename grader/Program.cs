using SocketExercises.Common;
using SocketExercises.Grader.Cli;
using SocketExercises.Grader.Texts;

// The language is chosen first: the command line's help and errors are worded as it is built.
Language.Use(Language.Resolve(Language.Requested(args)));
return await CommandLine.InvokeAsync(GraderCommandLine.Build(), args);
