import Foundation

/// A `.qml` file loaded by `import`: parsed, resolved and compiled once, run once.
final class ModuleUnit {
    let path: String
    let file: SourceFile
    var code: Code = { _ in .null }
    var frameSize = 1
    var hasRun = false

    init(path: String, file: SourceFile) {
        self.path = path
        self.file = file
    }
}

/// Finds, reads and compiles imported modules. Each file is loaded once per interpreter;
/// an import that leads back to a file still being loaded is an "import cycle" error.
final class ModuleLoader {
    unowned let interpreter: Interpreter
    private var modules: [String: ModuleUnit] = [:]
    private var loading: [String] = []

    init(interpreter: Interpreter) { self.interpreter = interpreter }

    /// The absolute paths an import path may refer to, in search order: next to the
    /// importing file, then in the standard library.
    func candidates(for path: String, from file: SourceFile) -> [String] {
        if path.hasPrefix("/") { return [path] }
        var out: [String] = []
        let importer = URL(fileURLWithPath: file.name)
        if file.name.hasPrefix("<") || file.name == "-e" {
            out.append(FileManager.default.currentDirectoryPath + "/" + path)
        } else {
            out.append(importer.deletingLastPathComponent().appendingPathComponent(path).path)
        }
        if let stdlib = StandardLibrary.directory {
            out.append(stdlib + "/" + path)
            out.append(URL(fileURLWithPath: stdlib).deletingLastPathComponent().appendingPathComponent(path).path)
        }
        return out
    }

    func load(_ path: String, from file: SourceFile, at span: Span) throws(Diagnostic) -> ModuleUnit {
        let found = candidates(for: path, from: file).first { FileManager.default.fileExists(atPath: $0) }
        guard let found else {
            throw Diagnostic.syntax("cannot find module \"\(path)\"", at: span,
                                    hint: "imports are looked up next to the importing file, then in the standard library (\(StandardLibrary.directory ?? "not found"))")
        }
        let canonical = URL(fileURLWithPath: found).standardizedFileURL.resolvingSymlinksInPath().path
        if let m = modules[canonical] { return m }
        if let i = loading.firstIndex(of: canonical) {
            let chain = (loading[i...] + [canonical]).map { URL(fileURLWithPath: $0).lastPathComponent }
            throw Diagnostic.syntax("import cycle: \(chain.joined(separator: " imports "))", at: span,
                                    hint: "move the shared definitions into a module that both can import")
        }
        loading.append(canonical)
        defer { loading.removeLast() }
        let source = try SourceReader.read(path: found, displayName: found, at: span)
        let chunk = try Parser.parse(source)
        let resolver = Resolver(globals: interpreter.globals, loader: self, file: source)
        try resolver.resolve(chunk)
        let unit = ModuleUnit(path: canonical, file: source)
        let compiled = interpreter.compiler.compileChunk(chunk)
        unit.code = compiled.code
        unit.frameSize = compiled.frameSize
        modules[canonical] = unit
        return unit
    }
}

/// Reads program files, rejecting text that is not UTF-8 with the position of the first bad byte.
enum SourceReader {
    static func read(path: String, displayName: String, at span: Span?) throws(Diagnostic) -> SourceFile {
        let data = FileManager.default.contents(atPath: path)
            ?? FileHandle(forReadingAtPath: path).flatMap { try? $0.readToEnd() ?? Data() }
        guard let data else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let why = exists ? (isDirectory.boolValue ? "it is a directory" : "permission denied") : "no such file"
            throw Diagnostic.syntax("cannot read \(path): \(why)", at: span)
        }
        return try decode(Array(data), name: displayName)
    }

    /// Decodes bytes as UTF-8 or reports where they stop being UTF-8.
    static func decode(_ bytes: [UInt8], name: String) throws(Diagnostic) -> SourceFile {
        if let text = String(validating: bytes, as: UTF8.self) {
            return SourceFile(name: name, text: text)
        }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                offset += UTF8.width(s)
                continue
            case .emptyInput:
                break
            case .error:
                // The text before the bad byte is valid, so its offset is the same in a
                // lossy decoding, which is what the diagnostic shows.
                let lossy = SourceFile(name: name, text: String(decoding: bytes, as: UTF8.self))
                throw Diagnostic.syntax("input is not valid UTF-8", at: Span(file: lossy, start: offset, end: offset + 1),
                                        hint: "save the file as UTF-8")
            }
            break
        }
        return SourceFile(name: name, text: String(decoding: bytes, as: UTF8.self))
    }
}

/// Where the standard library (`stdlib/`) is found: `$QREPL_STDLIB`, next to the
/// executable (walking up from it, which covers `.build/release/qrepl` in a checkout),
/// or the checkout this code was built from.
enum StandardLibrary {
    static let directory: String? = {
        let fm = FileManager.default
        func check(_ dir: String) -> String? {
            fm.fileExists(atPath: dir + "/prelude.qml") ? URL(fileURLWithPath: dir).standardizedFileURL.path : nil
        }
        if let env = ProcessInfo.processInfo.environment["QREPL_STDLIB"], let d = check(env) { return d }
        var starts: [URL] = []
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") { starts.append(URL(fileURLWithPath: exe)) }
        if let arg0 = CommandLine.arguments.first { starts.append(URL(fileURLWithPath: arg0).resolvingSymlinksInPath()) }
        for start in starts {
            var dir = start.deletingLastPathComponent()
            for _ in 0..<6 {
                if let d = check(dir.appendingPathComponent("share/qrepl/stdlib").path) { return d }
                if let d = check(dir.appendingPathComponent("stdlib").path) { return d }
                dir = dir.deletingLastPathComponent()
            }
        }
        let source = URL(fileURLWithPath: #filePath)   // Sources/QML/Host/ModuleLoader.swift
        let root = source.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return check(root.appendingPathComponent("stdlib").path)
    }()
}
