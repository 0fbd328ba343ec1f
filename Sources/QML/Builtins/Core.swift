import Foundation

extension BuiltinRegistry {
    /// print, len, type, conversions, assert, error.
    static func registerCore(into r: inout BuiltinRegistry) {
        r.add("print", [.variadic("values"), .optional("sep", "\" \""), .optional("end", "\"\\n\"")], topic: "core", doc: """
            Writes values to the output: strings as they are, other values in display form.
            print("n = {n}")          # interpolation
            print(1, [2, 3])          # several values, separated by spaces
            print("a", "b", sep: ",") # a,b
            """) { args in
            let items = try args.list(0)
            let sep = try args.string(1, default: " ")
            let end = try args.string(2, default: "\n")
            args.interpreter.options.output(items.map(ValueFormatter.printed).joined(separator: sep) + end)
            return .null
        }

        r.add("len", [.required("x")], topic: "core", doc: """
            The number of elements of a list, tuple, range, record or native collection, or characters of a string.
            len([1, 2, 3])   # 3
            """) { args in
            switch args.value(0) {
            case .list(let xs), .tuple(let xs): return .int(xs.count)
            case .string(let s): return .int(s.value.count)
            case .record(let rec): return .int(rec.count)
            case .range(let rg): return .int(rg.count)
            case .object(let o):
                if let n = o.length { return .int(n) }
                throw args.error("\(o.typeName) has no length")
            case let v: throw args.error("\(v.typeName) has no length")
            }
        }

        r.add("type", [.required("x")], topic: "core", doc: """
            The name of a value's type: int, float, string, bool, nil, list, tuple, record, range, function, or a native type such as Graph.
            """) { args in .str(args.value(0).typeName) }

        r.add("str", [.required("x")], topic: "core", doc: """
            A value as text: strings unchanged, everything else in display form.
            str(1.5) + "!"   # "1.5!"
            """) { args in .str(ValueFormatter.printed(args.value(0))) }

        r.add("repr", [.required("x")], topic: "core", doc: """
            A value's display form, with strings quoted: repr("a") is "\\"a\\"".
            """) { args in .str(ValueFormatter.describe(args.value(0))) }

        r.add("int", [.required("x")], topic: "core", doc: """
            Converts to an integer: floats are truncated toward zero, strings are parsed, booleans give 0 or 1.
            int(3.7)    # 3
            int("42")   # 42
            """) { args in
            switch args.value(0) {
            case .int(let i): return .int(i)
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let d):
                guard d.isFinite, let i = Int(exactly: d.rounded(.towardZero)) else {
                    throw args.error("cannot convert \(ValueFormatter.float(d)) to an integer", hint: "integers are 64-bit")
                }
                return .int(i)
            case .string(let s):
                let t = s.value.trimmingCharacters(in: .whitespaces)
                if let i = Int(t) { return .int(i) }
                throw args.error("cannot convert \(ValueFormatter.quoted(s.value)) to an integer")
            case let v: throw args.error("cannot convert \(v.typeName) to an integer")
            }
        }

        r.add("float", [.required("x")], topic: "core", doc: """
            Converts to a float: numbers, booleans, and strings such as "1.5", "1e-3", "inf".
            """) { args in
            switch args.value(0) {
            case .int(let i): return .float(Double(i))
            case .float(let d): return .float(d)
            case .bool(let b): return .float(b ? 1 : 0)
            case .string(let s):
                if let d = Double(s.value.trimmingCharacters(in: .whitespaces)) { return .float(d) }
                throw args.error("cannot convert \(ValueFormatter.quoted(s.value)) to a float")
            case let v: throw args.error("cannot convert \(v.typeName) to a float")
            }
        }

        r.add("bool", [.required("x")], topic: "core", doc: """
            Converts to a boolean: booleans unchanged, numbers are true when nonzero, strings and collections when non-empty, nil is false.
            """) { args in
            switch args.value(0) {
            case .bool(let b): return .bool(b)
            case .int(let i): return .bool(i != 0)
            case .float(let d): return .bool(d != 0)
            case .null: return .bool(false)
            case .string(let s): return .bool(!s.value.isEmpty)
            case .list(let xs), .tuple(let xs): return .bool(!xs.isEmpty)
            case .record(let rec): return .bool(rec.count > 0)
            case .range(let rg): return .bool(rg.count > 0)
            default: return .bool(true)
            }
        }

        r.add("assert", [.required("condition"), .optional("message", "\"assertion failed\"")], topic: "core", doc: """
            Raises an error when the condition is false.
            assert(len(xs) == 3, "expected three elements")
            """) { args in
            guard case .bool(let ok) = args.value(0) else {
                throw args.error("the condition must be true or false, got \(args.value(0).typeName)")
            }
            if !ok {
                let message = args.has(1) ? ValueFormatter.printed(args.value(1)) : "assertion failed"
                throw Diagnostic.runtime(message, at: nil)
            }
            return .null
        }

        r.add("error", [.required("message")], topic: "core", doc: """
            Raises an error with this message; `try { ... } catch e { e.message }` catches it.
            """) { args in
            throw Diagnostic.runtime(ValueFormatter.printed(args.value(0)), at: nil)
        }

        r.add("range", [.required("start"), .optional("stop"), .optional("step", "1")], topic: "core", doc: """
            Integers from start up to (not including) stop, by step. range(n) is 0..<n.
            range(4)          # 0..<4
            range(0, 10, 3)   # 0, 3, 6, 9
            range(5, 0, -1)   # 5, 4, 3, 2, 1
            """) { args in
            var lower = 0, upper: Int
            if args.has(1) { lower = try args.int(0); upper = try args.int(1) } else { upper = try args.int(0) }
            let step = try args.int(2, default: 1)
            if step == 0 { throw args.error("`step` must not be zero") }
            return .range(RangeBox(lower: lower, upper: upper, inclusive: false, step: step))
        }

        r.add("help", [.optional("name")], topic: "core", doc: """
            The documentation of a builtin or function, as text: help("sa"), or help(print).
            """) { args in
            let interp = args.interpreter
            switch args.value(0) {
            case .null: return .str(interp.help(topic: nil) ?? "")
            case .string(let s): return .str(interp.help(topic: s.value) ?? "no help for `\(s.value)`")
            case .builtin(let b): return .str(interp.help(topic: b.name) ?? "")
            case .closure(let c): return .str(c.proto.signature)
            case let v: return .str("a value of type \(v.typeName)")
            }
        }
    }
}
