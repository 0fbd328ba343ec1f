import Foundation

extension BuiltinRegistry {
    /// abs, sqrt, exp, log, trigonometry, rounding, min/max/sum/mean.
    static func registerMath(into r: inout BuiltinRegistry) {
        r.constant("pi", .float(Double.pi), doc: "The ratio of a circle's circumference to its diameter, 3.141592653589793.")
        r.constant("e", .float(M_E), doc: "Euler's number, 2.718281828459045.")
        r.constant("inf", .float(Double.infinity), doc: "Positive infinity.")
        r.constant("nan", .float(Double.nan), doc: "Not a number.")

        let unary: [(String, (Double) -> Double, String)] = [
            ("sqrt", { $0.squareRoot() }, "The square root. sqrt(2) is 1.4142135623730951."),
            ("exp", { Foundation.exp($0) }, "e raised to x."),
            ("sin", { Foundation.sin($0) }, "The sine of x (radians)."),
            ("cos", { Foundation.cos($0) }, "The cosine of x (radians)."),
            ("tan", { Foundation.tan($0) }, "The tangent of x (radians)."),
            ("tanh", { Foundation.tanh($0) }, "The hyperbolic tangent of x."),
            ("atan", { Foundation.atan($0) }, "The arc tangent of x, in radians."),
        ]
        for (name, f, doc) in unary {
            r.add(name, [.required("x")], topic: "math", doc: doc) { args in
                if let t = try args.tensorMath(name) { return t }
                let x = try args.double(0)
                if name == "sqrt" && x < 0 { throw args.error("square root of a negative number (\(ValueFormatter.float(x)))") }
                return .float(f(x))
            }
        }

        r.add("log", [.required("x"), .optional("base", "e")], topic: "math", doc: """
            The natural logarithm of x, or the logarithm in `base`.
            log(e)            # 1.0
            log(8, base: 2)   # 3.0
            """) { args in
            if let t = try args.tensorMath("log") { return t }
            let x = try args.double(0)
            guard x > 0 else { throw args.error("logarithm of a non-positive number (\(ValueFormatter.describe(args.value(0))))") }
            if args.has(1) {
                let b = try args.double(1)
                guard b > 0, b != 1 else { throw args.error("`base` must be positive and not 1") }
                if b == 2 { return .float(Foundation.log2(x)) }
                if b == 10 { return .float(Foundation.log10(x)) }
                return .float(Foundation.log(x) / Foundation.log(b))
            }
            return .float(Foundation.log(x))
        }

        r.add("abs", [.required("x")], topic: "math", doc: "The absolute value; integers stay integers.") { args in
            if let t = try args.tensorMath("abs") { return t }
            switch args.value(0) {
            case .int(let i):
                guard i != Int.min else { throw args.error("integer overflow in abs(\(i))") }
                return .int(Swift.abs(i))
            case .float(let d): return .float(Swift.abs(d))
            case let v: throw args.error("`x` must be a number, got \(v.typeName)")
            }
        }

        r.add("sign", [.required("x")], topic: "math", doc: """
            The sign of a number, -1, 0 or 1 (integers stay integers); elementwise on a tensor.
            sign(tensor([0.3, -2, 0]))   # [1, -1, 0]; sign(p - rand(p.shape, seed: 1)) draws ±1 units that are +1 with probability p
            """) { args in
            if let t = try args.tensorMath("sign") { return t }
            switch args.value(0) {
            case .int(let i): return .int(i.signum())
            case .float(let d):
                guard !d.isNaN else { throw args.error("sign of NaN is undefined") }
                return .float(d > 0 ? 1 : (d < 0 ? -1 : 0))
            case let v: throw args.error("`x` must be a number, got \(v.typeName)")
            }
        }

        func rounding(_ name: String, _ rule: FloatingPointRoundingRule, _ doc: String) {
            r.add(name, [.required("x")], topic: "math", doc: doc) { args in
                switch args.value(0) {
                case .int(let i): return .int(i)
                case .float(let d):
                    let v = d.rounded(rule)
                    guard let i = Int(exactly: v) else { throw args.error("\(ValueFormatter.float(d)) is too large to round to an integer") }
                    return .int(i)
                case let v: throw args.error("`x` must be a number, got \(v.typeName)")
                }
            }
        }
        rounding("floor", .down, "The largest integer not greater than x. floor(2.7) is 2, floor(-2.5) is -3.")
        rounding("ceil", .up, "The smallest integer not less than x. ceil(2.1) is 3.")

        r.add("round", [.required("x"), .optional("digits")], topic: "math", doc: """
            Rounds to the nearest integer (halves away from zero), or to `digits` decimals as a float.
            round(2.5)             # 3
            round(3.14159, digits: 2)  # 3.14
            """) { args in
            if args.has(1) {
                let digits = try args.int(1)
                guard (0...15).contains(digits) else { throw args.error("`digits` must be between 0 and 15") }
                let x = try args.double(0)
                let scale = Foundation.pow(10.0, Double(digits))
                return .float((x * scale).rounded(.toNearestOrAwayFromZero) / scale)
            }
            switch args.value(0) {
            case .int(let i): return .int(i)
            case .float(let d):
                guard let i = Int(exactly: d.rounded(.toNearestOrAwayFromZero)) else { throw args.error("\(ValueFormatter.float(d)) is too large to round to an integer") }
                return .int(i)
            case let v: throw args.error("`x` must be a number, got \(v.typeName)")
            }
        }

        func extreme(_ name: String, _ wantLess: Bool) {
            r.add(name, [.variadic("values"), .optional("key")], topic: "math", doc: """
                The \(wantLess ? "smallest" : "largest") of a list, or of several arguments; `key:` compares f(x) instead of x.
                \(name)([3, 1, 2])   # \(wantLess ? 1 : 3)
                \(name)(3, 1, 2)     # \(wantLess ? 1 : 3)
                """) { args in
                if let t = try args.tensorMath(name, variadic: true) { return t }
                var items = try args.list(0)
                if items.count == 1, let inner = try items[0].iterated() { items = inner }
                guard var best = items.first else { throw args.error("empty sequence has no \(wantLess ? "minimum" : "maximum")") }
                let key = args.has(1) ? try args.function(1) : nil
                var bestKey = try key.map { try args.interpreter.call($0, [best]) } ?? best
                for item in items.dropFirst() {
                    let k = try key.map { try args.interpreter.call($0, [item]) } ?? item
                    guard let c = k.compare(bestKey) else { throw args.error("cannot compare \(k.typeName) and \(bestKey.typeName)") }
                    if wantLess ? c < 0 : c > 0 { best = item; bestKey = k }
                }
                return best
            }
        }
        extreme("min", true)
        extreme("max", false)

        r.add("sum", [.required("values")], topic: "math", doc: """
            The sum of a list of numbers (0 when empty); integers stay integers (checked for overflow).
            sum([1, 2, 3])   # 6
            """) { args in
            if let t = try args.tensorMath("sum") { return t }
            var total = Value.int(0)
            for item in try args.sequence(0) {
                switch (total, item) {
                case (.int(let a), .int(let b)):
                    let (v, o) = a.addingReportingOverflow(b)
                    if o { throw args.error("integer overflow while summing") }
                    total = .int(v)
                default:
                    guard let a = total.asDouble, let b = item.asDouble, item.typeName != "bool" else {
                        if case .object = item { total = try Operators.add(total, item, args.interpreter); continue }
                        throw args.error("can only sum numbers, found \(item.typeName)")
                    }
                    total = .float(a + b)
                }
            }
            return total
        }

        r.add("mean", [.required("values")], topic: "math", doc: """
            The arithmetic mean of a list of numbers, as a float.
            mean([1, 2, 3, 4])   # 2.5
            """) { args in
            if let t = try args.tensorMath("mean") { return t }
            let xs = try args.doubles(0)
            guard !xs.isEmpty else { throw args.error("mean of an empty list") }
            return .float(xs.reduce(0, +) / Double(xs.count))
        }

        r.add("format", [.required("x"), .optional("digits", "6")], topic: "strings", doc: """
            A number as text with exactly `digits` decimals.
            format(3.14159, 2)   # "3.14"
            format(2, 3)         # "2.000"
            """) { args in
            let x = try args.double(0)
            let digits = try args.int(1, default: 6)
            guard (0...30).contains(digits) else { throw args.error("`digits` must be between 0 and 30") }
            if !x.isFinite { return .str(ValueFormatter.float(x)) }
            return .str(String(format: "%.\(digits)f", x))
        }
    }
}
