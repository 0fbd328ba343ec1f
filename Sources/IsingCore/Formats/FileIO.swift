#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Reading whole files and replacing them atomically, with error messages that name
/// the file and say what went wrong. Every saver in `Formats/` goes through here.
public enum FileIO {
    /// The bytes of a file.
    ///
    /// - Throws: `IsingError` naming the file when it cannot be opened or read.
    public static func readBytes(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw IsingError("cannot read \(path): \(lastErrorText())") }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw IsingError("cannot read \(path): it is a directory")
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw IsingError("cannot read \(path): \(lastErrorText())")
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// The text of a UTF-8 file (a leading byte-order mark is dropped).
    ///
    /// - Throws: `IsingError` when the file cannot be read or is not UTF-8; the message
    ///   gives the line of the first bad byte.
    public static func readText(_ path: String) throws -> String {
        var bytes = try readBytes(path)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        // Find the first byte that breaks UTF-8, to say on which line.
        var line = 1
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): if s == "\n" { line += 1 }
            case .emptyInput, .error: break decoding
            }
        }
        throw IsingError("\(path):\(line): expected UTF-8 text, found an invalid byte sequence")
    }

    /// Replaces (or creates) `path` with `bytes` so that readers see either the old file
    /// or the complete new one, never a part: the bytes go to a temporary file in the
    /// same directory, are flushed to disk, and the temporary file is renamed into place.
    ///
    /// - Throws: `IsingError` naming the file and the system's reason; the temporary file
    ///   is removed on failure.
    public static func writeAtomically(_ path: String, _ bytes: [UInt8]) throws {
        guard !path.isEmpty else { throw IsingError("cannot write a file with an empty name") }
        let (directory, base) = split(path)
        var info = stat()
        if stat(directory, &info) != 0 {
            throw IsingError("cannot write \(path): directory \(directory) does not exist")
        }
        if (info.st_mode & S_IFMT) != S_IFDIR {
            throw IsingError("cannot write \(path): \(directory) is not a directory")
        }
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw IsingError("cannot write \(path): it is a directory")
        }
        var fd: Int32 = -1
        var temporary = ""
        for _ in 0..<16 {
            let tag = String(UInt32.random(in: 0...UInt32.max), radix: 36)
            temporary = directory + "/.\(base).\(getpid()).\(tag).tmp"
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o666)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw IsingError("cannot write \(path): \(lastErrorText())") }
        func fail(_ what: String) -> IsingError {
            let reason = lastErrorText()
            close(fd)
            unlink(temporary)
            return IsingError("cannot write \(path): \(what)\(reason)")
        }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail("")
            }
            written += n
        }
        if fsync(fd) != 0 && errno != EINVAL { throw fail("could not flush to disk: ") }
        if close(fd) != 0 {
            let reason = lastErrorText()
            unlink(temporary)
            throw IsingError("cannot write \(path): \(reason)")
        }
        if rename(temporary, path) != 0 {
            let reason = lastErrorText()
            unlink(temporary)
            throw IsingError("cannot write \(path): \(reason)")
        }
    }

    /// `writeAtomically` for text, stored as UTF-8.
    public static func writeAtomically(_ path: String, text: String) throws {
        try writeAtomically(path, Array(text.utf8))
    }

    /// The directory part (or ".") and the last component of a path.
    static func split(_ path: String) -> (String, String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    private static func lastErrorText() -> String {
        guard let text = strerror(errno) else { return "error \(errno)" }
        return String(cString: text).lowercased()
    }
}
