/// The name of a variable: an integer or a string, as in dimod.
public enum Label: Hashable, Sendable, CustomStringConvertible {
    case int(Int)
    case string(String)

    public var description: String {
        switch self {
        case .int(let i): return String(i)
        case .string(let s): return s
        }
    }
}

extension Label: Comparable {
    /// Integers before strings; integers by value, strings lexicographically.
    public static func < (a: Label, b: Label) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.string(let x), .string(let y)): return x < y
        case (.int, .string): return true
        case (.string, .int): return false
        }
    }
}

/// Whether variables take the values ±1 (spins) or 0/1 (binaries).
public enum Vartype: String, Sendable {
    case spin = "SPIN"
    case binary = "BINARY"

    /// The two values a variable of this type takes, low first.
    public var values: (Int8, Int8) { self == .spin ? (-1, 1) : (0, 1) }
}

/// Errors of the Ising layer, with text meant for users.
public struct IsingError: Error, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
