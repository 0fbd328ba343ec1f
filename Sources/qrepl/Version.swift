import Foundation

/// qrepl's version, and the git commit of the source tree it was built in when that can be found.
enum Version {
    /// The release number.
    static let number = "0.1.0"

    /// What `qrepl --version` prints, e.g. `qrepl 0.1.0 (commit 3f2a9c1d0e4b)`.
    static var line: String {
        guard let commit = GitCommit.find(near: executableDirectory()) else { return "qrepl \(number)" }
        return "qrepl \(number) (commit \(commit.prefix(12)))"
    }

    /// The directory holding the running executable, symlinks resolved.
    private static func executableDirectory() -> URL {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? "."
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent()
    }
}

/// Reads the checked-out commit of a git repository straight from its files, without
/// running git (so `--version` stays instant and works where git is not installed).
enum GitCommit {
    /// The commit of the nearest repository at or above `directory`, or nil.
    static func find(near directory: URL) -> String? {
        var current = directory.standardizedFileURL
        while true {
            if let gitDirectory = gitDirectory(in: current) {
                return headCommit(gitDirectory: gitDirectory)
            }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    /// `.git` inside `directory`: the folder itself, or where a `gitdir:` file points (worktrees).
    private static func gitDirectory(in directory: URL) -> URL? {
        let dotGit = directory.appendingPathComponent(".git")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dotGit.path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { return dotGit }
        guard let text = try? String(contentsOf: dotGit, encoding: .utf8),
              let line = text.split(separator: "\n").first, line.hasPrefix("gitdir:") else { return nil }
        let target = line.dropFirst("gitdir:".count).trimmingCharacters(in: .whitespaces)
        return URL(fileURLWithPath: target, relativeTo: directory).standardizedFileURL
    }

    /// The commit that HEAD names, following one symbolic ref through loose or packed refs.
    private static func headCommit(gitDirectory: URL) -> String? {
        guard let head = readLine(gitDirectory.appendingPathComponent("HEAD")) else { return nil }
        guard head.hasPrefix("ref:") else { return isCommitHash(head) ? head : nil }
        let reference = head.dropFirst("ref:".count).trimmingCharacters(in: .whitespaces)
        var commonDirectory = gitDirectory
        if let common = readLine(gitDirectory.appendingPathComponent("commondir")) {
            commonDirectory = URL(fileURLWithPath: common, relativeTo: gitDirectory).standardizedFileURL
        }
        for directory in [gitDirectory, commonDirectory] {
            if let hash = readLine(directory.appendingPathComponent(reference)), isCommitHash(hash) {
                return hash
            }
        }
        let packed = (try? String(contentsOf: commonDirectory.appendingPathComponent("packed-refs"), encoding: .utf8)) ?? ""
        for line in packed.split(separator: "\n") {
            let fields = line.split(separator: " ")
            if fields.count == 2, fields[1] == reference, isCommitHash(String(fields[0])) {
                return String(fields[0])
            }
        }
        return nil
    }

    private static func readLine(_ file: URL) -> String? {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return nil }
        let line = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return line.isEmpty ? nil : line
    }

    private static func isCommitHash(_ text: String) -> Bool {
        text.count >= 40 && text.allSatisfy(\.isHexDigit)
    }
}
