import QML

/// What `qrepl --version` prints.
enum Version {
    /// The release number (the language's version).
    static var number: String { QMLVersion.version }

    /// `qrepl 0.1.0`, followed by the git commit of the checkout qrepl runs from when
    /// that is known, e.g. `qrepl 0.1.0 (commit 3f2a9c1d0e4b)`.
    static var line: String {
        guard let commit = QMLVersion.commit else { return "qrepl \(number)" }
        return "qrepl \(number) (commit \(commit))"
    }
}
