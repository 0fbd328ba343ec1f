import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Drives the real `qrepl` binary through a pseudo-terminal, typing as a user would:
/// multi-line input, history recall, Tab completion, Ctrl-C and Ctrl-D.
final class REPLPtyTests: XCTestCase {
    private let up = "\u{1B}[A"
    private let ctrlC = "\u{03}"
    private let ctrlD = "\u{04}"

    func testInteractiveSession() throws {
        let home = try TemporaryDirectory()
        let history = home.path("history")
        let session = try PseudoTerminalSession(
            executable: try QreplExecutable.path(), arguments: [],
            environment: ["HOME": home.root.path, "QREPL_HISTORY": history])
        defer { session.terminate() }

        try session.expectPrompt()

        // A function typed over three lines: the continuation prompt until the brace closes.
        session.send("fn sq(x) {\r")
        try session.expect("...>")
        session.send("x * x\r")
        try session.expect("...>")
        session.send("}\r")
        try session.expectPrompt()
        session.send("sq(7)\r")
        try session.expect("=> 49")
        try session.expectPrompt()

        // Up arrow brings back `sq(7)`; running it again prints the same value.
        session.send(up)
        try session.expect("sq(7)")
        session.send("\r")
        try session.expect("=> 49")
        try session.expectPrompt()

        // Tab completes a name defined in the session.
        session.send("let somelongname = 5\r")
        try session.expectPrompt()
        session.send("somelo\t")
        try session.expect("ngname")
        session.send(" + 1\r")
        try session.expect("=> 6")
        try session.expectPrompt()

        // Ctrl-C stops a loop that would never end; the session and its names survive.
        session.send("while true {}\r")
        try session.expect("while true {}")
        Thread.sleep(forTimeInterval: 0.5)  // let the evaluation start
        session.send(ctrlC)
        try session.expect("interrupted")
        try session.expectPrompt()
        session.send("1 + 1\r")
        try session.expect("=> 2")
        try session.expectPrompt()
        session.send("sq(somelongname)\r")
        try session.expect("=> 25")
        try session.expectPrompt()

        // Ctrl-D on an empty line ends the session normally and saves the history.
        session.send(ctrlD)
        let status = try session.waitForExit()
        XCTAssertEqual(status, 0, session.transcript)
        let saved = try String(contentsOfFile: history, encoding: .utf8)
        XCTAssertTrue(saved.contains("sq(7)"), "history file holds:\n\(saved)")
    }

    func testCtrlCAtThePromptDiscardsTheLineAndErrorsDoNotEndTheSession() throws {
        let home = try TemporaryDirectory()
        let session = try PseudoTerminalSession(
            executable: try QreplExecutable.path(), arguments: [],
            environment: ["HOME": home.root.path, "QREPL_HISTORY": home.path("history")])
        defer { session.terminate() }

        try session.expectPrompt()
        session.send("12345")
        try session.expect("12345")
        session.send(ctrlC)
        try session.expectPrompt()
        session.send("2 + 3\r")
        try session.expect("=> 5")
        try session.expectPrompt()

        // An unfinished block is abandoned by Ctrl-C too.
        session.send("fn f(x) {\r")
        try session.expect("...>")
        session.send(ctrlC)
        try session.expectPrompt()
        session.send("40 + 2\r")
        try session.expect("=> 42")

        session.send("1 / \"a\"\r")
        try session.expect("error")
        session.send(":nonsense\r")
        try session.expect("unknown command")
        session.send("quit\r")
        XCTAssertEqual(try session.waitForExit(), 0, session.transcript)
    }
}

/// A child process whose stdin, stdout and stderr are the slave side of a new
/// pseudo-terminal (it is also its session's controlling terminal, so Ctrl-C typed on
/// the master becomes SIGINT). Every wait is bounded, so a hang fails instead of blocking.
final class PseudoTerminalSession {
    /// The child's process id.
    let pid: pid_t
    private var master: Int32
    private var received: [UInt8] = []
    /// Output before this index has been matched by an expectation already.
    private var matchedUpTo = 0
    private var exitStatus: Int32?

    /// How a session failed.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Starts `executable` on a new 100x30 terminal with `environment` added to this
    /// process's environment (TERM is set to xterm, NO_COLOR and EDITRC are removed).
    init(executable: String, arguments: [String], environment: [String: String]) throws {
        master = try PseudoTerminalSession.openMaster()
        let slavePath: String
        do {
            slavePath = try PseudoTerminalSession.slavePath(of: master)
        } catch {
            close(master)
            throw error
        }
        var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid, so the terminal becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        sigaddset(&defaultSignals, SIGINT)
        sigaddset(&defaultSignals, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        let setSession: Int32 = 0x80  // POSIX_SPAWN_SETSID (glibc), not exported to Swift
        posix_spawnattr_setflags(&attributes, Int16(setSession | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var variables = ProcessInfo.processInfo.environment
        variables["TERM"] = "xterm"
        variables["NO_COLOR"] = nil
        variables["EDITRC"] = nil
        variables.merge(environment) { _, new in new }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            close(master)
            throw Failure(description: "posix_spawn \(executable) failed: error \(result)")
        }
        pid = child
    }

    deinit { terminate() }

    /// Opens a new pseudo-terminal master, granted and unlocked.
    private static func openMaster() throws -> Int32 {
        let functions = try TerminalFunctions()
        let master = functions.openpt(O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw Failure(description: "posix_openpt failed: errno \(errno)") }
        guard functions.grantpt(master) == 0, functions.unlockpt(master) == 0 else {
            close(master)
            throw Failure(description: "grantpt/unlockpt failed: errno \(errno)")
        }
        return master
    }

    /// The device path of the slave side of `master`.
    private static func slavePath(of master: Int32) throws -> String {
        let functions = try TerminalFunctions()
        var buffer = [CChar](repeating: 0, count: 256)
        guard functions.ptsname_r(master, &buffer, buffer.count) == 0 else {
            throw Failure(description: "ptsname_r failed: errno \(errno)")
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Types `text` (use "\r" for Enter, "\u{03}" for Ctrl-C).
    func send(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written > 0 {
                bytes = bytes.dropFirst(written)
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    /// Waits until `text` appears in the output after what earlier expectations matched.
    func expect(_ text: String, timeout: TimeInterval = 15,
                file: StaticString = #filePath, line: UInt = #line) throws {
        let needle = Array(text.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let found = find(needle, from: matchedUpTo) {
                matchedUpTo = found + needle.count
                return
            }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 || !readSome(timeout: remaining) {
                let message = "did not see \(text.debugDescription) in time; terminal output:\n\(transcript)"
                XCTFail(message, file: file, line: line)
                throw Failure(description: message)
            }
        }
    }

    /// Waits for the main prompt, then a moment more so that the line editor has the
    /// terminal in its own mode before anything is typed (control keys typed earlier
    /// would be handled by the terminal driver instead).
    func expectPrompt(file: StaticString = #filePath, line: UInt = #line) throws {
        try expect("qml>", file: file, line: line)
        Thread.sleep(forTimeInterval: 0.1)
    }

    /// Waits for the child to exit (reading its output meanwhile) and returns its exit status.
    func waitForExit(timeout: TimeInterval = 15) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = reap() { return status }
            _ = readSome(timeout: 0.05)
        }
        throw Failure(description: "qrepl did not exit in time; terminal output:\n\(transcript)")
    }

    /// Everything the terminal received, with control characters made visible.
    var transcript: String {
        String(decoding: received, as: UTF8.self).unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\n", "\t": return String(scalar)
            case "\r": return ""
            case "\u{1B}": return "⎋"
            default: return scalar.value < 0x20 ? "^\(Character(UnicodeScalar(scalar.value + 0x40) ?? "?"))" : String(scalar)
            }
        }.joined()
    }

    /// Kills the child if it is still running and releases the terminal.
    func terminate() {
        if exitStatus == nil && reap() == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
            exitStatus = -1
        }
        if master >= 0 {
            close(master)
            master = -1
        }
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, received.count - start >= needle.count else { return nil }
        for index in start...(received.count - needle.count)
        where received[index] == needle[0] && Array(received[index..<index + needle.count]) == needle {
            return index
        }
        return nil
    }

    /// Reads whatever arrives within `timeout`; false when nothing can arrive any more.
    private func readSome(timeout: TimeInterval) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(1, min(timeout, 1) * 1000)))
        if ready < 0 { return errno == EINTR }
        if ready == 0 { return exitStatus == nil && reapWithoutBlocking() }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if count > 0 {
            received.append(contentsOf: buffer[0..<count])
            return true
        }
        // EIO: the child closed the terminal (it exited).
        _ = reap()
        return false
    }

    /// True while the child is still running.
    private func reapWithoutBlocking() -> Bool { reap() == nil }

    private func reap() -> Int32? {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        // WIFEXITED / WEXITSTATUS by hand: the macros are not imported into Swift.
        let exited = status & 0x7F == 0
        exitStatus = exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return exitStatus
    }
}

/// The C library's pseudo-terminal functions. Glibc declares them only for
/// `_XOPEN_SOURCE`, so Swift's Glibc module does not show them; they are looked up by name.
private struct TerminalFunctions {
    let openpt: @convention(c) (Int32) -> Int32
    let grantpt: @convention(c) (Int32) -> Int32
    let unlockpt: @convention(c) (Int32) -> Int32
    let ptsname_r: @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32

    init() throws {
        openpt = try Self.lookUp("posix_openpt")
        grantpt = try Self.lookUp("grantpt")
        unlockpt = try Self.lookUp("unlockpt")
        ptsname_r = try Self.lookUp("ptsname_r")
    }

    private static func lookUp<Function>(_ name: String) throws -> Function {
        #if canImport(Darwin)
        let everywhere = UnsafeMutableRawPointer(bitPattern: -2)  // RTLD_DEFAULT
        #else
        let everywhere = UnsafeMutableRawPointer(bitPattern: 0)  // RTLD_DEFAULT
        #endif
        guard let symbol = dlsym(everywhere, name) else {
            throw PseudoTerminalSession.Failure(description: "\(name) is not in the C library")
        }
        return unsafeBitCast(symbol, to: Function.self)
    }
}
