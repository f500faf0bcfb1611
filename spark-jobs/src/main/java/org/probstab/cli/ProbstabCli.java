package org.probstab.cli;

import org.probstab.config.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code probstab} command line. Bad input exits with code 2 and a one-line message naming the parameter and
 * its allowed range (DESIGN §8); other failures exit with 1.
 */
@Command(name = "probstab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Probabilistic stability of SGD: Lyapunov-exponent phase diagrams.",
        subcommands = {SweepCommand.class, ExportCommand.class, EvalCommand.class, BenchCommand.class,
            RenderCommand.class, FiguresCommand.class, TrainCommand.class, BoundaryCommand.class,
            RefineCommand.class, FractalCommand.class, AggregateCommand.class})
public final class ProbstabCli {

    /** Exit code for bad input. */
    public static final int BAD_INPUT = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** Runs the command line with the given output and error streams (for tests and embedding). */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ProbstabCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof InvalidInputException)) {
                cause = cause.getCause();
            }
            if (cause instanceof InvalidInputException bad) {
                commandLine.getErr().println(commandLine.getCommandName() + ": error: " + bad.getMessage());
                return BAD_INPUT;
            }
            throw e;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println(c.getCommandName() + ": error: " + e.getMessage() + " (see --help)");
            return BAD_INPUT;
        });
        return cli;
    }
}
