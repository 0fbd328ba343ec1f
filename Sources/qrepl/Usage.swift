/// The text printed by `qrepl --help`, and the hint shown after a usage error.
enum Usage {
    /// The full help text.
    static let text = """
        qrepl \(Version.number): a language for Ising-model experiments

        Usage:
          qrepl                         interactive session (runs stdin as a script when it is not a terminal)
          qrepl FILE.qml [ARGS...]      run a script; ARGS are visible to it as `args`
          qrepl run FILE.qml [ARGS...]  the same
          qrepl -e CODE [ARGS...]       run CODE (-e may be repeated; the pieces are joined by newlines)
          qrepl -i FILE.qml             run a script, then stay in a session with its names
          qrepl -                       run standard input as a script
          qrepl report FILE.qml [-o DIR] [ARGS...]
                                        run the script's #%% cells in order and write DIR/FILE.md,
                                        a self-contained DIR/FILE.html and DIR/fig-N.svg per figure
                                        (default DIR: report-FILE in the current directory)

        Options:
          -e, --eval CODE       run CODE instead of a file
          -i, --interactive     after the script or CODE, start an interactive session
          --record OUT.json     write a JSON record of the run (command, version, timing, seeds, records)
          -o, --output DIR      (report) the directory the report is written to
          --                    stop reading options; what follows goes to the script
          --reference           print the reference of every builtin (Markdown) and exit
          -V, --version         print the version and exit
          -h, --help            print this help and exit

        Exit status: 0 success, 1 runtime error (report: a cell failed), 2 syntax or resolution
        error or bad usage, 130 stopped with Ctrl-C.

        Environment:
          QREPL_HISTORY   history file of the interactive session (default ~/.qrepl_history; empty: none)
          NO_COLOR        when set and not empty, never write colour (nor with TERM=dumb)
          EDITRC          libedit key bindings file (default ~/.editrc)
          QREPL_PROGRESS  0: no progress bars (they are drawn on stderr only when it is a terminal)

        In a session, type :help for commands and keys; :cells FILE and :cell N run a script's cells.

        """

    /// One line pointing at `--help`, printed after a usage error.
    static let hint = "Try 'qrepl --help' for usage.\n"
}
