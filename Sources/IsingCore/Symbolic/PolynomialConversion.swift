/// Evaluation, change of variable type, and conversion to and from quadratic models.
extension Polynomial {
    // MARK: Evaluation

    /// The value at an assignment of the variables. Values must be ±1 for a spin
    /// polynomial and 0/1 for a binary one; variables that occur in no nonzero term may
    /// be left out, extra entries are ignored.
    public func value(_ assignment: [Label: Int]) throws -> Double {
        var total = 0.0
        for (m, c) in table.entries {
            var product = c
            for v in m.labels {
                guard let x = assignment[v] else {
                    throw IsingError("no value given for variable \(displayName(v))")
                }
                try checkDomain(x, of: v)
                product *= Double(x)
            }
            total += product
        }
        return total
    }

    /// Throws unless `x` is a value a variable of this polynomial can take.
    func checkDomain(_ x: Int, of label: Label) throws {
        let (lo, hi) = (vartype ?? .binary).values
        guard x == Int(lo) || x == Int(hi) else {
            throw IsingError("variable \(displayName(label)) cannot be \(x): "
                             + (vartype == .spin ? "spins are -1 or +1" : "binaries are 0 or 1"))
        }
    }

    /// The value at a state given as values by position in `variables`
    /// (in this polynomial's vartype).
    public func value(state: [Int8], variables order: [Label]) throws -> Double {
        guard state.count == order.count else {
            throw IsingError("a state of \(state.count) values for \(order.count) variables")
        }
        var assignment: [Label: Int] = [:]
        for (v, x) in zip(order, state) { assignment[v] = Int(x) }
        return try value(assignment)
    }

    /// The value for every row of a sample set. Samples of the other vartype are read
    /// through the exact correspondence s = 2x − 1.
    public func values(_ samples: SampleSet) throws -> [Double] {
        let n = samples.variables.count
        var column: [Label: Int] = [:]
        for (i, v) in samples.variables.enumerated() { column[v] = i }
        var constant = 0.0
        var coefficients: [Double] = []
        var starts = [0]
        var columns: [Int] = []
        for (m, c) in table.entries {
            if m.isConstant { constant += c; continue }
            for v in m.labels {
                guard let j = column[v] else {
                    throw IsingError("the samples have no variable \(displayName(v))")
                }
                columns.append(j)
            }
            coefficients.append(c)
            starts.append(columns.count)
        }
        let target = vartype ?? samples.vartype
        let (lo, hi) = samples.vartype.values
        var out: [Double] = []
        out.reserveCapacity(samples.size)
        var x = [Double](repeating: 0, count: n)
        for r in 0..<samples.size {
            for i in 0..<n {
                let raw = samples.states[r * n + i]
                guard raw == lo || raw == hi else {
                    throw IsingError("sample \(r) gives variable \(displayName(samples.variables[i])) the value \(raw), "
                                     + "which is not a \(samples.vartype == .spin ? "spin (±1)" : "binary (0/1)") value")
                }
                let v = Double(raw)
                switch (samples.vartype, target) {
                case (.spin, .binary): x[i] = (v + 1) / 2
                case (.binary, .spin): x[i] = 2 * v - 1
                default: x[i] = v
                }
            }
            var e = constant
            for k in coefficients.indices {
                var p = coefficients[k]
                for t in starts[k]..<starts[k + 1] { p *= x[columns[t]] }
                e += p
            }
            out.append(e)
        }
        return out
    }

    // MARK: Change of variable type

    /// The same function over the other kind of variable, with every value unchanged:
    /// spin to binary substitutes s = 2x − 1, binary to spin x = (s + 1)/2, and expands.
    /// A term of degree d expands into up to 2^d terms; the coefficients are multiplied or
    /// divided by powers of two only, so each is exact before like terms are added.
    /// An untyped constant simply takes the requested type.
    public func converted(to target: Vartype) throws -> Polynomial {
        guard let source = vartype, source != target else {
            var p = self
            p.vartype = target
            return p
        }
        let entries = table.entries
        var work = 0
        for (m, _) in entries {
            guard m.degree < 40 else {
                throw IsingError("cannot convert a term of degree \(m.degree) between spin and binary form: it expands into 2^\(m.degree) terms")
            }
            work += 1 << m.degree
            if work > Polynomial.workLimit {
                throw IsingError("converting this polynomial between spin and binary form would produce more than "
                                 + "\(SymbolicFormat.count(Polynomial.workLimit)) terms")
            }
        }
        var out = TermTable()
        for (m, c) in entries {
            let d = m.degree
            for mask in 0..<(1 << d) {
                var subset: [Label] = []
                for (bit, v) in m.labels.enumerated() where mask & (1 << bit) != 0 { subset.append(v) }
                let k = subset.count
                let coefficient: Double
                if source == .spin {
                    // ∏ (2x − 1) = Σ_S 2^|S| (−1)^(d − |S|) x_S
                    let scale = Double(sign: .plus, exponent: k, significand: 1)
                    coefficient = (d - k) % 2 == 0 ? c * scale : -c * scale
                } else {
                    // ∏ (s + 1)/2 = 2^(−d) Σ_S s_S
                    coefficient = c * Double(sign: .plus, exponent: -d, significand: 1)
                }
                out.add(Monomial(sorted: subset), coefficient)
            }
            if out.storedCount > Polynomial.termLimit && out.count > Polynomial.termLimit {
                throw IsingError("converting this polynomial between spin and binary form gives more than "
                                 + "\(SymbolicFormat.count(Polynomial.termLimit)) terms")
            }
        }
        return Polynomial(vartype: target, variables: variables, table: out)
    }

    // MARK: Quadratic models

    /// The binary quadratic model with the same energies. Needs degree ≤ 2 (reduce
    /// higher-order polynomials with `quadratized(strength:)` first). The model has every
    /// variable of the polynomial, in order of first appearance, and this polynomial's
    /// vartype; pass `vartype` to get the model converted (exactly) to the other type.
    /// An untyped constant gives a model of `vartype` (spin when not given) with only an offset.
    public func toBQM(vartype target: Vartype? = nil) throws -> BinaryQuadraticModel {
        let d = degree
        if d > 2 {
            let example = sortedEntries().first.map { entry in
                entry.0.labels.map { displayName($0) }.joined(separator: "*")
            } ?? ""
            throw IsingError("cannot make a quadratic model from a polynomial of degree \(d) (for example the term "
                             + "\(example)); reduce it to quadratic form first with quadratize(H, strength:), "
                             + "which adds auxiliary variables")
        }
        let own = vartype ?? target ?? .spin
        var model = BinaryQuadraticModel(vartype: own)
        for v in variables { model.addVariable(v) }
        for (m, c) in sortedEntries(descending: false) {
            switch m.labels.count {
            case 0: model.offset += c
            case 1: model.addLinear(m.labels[0], c)
            default: model.addQuadratic(m.labels[0], m.labels[1], c)
            }
        }
        if let t = target, t != own { return model.converted(to: t) }
        return model
    }

    /// The polynomial of a binary quadratic model: the offset, one term per linear bias
    /// and one per interaction (zero biases dropped), with the model's vartype and
    /// variables in the model's order.
    public init(_ model: BinaryQuadraticModel) {
        self.init()
        var t = TermTable()
        t.add(.one, model.offset)
        for (i, h) in model.linear.enumerated() { t.add(Monomial(sorted: [model.variables[i]]), h) }
        for q in model.interactions {
            let a = model.variables[q.u], b = model.variables[q.v]
            t.add(Monomial(sorted: a < b ? [a, b] : [b, a]), q.bias)
        }
        self = Polynomial(vartype: model.vartype, variables: model.variables, table: t)
    }
}
