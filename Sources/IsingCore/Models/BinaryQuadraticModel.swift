/// A binary quadratic model, dimod's central object:
///
///     E(x) = Σ_i a_i x_i + Σ_{i<j} b_ij x_i x_j + offset
///
/// over spins (x = ±1) or binaries (x = 0/1). Variables keep the order in which they
/// were added; biases are stored by variable index.
public struct BinaryQuadraticModel: Sendable, Equatable {
    public private(set) var vartype: Vartype
    public private(set) var variables: [Label] = []
    private var indexOf: [Label: Int] = [:]
    /// Linear biases, by variable index.
    public private(set) var linear: [Double] = []
    /// Interactions in insertion order, each with u < v (variable indices).
    public private(set) var interactions: [Interaction] = []
    private var interactionIndex: [Pair: Int] = [:]
    public var offset: Double = 0

    /// An unordered pair of variable indices, stored with `u < v`.
    public struct Pair: Hashable, Sendable {
        public let u: Int
        public let v: Int
        public init(_ a: Int, _ b: Int) { u = min(a, b); v = max(a, b) }
    }

    /// One quadratic term.
    public struct Interaction: Sendable, Equatable {
        public let u: Int
        public let v: Int
        public var bias: Double
    }

    public init(vartype: Vartype) { self.vartype = vartype }

    public var count: Int { variables.count }

    /// The index of a variable, if present.
    public func index(of label: Label) -> Int? { indexOf[label] }

    /// Adds a variable (with zero bias) if it is new; returns its index.
    @discardableResult
    public mutating func addVariable(_ label: Label) -> Int {
        if let i = indexOf[label] { return i }
        indexOf[label] = variables.count
        variables.append(label)
        linear.append(0)
        return variables.count - 1
    }

    /// Adds `bias` to the linear term of a variable (adding the variable if new).
    public mutating func addLinear(_ label: Label, _ bias: Double) {
        let i = addVariable(label)
        linear[i] += bias
    }

    /// Adds `bias` to the interaction between two variables. A term of a variable with
    /// itself is folded exactly: s·s = 1 goes to the offset, x·x = x to the linear term.
    public mutating func addQuadratic(_ a: Label, _ b: Label, _ bias: Double) {
        let i = addVariable(a), j = addVariable(b)
        addQuadratic(index: i, index: j, bias)
    }

    /// `addQuadratic` by variable indices.
    public mutating func addQuadratic(index i: Int, index j: Int, _ bias: Double) {
        if i == j {
            if vartype == .spin { offset += bias } else { linear[i] += bias }
            return
        }
        let p = Pair(i, j)
        if let k = interactionIndex[p] {
            interactions[k].bias += bias
        } else {
            interactionIndex[p] = interactions.count
            interactions.append(Interaction(u: p.u, v: p.v, bias: bias))
        }
    }

    /// The interaction bias between two variables (0 when absent).
    public func quadratic(_ a: Label, _ b: Label) -> Double {
        guard let i = indexOf[a], let j = indexOf[b], let k = interactionIndex[Pair(i, j)] else { return 0 }
        return interactions[k].bias
    }

    /// The linear bias of a variable (0 when absent).
    public func linear(_ label: Label) -> Double {
        indexOf[label].map { linear[$0] } ?? 0
    }

    /// How many interactions each variable takes part in.
    public var degrees: [Int] {
        var d = [Int](repeating: 0, count: count)
        for t in interactions { d[t.u] += 1; d[t.v] += 1 }
        return d
    }

    /// The energy of one state, values by variable index (±1 or 0/1 per `vartype`).
    public func energy(_ state: [Int8]) -> Double {
        var e = offset
        for i in 0..<min(count, state.count) { e += linear[i] * Double(state[i]) }
        for t in interactions { e += t.bias * Double(state[t.u]) * Double(state[t.v]) }
        return e
    }

    /// The same model over spins, with every energy unchanged (x = (s + 1) / 2).
    public func toIsing() -> BinaryQuadraticModel {
        guard vartype == .binary else { return self }
        var m = BinaryQuadraticModel(vartype: .spin)
        for v in variables { m.addVariable(v) }
        m.offset = offset
        for (i, a) in linear.enumerated() {
            m.linear[i] += a / 2
            m.offset += a / 2
        }
        for t in interactions {
            m.addQuadratic(index: t.u, index: t.v, t.bias / 4)
            m.linear[t.u] += t.bias / 4
            m.linear[t.v] += t.bias / 4
            m.offset += t.bias / 4
        }
        return m
    }

    /// The same model over binaries, with every energy unchanged (s = 2x − 1).
    public func toQubo() -> BinaryQuadraticModel {
        guard vartype == .spin else { return self }
        var m = BinaryQuadraticModel(vartype: .binary)
        for v in variables { m.addVariable(v) }
        m.offset = offset
        for (i, h) in linear.enumerated() {
            m.linear[i] += 2 * h
            m.offset -= h
        }
        for t in interactions {
            m.addQuadratic(index: t.u, index: t.v, 4 * t.bias)
            m.linear[t.u] -= 2 * t.bias
            m.linear[t.v] -= 2 * t.bias
            m.offset += t.bias
        }
        return m
    }

    /// This model converted to `target`.
    public func converted(to target: Vartype) -> BinaryQuadraticModel {
        target == .spin ? toIsing() : toQubo()
    }

    /// Every bias and the offset multiplied by `k`.
    public func scaled(_ k: Double) -> BinaryQuadraticModel {
        var m = self
        for i in m.linear.indices { m.linear[i] *= k }
        for i in m.interactions.indices { m.interactions[i].bias *= k }
        m.offset *= k
        return m
    }

    /// The model with some variables fixed to values (removed, their terms folded in).
    public func fixing(_ values: [Label: Int8]) throws -> BinaryQuadraticModel {
        let (lo, hi) = vartype.values
        for (label, value) in values {
            guard indexOf[label] != nil else { throw IsingError("cannot fix \(label): the model has no such variable") }
            guard value == lo || value == hi else {
                throw IsingError("cannot fix \(label) to \(value): \(vartype == .spin ? "spins are -1 or +1" : "binaries are 0 or 1")")
            }
        }
        var m = BinaryQuadraticModel(vartype: vartype)
        m.offset = offset
        for (i, v) in variables.enumerated() {
            if let x = values[v] { m.offset += linear[i] * Double(x) } else { m.addLinear(v, linear[i]) }
        }
        for t in interactions {
            let a = variables[t.u], b = variables[t.v]
            switch (values[a], values[b]) {
            case (nil, nil): m.addQuadratic(a, b, t.bias)
            case (let x?, nil): m.addLinear(b, t.bias * Double(x))
            case (nil, let y?): m.addLinear(a, t.bias * Double(y))
            case (let x?, let y?): m.offset += t.bias * Double(x) * Double(y)
            }
        }
        return m
    }

    /// The model with variables renamed; labels not in `mapping` keep their name.
    public func relabeled(_ mapping: [Label: Label]) throws -> BinaryQuadraticModel {
        let renamed = variables.map { mapping[$0] ?? $0 }
        guard Set(renamed).count == renamed.count else {
            throw IsingError("relabelling would give two variables the same name")
        }
        var m = BinaryQuadraticModel(vartype: vartype)
        m.offset = offset
        for (i, v) in renamed.enumerated() { m.addLinear(v, linear[i]) }
        for t in interactions { m.addQuadratic(index: t.u, index: t.v, t.bias) }
        return m
    }

    /// The compact spin-form model the samplers run on.
    public func spinModel() -> SpinModel { SpinModel(toIsing()) }
}
