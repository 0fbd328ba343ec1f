/// A named penalty term: a condition on the variables, turned into an energy that is 0
/// where the condition holds and positive where it does not.
///
/// Two forms:
/// - **equality** `expression == target`: the penalty is `strength · (expression − target)²`;
///   the constraint is broken when |expression − target| > tolerance.
/// - **zero** (`penalty:`): the expression is itself the penalty, to be 0 at feasible
///   points and positive elsewhere (e.g. `x·y` for "not both"); the penalty is
///   `strength · expression` and the constraint is broken when |expression| > tolerance.
///   Whether the expression is really ≥ 0 everywhere is the caller's responsibility.
public struct Constraint: Sendable {
    /// How the expression is judged.
    public enum Form: Sendable, Equatable {
        /// The expression must equal the value.
        case equals(Double)
        /// The expression must be 0; it is used as the penalty directly.
        case zero
    }

    /// The name used in reports; by default the condition printed, e.g. `x[0] + x[1] + x[2] = 1`.
    public let name: String
    public let expression: Polynomial
    public let form: Form
    /// The multiplier of the penalty (> 0).
    public let strength: Double

    /// `expression == target`, penalised by `strength · (expression − target)²`.
    public init(_ expression: Polynomial, equals target: Double, strength: Double = 1, name: String? = nil) throws {
        try Constraint.checkStrength(strength)
        self.expression = expression
        self.form = .equals(target)
        self.strength = strength
        self.name = name ?? Constraint.shortened("\(expression) = \(SymbolicFormat.number(target))")
    }

    /// An expression that must be 0, penalised by `strength · expression`.
    public init(penalty expression: Polynomial, strength: Double = 1, name: String? = nil) throws {
        try Constraint.checkStrength(strength)
        self.expression = expression
        self.form = .zero
        self.strength = strength
        self.name = name ?? Constraint.shortened("\(expression) = 0")
    }

    static func checkStrength(_ s: Double) throws {
        guard s.isFinite && s > 0 else {
            throw IsingError("a constraint's strength must be a positive number, got \(s)")
        }
    }

    static func shortened(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(57)) + "..."
    }

    /// The value the expression must take.
    public var target: Double {
        switch form {
        case .equals(let t): return t
        case .zero: return 0
        }
    }

    /// The energy term: `strength · (expression − target)²` or `strength · expression`.
    public func penalty() throws -> Polynomial {
        switch form {
        case .equals(let t): return try (expression - t).power(2).scaled(strength)
        case .zero: return expression.scaled(strength)
        }
    }

    /// The expression's value at an assignment.
    public func value(_ assignment: [Label: Int]) throws -> Double { try expression.value(assignment) }

    /// The violation at an assignment, or nil when the constraint holds.
    public func violation(_ assignment: [Label: Int], tolerance: Double = 1e-9) throws -> Violation? {
        let v = try value(assignment)
        return judge(v, tolerance: tolerance)
    }

    /// A violation for the value `v`, or nil when it is within `tolerance` of the target.
    func judge(_ v: Double, tolerance: Double) -> Violation? {
        abs(v - target) <= tolerance * max(1, abs(target)) ? nil
            : Violation(name: name, value: v, target: target)
    }
}

/// A broken constraint at one state.
public struct Violation: Sendable, Equatable, CustomStringConvertible {
    /// The constraint's name.
    public let name: String
    /// The value its expression took.
    public let value: Double
    /// The value it had to take.
    public let target: Double

    /// E.g. `one-hot: value 2, must be 1`.
    public var description: String {
        "\(name): value \(SymbolicFormat.number(value)), must be \(SymbolicFormat.number(target))"
    }
}

/// An objective plus constraints: the energy to minimise is the objective plus every
/// constraint's penalty, and samples can be checked for broken constraints.
public struct ConstrainedModel: Sendable {
    public var objective: Polynomial
    public private(set) var constraints: [Constraint] = []

    public init(objective: Polynomial = Polynomial(), constraints: [Constraint] = []) throws {
        self.objective = objective
        for c in constraints { try add(c) }
    }

    /// Adds a constraint; its variables must have the objective's vartype.
    public mutating func add(_ constraint: Constraint) throws {
        _ = try Polynomial.commonVartype(objective, constraint.expression, "constrain")
        for other in constraints {
            _ = try Polynomial.commonVartype(other.expression, constraint.expression, "constrain")
        }
        constraints.append(constraint)
    }

    /// Objective plus all penalties.
    public func polynomial() throws -> Polynomial {
        var total = objective
        for c in constraints { try total.add(c.penalty()) }
        return total
    }

    /// The broken constraints at an assignment, in the order they were added.
    public func check(_ assignment: [Label: Int], tolerance: Double = 1e-9) throws -> [Violation] {
        try constraints.compactMap { try $0.violation(assignment, tolerance: tolerance) }
    }

    /// The broken constraints at an assignment as readable lines.
    public func violations(_ assignment: [Label: Int], tolerance: Double = 1e-9) throws -> [String] {
        try check(assignment, tolerance: tolerance).map(\.description)
    }

    /// The broken constraints for every row of a sample set (samples of the other vartype
    /// are read through s = 2x − 1).
    public func violations(in samples: SampleSet, tolerance: Double = 1e-9) throws -> [[Violation]] {
        var rows = [[Violation]](repeating: [], count: samples.size)
        for c in constraints {
            let values = try c.expression.values(samples)
            for (r, v) in values.enumerated() {
                if let broken = c.judge(v, tolerance: tolerance) { rows[r].append(broken) }
            }
        }
        return rows
    }

    /// Whether a state breaks no constraint.
    public func isFeasible(_ assignment: [Label: Int], tolerance: Double = 1e-9) throws -> Bool {
        try check(assignment, tolerance: tolerance).isEmpty
    }
}
