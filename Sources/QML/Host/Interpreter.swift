import Foundation
import IsingCore
import Display

/// The qml interpreter: globals, builtins, modules, and the entry points used by the
/// `qrepl` executable, the tests and any other host (docs/embedding-api.md).
public final class Interpreter {
    /// How an interpreter is set up.
    public struct Options {
        /// Receives everything `print` writes (newline included).
        public var output: (String) -> Void = { text in FileHandle.standardOutput.write(Data(text.utf8)) }
        /// Colour in rendered diagnostics.
        public var colour = false
        /// Visible to scripts as `args`.
        public var arguments: [String] = []
        /// Deeper recursion is a "stack overflow" error.
        public var maxCallDepth = Interpreter.defaultMaxDepth
        /// When set, loops and calls beyond this many steps raise an error.
        public var stepBudget: Int?
        /// Load `stdlib/prelude.qml` at start-up.
        public var loadPrelude = true
        /// Receives every figure a program displays (a figure that ends a REPL input or
        /// report cell, or one passed to `display`); report mode writes them to files.
        /// When nil, figures are drawn as text in the output.
        public var displaySink: ((Figure) -> Void)?
        public init() {}
    }

    /// The result of running a script.
    public enum Outcome {
        case success(Value)
        case failure(Diagnostic)
    }

    /// The result of one REPL input.
    public enum Reply {
        /// An expression's value in display form.
        case value(display: String)
        /// A statement: nothing to show.
        case nothing
        case failure(Diagnostic)
    }

    /// Tab-completion candidates replacing the text from byte offset `start` to the cursor.
    public struct Completion: Equatable {
        public var start: Int
        public var candidates: [String]
    }

    public static var defaultMaxDepth: Int {
        if let s = ProcessInfo.processInfo.environment["QREPL_MAX_DEPTH"], let n = Int(s), n > 0 { return min(n, 200_000) }
        return 10_000
    }

    public var options: Options
    let globals = Globals()
    let runtime: Runtime
    /// The runtime state compiled code works on.
    var rt: RuntimeRef { runtime.state }
    lazy var compiler = Compiler(runtime: runtime, interpreter: self)
    lazy var loader = ModuleLoader(interpreter: self)
    public let registry: BuiltinRegistry
    /// Where a native function was called from, for errors raised while it runs.
    var callSiteFallback: Span
    /// How many REPL inputs have been evaluated (for naming them).
    private var interactiveInputs = 0
    /// Seeds used by random functions in this run, for run records.
    public internal(set) var seedsUsed: [Int] = []
    /// The generator behind random functions called without `seed:`.
    var sessionRandom = Xoshiro256(seed: 0)
    /// Headline figures noted with `record(name, value)`.
    public internal(set) var records: [(String, Value)] = []
    /// Problems met while loading the prelude (shown by hosts; normally empty).
    public private(set) var startupProblems: [Diagnostic] = []

    public init(options: Options = Options()) {
        self.options = options
        self.runtime = Runtime(globals: globals, maxDepth: options.maxCallDepth)
        runtime.state.pointee.stepBudget = options.stepBudget
        let nowhere = SourceFile(name: "<native>", text: "")
        callSiteFallback = Span(file: nowhere, start: 0, end: 0)
        registry = BuiltinRegistry.standard()
        for b in registry.builtins {
            let i = globals.declare(b.name, mutable: false, at: nil, library: true)
            globals.values[i] = .builtin(b)
        }
        for c in registry.constants {
            let i = globals.declare(c.name, mutable: false, at: nil, library: true)
            globals.values[i] = c.value
        }
        let argsIndex = globals.declare("args", mutable: false, at: nil, library: true)
        globals.values[argsIndex] = .list(options.arguments.map { .str($0) })
        if options.loadPrelude, let dir = StandardLibrary.directory {
            let path = dir + "/prelude.qml"
            if case .failure(let d) = runFile(path: path, library: true) { startupProblems.append(d) }
        }
    }

    // MARK: - Running code

    /// Runs a script file.
    public func runFile(path: String) -> Outcome { runFile(path: path, library: false) }

    func runFile(path: String, library: Bool) -> Outcome {
        do {
            let file = try SourceReader.read(path: path, displayName: path, at: nil)
            return run(file, library: library)
        } catch {
            return .failure(error)
        }
    }

    /// Runs program text given directly (`-e`, piped stdin, tests).
    public func runSource(_ source: String, name: String = "<input>") -> Outcome {
        run(SourceFile(name: name, text: source), library: false)
    }

    /// Runs raw bytes (validated as UTF-8 first).
    public func runBytes(_ bytes: [UInt8], name: String) -> Outcome {
        do {
            return run(try SourceReader.decode(bytes, name: name), library: false)
        } catch {
            return .failure(error)
        }
    }

    func run(_ file: SourceFile, library: Bool) -> Outcome {
        do {
            let (code, frameSize) = try compile(file, library: library)
            return .success(try execute(code, frameSize: frameSize))
        } catch let d as Diagnostic {
            return .failure(d)
        } catch {
            return .failure(Diagnostic.runtime("\(error)", at: nil))
        }
    }

    /// Parses, resolves and compiles a program against the current globals.
    func compile(_ file: SourceFile, library: Bool = false) throws(Diagnostic) -> (Code, Int) {
        let chunk = try Parser.parse(file)
        let resolver = Resolver(globals: globals, loader: loader, file: file)
        try resolver.resolve(chunk)
        if library {
            for s in chunk.body.statements {
                if let f = s as? FunctionDecl { globals.markLibrary(f.function.name) }
                if let l = s as? LetStmt { for (n, _) in resolver.patternNames(l.pattern) { globals.markLibrary(n) } }
            }
        }
        let compiled = compiler.compileChunk(chunk)
        return (compiled.code, compiled.frameSize)
    }

    /// Runs compiled top-level code in a fresh frame.
    func execute(_ code: Code, frameSize: Int) throws -> Value {
        let base = rt.sp
        let depth = rt.depth
        defer {
            rt.reset(to: base)
            rt.depth = depth
        }
        let fp = try rt.pushFrame(frameSize, callSiteFallback)
        defer { rt.popFrame(fp, frameSize) }
        let v = try code(fp)
        if rt.unwind != .none { rt.unwind = .none }
        return v
    }

    /// Runs an imported module's top level, once.
    func runModule(_ module: ModuleUnit, importedAt span: Span) throws {
        guard !module.hasRun else { return }
        module.hasRun = true
        let fp = try rt.pushFrame(module.frameSize, span)
        defer { rt.popFrame(fp, module.frameSize) }
        do {
            _ = try module.code(fp)
        } catch var d as Diagnostic {
            d.traceback.append(.init(function: "<module \(URL(fileURLWithPath: module.path).lastPathComponent)>", span: span))
            throw d
        }
        rt.unwind = .none
    }

    // MARK: - The REPL

    /// Shows a value the way `display` does: a figure goes to the display sink when there
    /// is one; anything else is written to the output in display form.
    func show(_ v: Value) {
        if let sink = options.displaySink, case .object(let o) = v, let figure = o.displayedFigure {
            sink(figure)
            return
        }
        options.output(Interpreter.display(v) + "\n")
    }

    /// Whether a REPL input needs more lines (an open bracket, a trailing operator...).
    public func isIncomplete(_ source: String) -> Bool {
        do {
            _ = try Parser.parse(SourceFile(name: "<repl>", text: source))
            return false
        } catch {
            return error.incompleteInput
        }
    }

    /// Evaluates one REPL input; an expression's value is returned for display and bound to `ans`.
    /// Inputs are named `<repl#N>` (N counts inputs) unless a name is given, so a
    /// location inside a function typed earlier says which input it was.
    public func evaluateInteractive(_ source: String, name: String? = nil) -> Reply {
        interactiveInputs += 1
        let file = SourceFile(name: name ?? "<repl#\(interactiveInputs)>", text: source)
        let before = globals.snapshot()
        do {
            let chunk = try Parser.parse(file)
            let resolver = Resolver(globals: globals, loader: loader, file: file)
            do {
                try resolver.resolve(chunk)
            } catch {
                globals.rollback(to: before)
                throw error
            }
            let compiled = compiler.compileChunk(chunk, figures: .allButLast)
            let value = try execute(compiled.code, frameSize: compiled.frameSize)
            guard let last = chunk.body.statements.last, Interpreter.isValueStatement(last) else { return .nothing }
            if case .null = value { return .nothing }
            if case .object(let o) = value, o.printsAsDisplay, options.displaySink != nil {
                show(value)
                return .nothing
            }
            let i = globals.declare("ans", mutable: true, at: nil, library: true)
            globals.values[i] = value
            return .value(display: Interpreter.display(value))
        } catch let d as Diagnostic {
            return .failure(d)
        } catch {
            return .failure(Diagnostic.runtime("\(error)", at: nil))
        }
    }

    /// Statements whose value the REPL shows.
    static func isValueStatement(_ e: Expr) -> Bool {
        !(e is LetStmt || e is FunctionDecl || e is AssignStmt || e is WhileExpr || e is ForExpr || e is ImportStmt
          || e is ReturnStmt || e is BreakStmt || e is ContinueStmt)
    }

    /// The REPL's display of a value: rich for native values, truncated for long collections.
    public static func display(_ v: Value) -> String {
        if case .object(let o) = v { return o.display }
        return ValueFormatter.describe(v, limit: 200)
    }

    /// The type of an expression's value (`:type`).
    public func typeOf(expression source: String) -> Reply {
        switch evaluateForValue(source) {
        case .success(let v): return .value(display: v.typeName)
        case .failure(let d): return .failure(d)
        }
    }

    /// Evaluates an expression without binding `ans`.
    public func evaluateForValue(_ source: String) -> Outcome {
        run(SourceFile(name: "<repl>", text: source), library: false)
    }

    /// User-defined globals with their type and a one-line summary (`:vars`).
    public func variables() -> [(name: String, type: String, summary: String)] {
        var out: [(String, String, String)] = []
        for (i, name) in globals.allNames.enumerated() where !globals.isLibrary[i] {
            let v = globals.values[i]
            var summary = ValueFormatter.describe(v, limit: 8)
            if summary.count > 70 { summary = String(summary.prefix(67)) + "..." }
            out.append((name, v.typeName, summary))
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// Renders a diagnostic the way `qrepl` prints it.
    public func render(_ d: Diagnostic) -> String {
        DiagnosticRenderer(style: TerminalStyle(colour: options.colour)).render(d)
    }

    /// Every global name (builtins, prelude, user), for completion.
    public var globalNames: [String] { globals.allNames }

    /// The value of a global, if defined.
    public func global(_ name: String) -> Value? {
        globals.index(of: name).map { globals.values[$0] }
    }

    /// Notes a seed used by a random function (for run records).
    public func noteSeed(_ seed: Int) {
        if seedsUsed.count < 10_000 { seedsUsed.append(seed) }
    }

    // MARK: - Threads

    /// Runs `body` on a thread with a large stack (deep recursion in scripts becomes a
    /// "stack overflow" diagnostic long before the native stack runs out) and waits for it.
    public static func runOnLargeStack<T>(stackSize: Int = 2 << 30, _ body: @escaping () -> T) -> T {
        let result = ResultSlot<T>()
        let job = ThreadJob { result.value = body() }
        job.runAndWait(stackSize: stackSize)
        if let value = result.value { return value }
        return body()   // the thread could not be created: run here instead
    }
}

/// Holds the result of a job run on another thread.
private final class ResultSlot<T> {
    var value: T?
}

/// A closure run on its own pthread with a chosen stack size.
private final class ThreadJob {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }

    func runAndWait(stackSize: Int) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(self).toOpaque()
        let created = pthread_create(&thread, &attributes, threadEntry, context)
        if created != 0 {
            Unmanaged<ThreadJob>.fromOpaque(context).release()
            return
        }
        pthread_join(thread, nil)
    }
}

/// The C entry point of a `ThreadJob`'s thread.
private func threadEntry(_ raw: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? {
    guard let raw else { return nil }
    let job = Unmanaged<ThreadJob>.fromOpaque(raw).takeRetainedValue()
    job.body()
    return nil
}

extension Globals {
    func markLibrary(_ name: String) {
        if let i = index(of: name) { setLibrary(i) }
    }
}
