import IsingCore

/// A Hamiltonian as a language value: a binary quadratic model, or a symbolic
/// polynomial of any degree (built from `spins(n)`, `binaries(n)`...), with the
/// constraints that were added into it.
final class HamiltonianValue: NativeValue {
    enum Form {
        case quadratic(BinaryQuadraticModel)
        case symbolic(Polynomial)
    }
    let form: Form
    let constraints: [Constraint]
    private var quadraticCache: BinaryQuadraticModel?

    init(_ model: BinaryQuadraticModel, constraints: [Constraint] = []) {
        form = .quadratic(model)
        self.constraints = constraints
        quadraticCache = model
    }

    init(polynomial: Polynomial, constraints: [Constraint] = []) {
        form = .symbolic(polynomial)
        self.constraints = constraints
    }

    /// The quadratic model; a symbolic Hamiltonian of degree above 2 must be quadratized first.
    func quadratic() throws -> BinaryQuadraticModel {
        if let m = quadraticCache { return m }
        guard case .symbolic(let p) = form else { return BinaryQuadraticModel(vartype: .spin) }
        guard p.vartype != nil || p.isConstant else { return BinaryQuadraticModel(vartype: .spin) }
        do {
            let m = HamiltonianValue.canonicalOrder(try p.toBQM(vartype: p.vartype ?? .spin))
            quadraticCache = m
            return m
        } catch let e as IsingError {
            throw Diagnostic.runtime(e.message, at: nil, hint: "quadratize(H) reduces it to a quadratic Hamiltonian with auxiliary variables")
        }
    }

    /// The Hamiltonian as a polynomial (for arithmetic).
    var polynomial: Polynomial {
        switch form {
        case .symbolic(let p): return p
        case .quadratic(let m): return Polynomial(m)
        }
    }

    var vartype: Vartype? {
        switch form {
        case .symbolic(let p): return p.vartype
        case .quadratic(let m): return m.vartype
        }
    }

    /// The variables in the order states list them: numeric order when every label is an
    /// integer (as for `spins(n)`), otherwise the order they first appeared.
    var variables: [Label] {
        switch form {
        case .symbolic(let p): return HamiltonianValue.canonicalOrder(p.variables)
        case .quadratic(let m): return m.variables
        }
    }

    static func canonicalOrder(_ labels: [Label]) -> [Label] {
        let ints = labels.compactMap { l -> Int? in if case .int(let i) = l { return i }; return nil }
        return ints.count == labels.count ? ints.sorted().map { .int($0) } : labels
    }

    /// The model with its variables in `canonicalOrder` (biases unchanged).
    static func canonicalOrder(_ m: BinaryQuadraticModel) -> BinaryQuadraticModel {
        let order = canonicalOrder(m.variables)
        guard order != m.variables else { return m }
        var out = BinaryQuadraticModel(vartype: m.vartype)
        for v in order { out.addVariable(v) }
        for (i, v) in m.variables.enumerated() { out.addLinear(v, m.linear[i]) }
        for t in m.interactions { out.addQuadratic(m.variables[t.u], m.variables[t.v], t.bias) }
        out.offset = m.offset
        return out
    }

    override var typeName: String { "Hamiltonian" }

    static func labelText(_ l: Label) -> String {
        switch l {
        case .int(let i): return String(i)
        case .string(let s): return s
        }
    }

    override var summary: String {
        let kind = vartype.map { $0 == .spin ? "spin" : "binary" } ?? "constant"
        switch form {
        case .quadratic(let m):
            return "Hamiltonian(\(kind), \(m.count) variables, \(m.interactions.count) interactions)"
        case .symbolic(let p):
            if p.termCount <= 8 {
                return "Hamiltonian(" + p.formatted(label: { l in
                    let name = HamiltonianValue.labelText(l)
                    if case .int = l { return (p.vartype == .binary ? "x" : "s") + "[\(name)]" }
                    return name
                }) + ")"
            }
            return "Hamiltonian(\(kind), \(p.variables.count) variables, \(p.termCount) terms, degree \(p.degree))"
        }
    }

    override var display: String {
        var lines = [summary]
        if case .quadratic(let model) = form {
            let hs = model.linear.filter { $0 != 0 }
            let js = model.interactions.map(\.bias)
            if let lo = hs.min(), let hi = hs.max() { lines.append("  \(model.vartype == .spin ? "h" : "linear") in [\(ValueFormatter.float(lo)), \(ValueFormatter.float(hi))]") }
            if let lo = js.min(), let hi = js.max() { lines.append("  \(model.vartype == .spin ? "J" : "quadratic") in [\(ValueFormatter.float(lo)), \(ValueFormatter.float(hi))]") }
            if model.offset != 0 { lines.append("  offset \(ValueFormatter.float(model.offset))") }
        }
        if !constraints.isEmpty { lines.append("  constraints: " + constraints.map(\.name).joined(separator: "; ")) }
        return lines.joined(separator: "\n")
    }
    override var length: Int? { variables.count }
    override func isEqual(to other: NativeValue) -> Bool {
        guard let h = other as? HamiltonianValue else { return false }
        switch (form, h.form) {
        case (.quadratic(let a), .quadratic(let b)): return a == b
        default: return h.polynomial == polynomial
        }
    }

    override var memberNames: [String] {
        ["energy", "energies", "to_ising", "to_qubo", "variables", "h", "J", "linear", "quadratic", "offset", "vartype",
         "degree", "scaled", "fix", "relabel", "graph", "num_variables", "order", "constraints", "violations", "feasible"]
    }

    /// Reads a state of this Hamiltonian's variables.
    func state(_ v: Value) throws -> [Int8] {
        let vars = variables
        var index: [Label: Int] = [:]
        for (i, l) in vars.enumerated() { index[l] = i }
        return try readState(v, variables: vars, vartype: vartype ?? .spin, index: { index[$0] })
    }

    /// The energy of a state in this Hamiltonian's variable order.
    func energy(_ s: [Int8]) throws -> Double {
        switch form {
        case .quadratic(let m): return m.energy(s)
        case .symbolic(let p): return try p.value(state: s, variables: variables)
        }
    }

    func assignment(_ s: [Int8]) -> [Label: Int] {
        var a: [Label: Int] = [:]
        for (i, l) in variables.enumerated() { a[l] = Int(s[i]) }
        return a
    }

    override func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "variables": return .list(variables.map(\.value))
        case "num_variables": return .int(variables.count)
        case "vartype": return .str(vartype == .binary ? "binary" : "spin")
        case "order":
            if case .symbolic(let p) = form { return .int(p.degree) }
            return .int(try quadratic().interactions.isEmpty ? 1 : 2)
        case "offset": return .float(try quadratic().offset)
        case "constraints": return .list(constraints.map { .str($0.name) })
        case "h", "linear":
            let m = try quadratic()
            let r = RecordBox()
            for (i, v) in m.variables.enumerated() { r.set(v.value, .float(m.linear[i])) }
            return .record(r)
        case "J", "quadratic":
            let m = try quadratic()
            let r = RecordBox()
            for t in m.interactions { r.set(.tuple([m.variables[t.u].value, m.variables[t.v].value]), .float(t.bias)) }
            return .record(r)
        case "degree":
            let m = try quadratic()
            let r = RecordBox()
            for (i, d) in m.degrees.enumerated() { r.set(m.variables[i].value, .int(d)) }
            return .record(r)
        case "graph":
            let m = try quadratic()
            var g = Graph()
            g.name = "interactions"
            for v in m.variables { g.addNode(v) }
            for t in m.interactions { g.addEdge(index: t.u, index: t.v) }
            return .object(GraphValue(g))
        case "energy":
            return method(name, [.required("state")], "The energy of a state (a list in variable order or a record {variable: value}).") { args in
                .float(try self.energy(try self.state(args.value(0))))
            }
        case "energies":
            return method(name, [.required("states")], "The energies of a list of states.") { args in
                .list(try args.sequence(0).map { .float(try self.energy(try self.state($0))) })
            }
        case "to_ising", "to_qubo":
            let target: Vartype = name == "to_ising" ? .spin : .binary
            return method(name, [], "The same Hamiltonian over \(target == .spin ? "spins ±1" : "binaries 0/1"), with every energy unchanged.") { _ in
                switch self.form {
                case .quadratic(let m): return .object(HamiltonianValue(m.converted(to: target), constraints: self.constraints))
                case .symbolic(let p):
                    do { return .object(HamiltonianValue(polynomial: try p.converted(to: target), constraints: self.constraints)) }
                    catch let e as IsingError { throw Diagnostic.runtime(e.message, at: nil) }
                }
            }
        case "scaled":
            return method(name, [.required("k")], "Every bias and the offset multiplied by k.") { args in
                let k = try args.double(0)
                switch self.form {
                case .quadratic(let m): return .object(HamiltonianValue(m.scaled(k), constraints: self.constraints))
                case .symbolic(let p): return .object(HamiltonianValue(polynomial: p.scaled(k), constraints: self.constraints))
                }
            }
        case "fix":
            return method(name, [.required("values")], "The Hamiltonian with some variables fixed: fix({3: 1}).") { args in
                let m = try self.quadratic()
                let r = try args.record(0)
                var values: [Label: Int8] = [:]
                for k in 0..<r.count {
                    guard case .int(let x) = r.values[k], let b = Int8(exactly: x) else {
                        throw args.error("fixed values must be integers, got \(r.values[k].typeName)")
                    }
                    values[try args.label(r.keys[k])] = b
                }
                do { return .object(HamiltonianValue(try m.fixing(values))) } catch let e as IsingError { throw args.error(e.message) }
            }
        case "relabel":
            return method(name, [.required("mapping")], "The Hamiltonian with variables renamed: relabel({0: \"a\"}).") { args in
                let m = try self.quadratic()
                let r = try args.record(0)
                var map: [Label: Label] = [:]
                for k in 0..<r.count { map[try args.label(r.keys[k])] = try args.label(r.values[k]) }
                do { return .object(HamiltonianValue(try m.relabeled(map))) } catch let e as IsingError { throw args.error(e.message) }
            }
        case "violations":
            return method(name, [.required("state")], "The constraints a state breaks, as messages (empty when feasible).") { args in
                let a = self.assignment(try self.state(args.value(0)))
                do {
                    return .list(try self.constraints.compactMap { try $0.violation(a) }.map { .str($0.description) })
                } catch let e as IsingError { throw args.error(e.message) }
            }
        case "feasible":
            return method(name, [.required("state")], "Whether a state satisfies every constraint added into this Hamiltonian.") { args in
                let a = self.assignment(try self.state(args.value(0)))
                do { return .bool(try self.constraints.allSatisfy { try $0.violation(a) == nil }) }
                catch let e as IsingError { throw args.error(e.message) }
            }
        default:
            return nil
        }
    }

    /// Arithmetic: quadratic models combine directly (converting the right side's vartype
    /// as dimod does); anything symbolic, products and powers go through polynomials.
    override func binaryOperation(_ op: String, _ other: Value, selfOnLeft: Bool, interpreter: Interpreter) throws -> Value? {
        do {
            if case .object(let o as HamiltonianValue) = other {
                let (l, r) = selfOnLeft ? (self, o) : (o, self)
                let merged = l.constraints + r.constraints
                if case .quadratic(let a) = l.form, case .quadratic(let b) = r.form, op == "+" || op == "-" {
                    return .object(HamiltonianValue(HamiltonianValue.add(a, b, sign: op == "+" ? 1 : -1), constraints: merged))
                }
                var rp = r.polynomial
                if case .quadratic = r.form, let lt = l.vartype, let rt = rp.vartype, lt != rt { rp = try rp.converted(to: lt) }
                var lp = l.polynomial
                if case .quadratic = l.form, let rt = rp.vartype, let lt = lp.vartype, lt != rt { lp = try lp.converted(to: rt) }
                switch op {
                case "+": return .object(HamiltonianValue(polynomial: try lp + rp, constraints: merged))
                case "-": return .object(HamiltonianValue(polynomial: try lp - rp, constraints: merged))
                case "*": return .object(HamiltonianValue(polynomial: try lp * rp, constraints: merged))
                default: return nil
                }
            }
            guard let c = other.asDouble, other.typeName != "bool" else { return nil }
            switch (op, form) {
            case ("+", .quadratic(var m)), ("-", .quadratic(var m)):
                if op == "-" && !selfOnLeft { m = m.scaled(-1) }
                m.offset += (op == "-" && selfOnLeft) ? -c : c
                return .object(HamiltonianValue(m, constraints: constraints))
            case ("*", .quadratic(let m)):
                return .object(HamiltonianValue(m.scaled(c), constraints: constraints))
            case ("/", .quadratic(let m)) where selfOnLeft && c != 0:
                return .object(HamiltonianValue(m.scaled(1 / c), constraints: constraints))
            case ("+", .symbolic(let p)):
                return .object(HamiltonianValue(polynomial: p + c, constraints: constraints))
            case ("-", .symbolic(let p)):
                return .object(HamiltonianValue(polynomial: selfOnLeft ? p - c : c - p, constraints: constraints))
            case ("*", .symbolic(let p)):
                return .object(HamiltonianValue(polynomial: p * c, constraints: constraints))
            case ("/", .symbolic(let p)) where selfOnLeft && c != 0:
                return .object(HamiltonianValue(polynomial: p * (1 / c), constraints: constraints))
            case ("^", _) where selfOnLeft:
                guard case .int(let k) = other else {
                    throw Diagnostic.runtime("a Hamiltonian can only be raised to a non-negative integer power, got \(other.typeName)", at: nil)
                }
                return .object(HamiltonianValue(polynomial: try polynomial.power(k), constraints: constraints))
            default:
                return nil
            }
        } catch let e as IsingError {
            throw Diagnostic.runtime(e.message, at: nil)
        }
    }

    override func negated(interpreter: Interpreter) throws -> Value? {
        switch form {
        case .quadratic(let m): return .object(HamiltonianValue(m.scaled(-1), constraints: constraints))
        case .symbolic(let p): return .object(HamiltonianValue(polynomial: -p, constraints: constraints))
        }
    }

    /// a + sign·b, in a's vartype (b is converted exactly).
    static func add(_ a: BinaryQuadraticModel, _ b: BinaryQuadraticModel, sign: Double) -> BinaryQuadraticModel {
        var m = a
        let other = b.converted(to: a.vartype)
        for (i, v) in other.variables.enumerated() { m.addLinear(v, sign * other.linear[i]) }
        for t in other.interactions { m.addQuadratic(other.variables[t.u], other.variables[t.v], sign * t.bias) }
        m.offset += sign * other.offset
        return m
    }
}

extension Arguments {
    /// A Hamiltonian argument as a quadratic model (symbolic ones of degree above 2 are refused).
    func hamiltonian(_ i: Int) throws -> BinaryQuadraticModel {
        try hamiltonianValue(i).quadratic()
    }

    /// A Hamiltonian argument as a value.
    func hamiltonianValue(_ i: Int) throws -> HamiltonianValue {
        guard case .object(let o as HamiltonianValue) = value(i) else {
            throw error("`\(name(i))` must be a Hamiltonian, got \(value(i).typeName)", hint: "build one with ising(...), qubo(...), sk(...) or spins(n)")
        }
        return o
    }

    /// A graph argument.
    func graph(_ i: Int) throws -> Graph {
        guard case .object(let o as GraphValue) = value(i) else {
            throw error("`\(name(i))` must be a Graph, got \(value(i).typeName)", hint: "build one with complete(n), grid(r, c), graph(edges)...")
        }
        return o.graph
    }

    /// A way to draw numbers: a constant, a (low, high) uniform range, or a list to pick from.
    func distribution(_ i: Int, default d: Value) throws -> (inout Xoshiro256) -> Double {
        let v = has(i) ? value(i) : d
        switch v {
        case .int, .float:
            let c = v.asDouble ?? 0
            return { _ in c }
        case .tuple(let xs) where xs.count == 2:
            guard let lo = xs[0].asDouble, let hi = xs[1].asDouble, lo <= hi else {
                throw error("`\(name(i))` as (low, high) needs two numbers with low <= high")
            }
            return { g in lo + (hi - lo) * g.nextDouble() }
        case .list(let xs) where !xs.isEmpty:
            let values = try xs.map { x -> Double in
                guard let d = x.asDouble else { throw error("`\(name(i))` must list numbers, found \(x.typeName)") }
                return d
            }
            return { g in values[g.nextInt(below: values.count)] }
        default:
            throw error("`\(name(i))` must be a number, a (low, high) range or a list of values to pick from")
        }
    }
}

extension BuiltinRegistry {
    /// Hamiltonian constructors.
    static func registerHamiltonians(into r: inout BuiltinRegistry) {
        r.add("ising", [.optional("h", "[]"), .optional("J", "{}"), .optional("offset", "0.0")], topic: "models", doc: """
            An Ising Hamiltonian E(s) = sum h_i s_i + sum J_ij s_i s_j + offset over spins ±1 (dimod's convention).
            `h` is a list (variables 0..<n) or a record {variable: field}; `J` a record {(i, j): coupling}.
            ising(h: [0.5, 0], J: {(0, 1): -1.0})
            """) { args in
            var m = BinaryQuadraticModel(vartype: .spin)
            try fillLinear(&m, args, 0)
            try fillQuadratic(&m, args, 1)
            m.offset = try args.double(2, default: 0)
            return .object(HamiltonianValue(m))
        }
        r.add("qubo", [.required("Q"), .optional("offset", "0.0")], topic: "models", doc: """
            A QUBO over binaries 0/1: E(x) = sum Q_ij x_i x_j + offset, with diagonal entries (i, i) as linear terms.
            qubo({(0, 0): -1.0, (0, 1): 2.0, (1, 1): -1.0})
            """) { args in
            var m = BinaryQuadraticModel(vartype: .binary)
            try fillQuadratic(&m, args, 0)
            m.offset = try args.double(1, default: 0)
            return .object(HamiltonianValue(m))
        }
        r.add("random_ising", [.required("graph"), .optional("h", "0.0"), .optional("J", "[-1, 1]"), .optional("seed", "0")], topic: "models", doc: """
            An Ising Hamiltonian on a graph's edges with random couplings and fields.
            Each of `h` and `J` is a constant, a (low, high) uniform range, or a list of values to pick from uniformly.
            random_ising(grid(4, 4), h: (-0.1, 0.1), J: [-1, 1], seed: 1)
            """) { args in
            let g = try args.graph(0)
            let drawH = try args.distribution(1, default: .float(0))
            let drawJ = try args.distribution(2, default: .list([.int(-1), .int(1)]))
            let seed = try args.int(3, default: 0)
            args.interpreter.noteSeed(seed)
            var rng = Xoshiro256(seed: seed)
            var m = BinaryQuadraticModel(vartype: .spin)
            for v in g.nodes { m.addLinear(v, drawH(&rng)) }
            for (u, v) in g.edges { m.addQuadratic(index: u, index: v, drawJ(&rng)) }
            return .object(HamiltonianValue(m))
        }
        r.add("sk", [.required("n"), .optional("zeta", "1.0"), .optional("seed", "0")], topic: "models", doc: """
            A Sherrington-Kirkpatrick spin glass on n spins, with no fields.
            The couplings on every pair are Gaussian with mean 0 and standard deviation zeta / sqrt(n).
            sk(15, zeta: 2, seed: 1)
            """) { args in
            let n = try args.int(0)
            guard n >= 1, n <= 5_000 else { throw args.error("`n` must be between 1 and 5000 (a dense model of n spins has n(n-1)/2 couplings)") }
            let zeta = try args.double(1, default: 1)
            guard zeta >= 0 else { throw args.error("`zeta` must not be negative") }
            let seed = try args.int(2, default: 0)
            args.interpreter.noteSeed(seed)
            var rng = Xoshiro256(seed: seed)
            let sigma = zeta / Double(n).squareRoot()
            var m = BinaryQuadraticModel(vartype: .spin)
            for i in 0..<n { m.addVariable(.int(i)) }
            for i in 0..<n { for j in (i + 1)..<max(i + 1, n) { m.addQuadratic(index: i, index: j, sigma * rng.nextGaussian()) } }
            return .object(HamiltonianValue(m))
        }
        r.add("ferromagnet", [.required("graph"), .optional("J", "1.0"), .optional("h", "0.0")], topic: "models", doc: """
            The ferromagnet on a graph: coupling -J on every edge (aligned spins lower the energy) and field h.
            ferromagnet(grid(8, 8, periodic: true))
            """) { args in
            let g = try args.graph(0)
            let j = try args.double(1, default: 1), h = try args.double(2, default: 0)
            var m = BinaryQuadraticModel(vartype: .spin)
            for v in g.nodes { m.addLinear(v, h) }
            for (u, v) in g.edges { m.addQuadratic(index: u, index: v, -j) }
            return .object(HamiltonianValue(m))
        }
    }

    static func fillLinear(_ m: inout BinaryQuadraticModel, _ args: Arguments, _ i: Int) throws {
        guard args.has(i) else { return }
        switch args.value(i) {
        case .list(let xs):
            for (k, x) in xs.enumerated() {
                guard let d = x.asDouble, x.typeName != "bool" else { throw args.error("field \(k) must be a number, got \(x.typeName)") }
                m.addLinear(.int(k), d)
            }
        case .record(let r):
            for k in 0..<r.count {
                guard let d = r.values[k].asDouble else { throw args.error("the field of \(ValueFormatter.describe(r.keys[k])) must be a number") }
                m.addLinear(try args.label(r.keys[k]), d)
            }
        case let v:
            throw args.error("`\(args.name(i))` must be a list or a record {variable: bias}, got \(v.typeName)")
        }
    }

    static func fillQuadratic(_ m: inout BinaryQuadraticModel, _ args: Arguments, _ i: Int) throws {
        guard args.has(i) else { return }
        let r = try args.record(i)
        for k in 0..<r.count {
            let (a, b) = try args.labelPair(r.keys[k])
            guard let d = r.values[k].asDouble, r.values[k].typeName != "bool" else {
                throw args.error("the bias of \(ValueFormatter.describe(r.keys[k])) must be a number")
            }
            if a == b, m.vartype == .binary { m.addLinear(a, d) } else if a == b {
                throw args.error("a coupling needs two different variables, got \(ValueFormatter.describe(r.keys[k]))",
                                 hint: "for a field on one spin use h: {...}")
            } else {
                m.addQuadratic(a, b, d)
            }
        }
    }
}
