import Foundation

/// Where qrepl keeps its per-user files, and `~` expansion for paths the user types.
enum Paths {
    /// The user's home directory: `$HOME`, else the password database's entry.
    static var home: String {
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty { return home }
        return FileManager.default.homeDirectoryForCurrentUser.path
    }

    /// The history file: `$QREPL_HISTORY` when set (empty means no history file),
    /// else `~/.qrepl_history`.
    static var historyFile: String? {
        if let path = ProcessInfo.processInfo.environment["QREPL_HISTORY"] {
            return path.isEmpty ? nil : expandingTilde(path)
        }
        return (home as NSString).appendingPathComponent(".qrepl_history")
    }

    /// The startup script run at the beginning of every interactive session, if it exists.
    static var startupScript: String {
        (home as NSString).appendingPathComponent(".qreplrc.qml")
    }

    /// `path` with a leading `~` or `~/` replaced by the home directory.
    static func expandingTilde(_ path: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return (home as NSString).appendingPathComponent(String(path.dropFirst(2))) }
        return path
    }
}
