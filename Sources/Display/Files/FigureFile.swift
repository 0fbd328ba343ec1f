import Foundation

/// Why a figure could not be saved.
public enum FigureFileError: Error, Equatable, CustomStringConvertible {
    /// The path does not end in an extension qrepl can write.
    case unsupportedExtension(path: String, supported: [String])
    /// The file system refused; `reason` is the system's message.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unsupportedExtension(path, supported):
            let list = supported.map { "." + $0 }.joined(separator: ", ")
            return "cannot save a figure as '\(path)': the file name must end in one of \(list)"
        case let .writeFailed(path, reason):
            return "cannot write '\(path)': \(reason)"
        }
    }
}

/// Saves figures as files, choosing the format from the file name.
public enum FigureFile {
    /// File name extensions `write` understands (compared without regard to case).
    public static let supportedExtensions = ["svg", "png"]

    /// The file contents for `figure` in the format `path`'s extension names.
    public static func contents(_ figure: Figure, forPath path: String) throws -> [UInt8] {
        switch fileExtension(path) {
        case "svg": return Array(SVGWriter.svg(figure).utf8)
        case "png": return PNGWriter.png(figure)
        default: throw FigureFileError.unsupportedExtension(path: path, supported: supportedExtensions)
        }
    }

    /// Writes `figure` to `path` as SVG or PNG by its extension. The bytes go to a new
    /// temporary file in the same directory, which is then renamed over `path`, so readers
    /// never see a half-written figure and a failure leaves any old file untouched.
    public static func write(_ figure: Figure, to path: String) throws {
        try writeAtomically(try contents(figure, forPath: path), to: path)
    }

    /// The lower-cased extension of the last path component ("" when there is none).
    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// Writes `bytes` to a temporary sibling of `path` and renames it into place.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw FigureFileError.writeFailed(path: path, reason: "the path names a directory") }

        var descriptor: Int32 = -1
        var temporary = ""
        for attempt in 0..<100 {
            temporary = "\(directory).\(name).\(getpid())-\(attempt).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw FigureFileError.writeFailed(path: path, reason: systemMessage()) }

        var written = 0
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while written < buffer.count {
                let n = systemWrite(descriptor, base + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = systemMessage(); return
                }
                written += n
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = systemMessage() }
        if close(descriptor) != 0, failure == nil { failure = systemMessage() }
        if failure == nil, rename(temporary, path) != 0 { failure = systemMessage() }
        if let failure {
            unlink(temporary)
            throw FigureFileError.writeFailed(path: path, reason: failure)
        }
    }

    private static func systemMessage() -> String {
        String(cString: strerror(errno))
    }
}

/// The system's write(2), named apart from `FigureFile.write`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
