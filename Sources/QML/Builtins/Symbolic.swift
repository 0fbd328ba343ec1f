import IsingCore

extension BuiltinRegistry {
    /// Symbolic variables, quadratization and constraints.
    static func registerSymbolic(into r: inout BuiltinRegistry) {
        r.add("spins", [.required("n")], topic: "models", doc: """
            A list of n symbolic spin variables s[0] ... s[n-1] (values ±1) to build Hamiltonians with + - * and ^.
            let s = spins(3); let H = (s[0] + s[1] + s[2] - 1)^2
            """) { args in
            let n = try args.int(0)
            guard n >= 0, n <= 1_000_000 else { throw args.error("`n` must be between 0 and 1000000") }
            return .list(Polynomial.spins(n).map { .object(HamiltonianValue(polynomial: $0)) })
        }
        r.add("binaries", [.required("n")], topic: "models", doc: """
            A list of n symbolic binary variables x[0] ... x[n-1] (values 0/1).
            let x = binaries(4); let H = sum(map(0..<4, |i| x[i])) - 2
            """) { args in
            let n = try args.int(0)
            guard n >= 0, n <= 1_000_000 else { throw args.error("`n` must be between 0 and 1000000") }
            return .list(Polynomial.binaries(n).map { .object(HamiltonianValue(polynomial: $0)) })
        }
        r.add("spin", [.required("name")], topic: "models", doc: """
            One symbolic spin variable with a name (an integer or a string): spin("a").
            """) { args in
            .object(HamiltonianValue(polynomial: Polynomial.spin(try args.label(args.value(0)))))
        }
        r.add("binary", [.required("name")], topic: "models", doc: """
            One symbolic binary variable with a name: binary("x").
            """) { args in
            .object(HamiltonianValue(polynomial: Polynomial.binary(try args.label(args.value(0)))))
        }
        r.add("quadratize", [.required("H"), .optional("strength", "safe")], topic: "models", doc: """
            A quadratic Hamiltonian equivalent to a higher-order one, with auxiliary variables.
            Each product x_i x_j is replaced by an auxiliary binary named "aux(i*j)" with a Rosenberg penalty. Its minimum over the auxiliaries equals the original energy
            for every assignment of the original variables. The default strength of each penalty (1 + the sum of the
            |coefficients| it replaces) is always large enough; a smaller `strength:` may break that.
            let s = spins(3); quadratize(s[0] * s[1] * s[2])
            """) { args in
            let h = try args.hamiltonianValue(0)
            let strength = args.has(1) ? try args.double(1) : nil
            do {
                let q = try h.polynomial.quadratized(strength: strength)
                return .object(HamiltonianValue(q.model, constraints: h.constraints))
            } catch let e as IsingError {
                throw args.error(e.message)
            }
        }
        r.add("constraint", [.required("expr"), .optional("equals"), .optional("strength", "1.0"), .optional("name")], topic: "models", doc: """
            A penalty Hamiltonian that enforces a constraint.
            It is strength * (expr - equals)^2 with `equals:`, or strength * expr when expr is already zero exactly at the allowed states. Adding it to an objective keeps the
            constraint, so H.violations(state) and H.feasible(state) can check samples.
            let x = binaries(3)
            let H = -x[0] - x[1] + constraint(x[0] + x[1] + x[2], equals: 1, strength: 4, name: "one-hot")
            """) { args in
            let expr = try args.hamiltonianValue(0).polynomial
            let strength = try args.double(2, default: 1)
            let name = args.has(3) ? try args.string(3) : nil
            do {
                let c: Constraint
                if args.has(1) {
                    c = try Constraint(expr, equals: try args.double(1), strength: strength, name: name)
                } else {
                    c = try Constraint(penalty: expr, strength: strength, name: name)
                }
                return .object(HamiltonianValue(polynomial: try c.penalty(), constraints: [c]))
            } catch let e as IsingError {
                throw args.error(e.message)
            }
        }
    }
}
