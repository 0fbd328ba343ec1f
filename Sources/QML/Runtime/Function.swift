/// Compiled code: a closure over the current frame's slots.
typealias Code = (UnsafeMutablePointer<Value>) throws -> Value

/// The compiled, shareable part of a language function.
public final class FunctionProto {
    public let name: String
    public let parameterNames: [String]
    /// Defaults, evaluated in the callee's frame when an argument is missing.
    let defaults: [Code?]
    /// Slots in a frame: the closure itself, the parameters, then locals.
    let frameSize: Int
    /// Parameter positions whose variables are captured by inner functions.
    let boxedParameters: [Int]
    /// Set after compilation of the body (functions may refer to themselves).
    var body: Code = { _ in .null }
    let span: Span
    let captureSources: [CaptureSource]

    init(name: String, parameterNames: [String], defaults: [Code?], frameSize: Int, boxedParameters: [Int],
         span: Span, captureSources: [CaptureSource]) {
        self.name = name
        self.parameterNames = parameterNames
        self.defaults = defaults
        self.frameSize = frameSize
        self.boxedParameters = boxedParameters
        self.span = span
        self.captureSources = captureSources
    }

    /// The number of parameters without a default.
    var requiredCount: Int { defaults.prefix(while: { $0 == nil }).count }

    /// `name(a, b: default)` for help and errors.
    public var signature: String {
        var parts: [String] = []
        for (i, p) in parameterNames.enumerated() { parts.append(defaults[i] == nil ? p : "\(p): ...") }
        return "\(name)(\(parts.joined(separator: ", ")))"
    }
}

/// A language function value: the compiled code plus the variables it captured.
public final class Closure {
    let proto: FunctionProto
    let captures: [Cell]
    init(proto: FunctionProto, captures: [Cell]) {
        self.proto = proto
        self.captures = captures
    }
}

/// One parameter of a native function.
public struct BuiltinParameter: Sendable {
    public enum Kind: Sendable {
        /// Must be given.
        case required
        /// May be omitted; then `defaultText` describes what is used.
        case optional
        /// Collects any number of remaining positional arguments into a list.
        case variadic
    }
    public let name: String
    public let kind: Kind
    /// How the default is shown in help, e.g. "1000" or "nil".
    public let defaultText: String?

    public static func required(_ name: String) -> BuiltinParameter { .init(name: name, kind: .required, defaultText: nil) }
    public static func optional(_ name: String, _ defaultText: String = "nil") -> BuiltinParameter {
        .init(name: name, kind: .optional, defaultText: defaultText)
    }
    public static func variadic(_ name: String) -> BuiltinParameter { .init(name: name, kind: .variadic, defaultText: nil) }
}

/// A native function with its documentation. Registered in a `BuiltinRegistry`, it
/// becomes a global name, shows in `:help`, and is offered by completion.
public final class Builtin {
    public typealias Body = (inout Arguments) throws -> Value

    public let name: String
    public let parameters: [BuiltinParameter]
    /// First line: a one-sentence summary; further lines: details and examples.
    public let doc: String
    /// A topic for grouping in `:help` ("core", "math", "lists", ...).
    public let topic: String
    let body: Body

    public init(name: String, parameters: [BuiltinParameter], topic: String, doc: String, body: @escaping Body) {
        self.name = name
        self.parameters = parameters
        self.topic = topic
        self.doc = doc
        self.body = body
    }

    /// `name(a, b: 1000, rest...)` as shown by help.
    public var signature: String {
        let parts = parameters.map { p -> String in
            switch p.kind {
            case .required: return p.name
            case .optional: return "\(p.name): \(p.defaultText ?? "nil")"
            case .variadic: return "\(p.name)..."
            }
        }
        return "\(name)(\(parts.joined(separator: ", ")))"
    }

    /// The first line of the doc string.
    public var summary: String { String(doc.split(separator: "\n", maxSplits: 1).first ?? "") }
}
