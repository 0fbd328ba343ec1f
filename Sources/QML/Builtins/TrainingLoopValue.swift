import Display
import IsingCore
import Learning

/// A training loop as a language value (made by `train` and `resume`): `.run()`,
/// `.every(n, fn)`, `.track(name, fn)`, `.history`, `.model`.
final class TrainingLoopValue: NativeValue, FigureSource {
    let loop: TrainingLoop
    let modelValue: Value
    /// Functions called with the loop every n steps.
    private var callbacks: [(every: Int, fn: Value)] = []
    /// Metrics computed from the model every n steps, stored in the history.
    private var tracked: [(name: String, every: Int, fn: Value)] = []

    init(_ loop: TrainingLoop, model: Value) {
        self.loop = loop
        self.modelValue = model
    }

    override var typeName: String { "TrainingLoop" }

    override var summary: String {
        "TrainingLoop(step \(loop.step) of \(loop.settings.steps), \(loop.sampler.name), lr \(learningRateText)"
            + (loop.isStopped ? ", stopped" : "") + ")"
    }

    /// The learning rate, or its schedule.
    var learningRateText: String {
        loop.settings.hyper.schedule?.description ?? ValueFormatter.float(loop.settings.hyper.learningRate)
    }

    override var display: String {
        var lines = [summary]
        lines.append("  data: \(loop.data.count) rows, batch \(loop.batchSize), reads \(loop.settings.hyper.reads)")
        if let reason = loop.history.stopReason { lines.append("  stopped: \(reason)") }
        if let last = loop.history.count > 0 ? loop.history.count - 1 : nil {
            let cells = zip(loop.history.columns, loop.history.values).map { "\($0.0) \(BuiltinRegistry.compactNumber($0.1[last]))" }
            lines.append("  last: " + cells.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    override var memberNames: [String] {
        ["run", "every", "track", "history", "model", "step", "stopped", "save_checkpoint", "settings"]
    }

    override func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "model": return modelValue
        case "step": return .int(loop.step)
        case "stopped": return loop.history.stopReason.map { .str($0) } ?? .null
        case "history": return .object(HistoryValue(loop.history))
        case "settings":
            let s = loop.settings
            return .record(RecordBox([
                ("lr", s.hyper.schedule.map { .object(LearningRateValue($0)) } ?? .float(s.hyper.learningRate)), ("l2", .float(s.hyper.l2)), ("momentum", .float(s.hyper.momentum)),
                ("reads", .int(s.hyper.reads)), ("batch", .int(loop.batchSize)), ("steps", .int(s.steps)),
                ("seed", .int(Int(Int64(bitPattern: s.seed)))), ("sampler", .str(loop.sampler.name)),
            ]))
        case "run":
            return method(name, [.optional("steps", "to the end")], """
                Runs the loop (all remaining steps, or `steps` more); Ctrl-C pauses it with the model intact and run() resumes.
                """) { args in
                let more = args.has(0) ? try args.int(0) : nil
                if let more, more < 0 { throw args.error("`steps` must not be negative") }
                try self.run(more, args)
                return .object(self)
            }
        case "every":
            return method(name, [.required("n"), .required("fn")], "Calls fn(loop) after every n-th step; returns the loop.") { args in
                let n = try args.int(0), fn = try args.function(1)
                guard n >= 1 else { throw args.error("`n` must be at least 1") }
                self.callbacks.append((n, fn))
                return .object(self)
            }
        case "track":
            return method(name, [.required("name"), .required("fn"), .optional("every", "1")],
                          "Records fn(model) in the history column `name` after every `every` steps; returns the loop.") { args in
                let metric = try args.string(0), fn = try args.function(1), every = try args.int(2, default: 1)
                guard every >= 1 else { throw args.error("`every` must be at least 1") }
                guard !["step", "time", "grad_norm", "lr"].contains(metric) else { throw args.error("`\(metric)` is a built-in history column") }
                self.tracked.append((metric, every, fn))
                return .object(self)
            }
        case "save_checkpoint":
            return method(name, [.required("path")], "Writes a checkpoint now; resume(path, sampler: ...) continues from it.") { args in
                let path = try args.string(0)
                try native(args) { try Checkpoint.write(self.loop, to: path) }
                return .null
            }
        default: return nil
        }
    }

    /// Runs steps with a progress bar, the tracked metrics and the callbacks.
    func run(_ more: Int?, _ args: Arguments) throws {
        let total = more ?? max(0, loop.settings.steps - loop.step)
        let bar = ProgressBar.onStandardError(label: "train", total: total)
        bar.startDelay = 0.5
        defer { bar.finish() }
        let interpreter = args.interpreter
        do {
            try loop.run(steps: more, progress: { done, _ in bar.update(to: done) }) { step in
                for t in self.tracked where step % t.every == 0 {
                    let v = try interpreter.call(t.fn, [self.modelValue])
                    guard let d = v.asDouble else { throw args.error("the metric `\(t.name)` must give a number, got \(v.typeName)") }
                    self.loop.history.set(t.name, d)
                }
                for c in self.callbacks where step % c.every == 0 {
                    _ = try interpreter.call(c.fn, [.object(self)])
                }
            }
        } catch let e as IsingError {
            throw args.error(e.message)
        }
    }

    func figure(for builtin: String, _ args: Arguments) throws -> Figure? {
        try HistoryValue(loop.history).figure(for: builtin, args)
    }
}

/// A training history as a language value: each column is a member giving a list
/// (`loop.history.loglik`; steps where a metric was not evaluated are left out, and
/// `.steps_of(name)` gives the steps it was evaluated at), `rows` gives records,
/// `plot(history)` draws the tracked metrics and `table(history)` the last rows.
final class HistoryValue: NativeValue, FigureSource {
    let history: TrainingHistory
    init(_ history: TrainingHistory) { self.history = history }

    override var typeName: String { "History" }
    override var summary: String {
        "History(\(history.count) steps: " + history.columns.joined(separator: ", ") + (history.stopReason.map { "; stopped: \($0)" } ?? "") + ")"
    }
    override var display: String { TerminalRenderer.render(.table(table(last: 10)), TerminalCapabilities.detect(fd: 1)) }
    override var length: Int? { history.count }
    override var memberNames: [String] { history.columns + ["columns", "rows", "stop_reason", "steps_of"] }

    /// The values of a column where it was evaluated, with their steps.
    func evaluated(_ name: String) -> (steps: [Double], values: [Double])? {
        guard let col = history.column(name), let steps = history.column("step") else { return nil }
        var s: [Double] = [], v: [Double] = []
        for k in col.indices where !col[k].isNaN { s.append(steps[k]); v.append(col[k]) }
        return (s, v)
    }

    override func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "columns": return .list(history.columns.map { .str($0) })
        case "stop_reason": return history.stopReason.map { .str($0) } ?? .null
        case "rows":
            return .list((0..<history.count).map { r in
                .record(RecordBox(zip(history.columns, history.values).map { ($0.0, HistoryValue.number($0.1[r], $0.0)) }))
            })
        case "steps_of":
            return method(name, [.required("name")], "The steps at which a history column has values.") { args in
                let n = try args.string(0)
                guard let e = self.evaluated(n) else { throw args.error("the history has no column `\(n)`") }
                return .list(e.steps.map { .int(Int($0)) })
            }
        default:
            guard let e = evaluated(name) else { return nil }
            return .list(e.values.map { HistoryValue.number($0, name) })
        }
    }

    static func number(_ d: Double, _ column: String) -> Value {
        if column == "step", d == d.rounded(), abs(d) < 1e15 { return .int(Int(d)) }
        return d.isNaN ? .null : .float(d)
    }

    /// The last rows as a table.
    func table(last n: Int) -> Table {
        let start = max(0, history.count - n)
        // Four significant figures keep every column of a wide history on one screen.
        func cell(_ d: Double, _ column: String) -> String {
            if column == "step", d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
            if d.isNaN { return "" }
            return d == d.rounded() && abs(d) < 1e6 ? ValueFormatter.float(d) : String(format: "%.4g", d)
        }
        let rows = (start..<history.count).map { r in zip(history.values, history.columns).map { cell($0.0[r], $0.1) } }
        return Table(columns: history.columns, rows: rows,
                     title: "training history (\(history.count) steps)" + (history.stopReason.map { "; stopped: \($0)" } ?? ""))
    }

    func figure(for builtin: String, _ args: Arguments) throws -> Figure? {
        switch builtin {
        case "table": return .table(table(last: args.has(1) ? 20 : 20))
        case "plot":
            let builtinColumns: Set<String> = ["step", "time", "grad_norm", "model_energy"]
            var names = history.columns.filter { !builtinColumns.contains($0) && !$0.hasSuffix("_min") && !$0.hasSuffix("_max") }
            if names.isEmpty { names = ["grad_norm"] }
            let series = names.compactMap { n -> Series? in
                guard let e = evaluated(n) else { return nil }
                return Series(name: n, xs: e.steps, ys: e.values)
            }
            return .plot(LinePlot(series: series, title: args.has(2) ? try args.string(2) : "training history", x: Axis(label: "step")))
        default: return nil
        }
    }
}
